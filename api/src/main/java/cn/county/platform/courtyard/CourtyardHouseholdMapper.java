package cn.county.platform.courtyard;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface CourtyardHouseholdMapper {

	/**
	 * The records of many households in one statement: the batch loader behind
	 * {@code Household.courtyard}.
	 */
	List<CourtyardHousehold> selectByHouseholdIds(@Param("householdIds") Collection<Long> householdIds);

	CourtyardHousehold selectById(@Param("id") long id);

	/**
	 * Locks the record for the rest of the transaction; null when absent or its household
	 * is out of scope.
	 */
	CourtyardHousehold lock(@Param("id") long id, @Param("scope") Scope scope);

	boolean exists(@Param("householdId") long householdId, @Param("year") int year);

	/**
	 * One keyset page, the latest year first: rows after ({@code afterYear},
	 * {@code afterId}).
	 */
	List<CourtyardHousehold> selectPage(@Param("filter") CourtyardFilter filter, @Param("scope") Scope scope,
			@Param("afterYear") Integer afterYear, @Param("afterId") Long afterId, @Param("limit") int limit);

	long count(@Param("filter") CourtyardFilter filter, @Param("scope") Scope scope);

	void insert(@Param("c") CourtyardHousehold record);

	void update(@Param("id") long id, @Param("changes") Inputs.UpdateCourtyardInput changes);

	void updateStatus(@Param("id") long id, @Param("status") CourtyardStatus status,
			@Param("decidedBy") String decidedBy, @Param("decidedOn") LocalDate decidedOn);

}
