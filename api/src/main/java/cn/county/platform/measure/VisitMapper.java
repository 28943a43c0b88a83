package cn.county.platform.measure;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface VisitMapper {

	/**
	 * The visits of many households in one statement: the batch loader behind
	 * {@code Household.visits}.
	 */
	List<Visit> selectByHouseholdIds(@Param("householdIds") Collection<Long> householdIds);

	Visit selectById(@Param("id") long id);

	/**
	 * One keyset page, the latest first: rows after ({@code afterDate}, {@code afterId}),
	 * at most {@code limit}.
	 */
	List<Visit> selectPage(@Param("filter") VisitFilter filter, @Param("scope") Scope scope,
			@Param("afterDate") LocalDate afterDate, @Param("afterId") Long afterId, @Param("limit") int limit);

	long count(@Param("filter") VisitFilter filter, @Param("scope") Scope scope);

	void insert(@Param("v") Visit visit);

}
