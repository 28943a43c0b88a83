package cn.county.platform.exchange.warning;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Department warnings, and the household's newest warning that the screening list reads.
 */
@Mapper
public interface WarningMapper {

	void insert(@Param("w") Warning warning);

	Warning selectById(@Param("id") long id);

	/**
	 * The stored warning that this one repeats (same member, department, kind and date),
	 * if any.
	 */
	Long selectSame(@Param("memberId") long memberId, @Param("department") String department,
			@Param("kind") String kind, @Param("warnedOn") LocalDate warnedOn);

	/**
	 * Warnings of many households at once, newest first within each, for the batch
	 * loader.
	 */
	List<Warning> selectByHouseholdIds(@Param("householdIds") Collection<Long> householdIds);

	/**
	 * Makes the warning the household's newest, which drives WARNING_NOT_SCREENED until
	 * it is screened.
	 */
	int updateHouseholdWarning(@Param("householdId") long householdId, @Param("department") String department,
			@Param("warnedOn") LocalDate warnedOn);

}
