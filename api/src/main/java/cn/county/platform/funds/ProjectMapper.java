package cn.county.platform.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ProjectMapper {

	Project selectById(@Param("id") long id);

	/** The projects of a year and town by that name (an import's natural key). */
	List<Project> selectByKey(@Param("year") int year, @Param("townCode") String townCode, @Param("name") String name);

	/** Projects by id in one statement, for the batch loaders of splits and benefits. */
	List<Project> selectByIds(@Param("ids") Collection<Long> ids);

	/**
	 * Locks the project row for the rest of the transaction (every change of its totals
	 * serialises on it); null when absent or outside the scope.
	 */
	Project lock(@Param("id") long id, @Param("scope") Scope scope);

	/**
	 * One keyset page, the latest year first: rows after ({@code afterYear},
	 * {@code afterId}).
	 */
	List<Project> selectPage(@Param("filter") ProjectFilter filter, @Param("scope") Scope scope,
			@Param("afterYear") Integer afterYear, @Param("afterId") Long afterId, @Param("limit") int limit);

	long count(@Param("filter") ProjectFilter filter, @Param("scope") Scope scope);

	/**
	 * The year's projects in the scope that are funded and not yet accepted: the ones
	 * cards are given to.
	 */
	List<Project> selectCarded(@Param("year") int year, @Param("scope") Scope scope);

	void insert(@Param("p") Project project);

	void update(@Param("id") long id, @Param("changes") Inputs.UpdateProjectInput changes);

	void updateStatus(@Param("id") long id, @Param("status") ProjectStatus status, @Param("on") LocalDate on,
			@Param("reviewedBy") String reviewedBy, @Param("verdict") ReviewVerdict verdict,
			@Param("note") String note);

	/** Adds to the running totals; call it with the row locked. */
	void addToTotals(@Param("id") long id, @Param("allocated") BigDecimal allocated,
			@Param("disbursed") BigDecimal disbursed);

}
