package cn.county.platform.funds;

import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface BenefitMapper {

	ProjectBenefit selectById(@Param("id") long id);

	/**
	 * The benefits of many projects in one statement, limited to households in the scope.
	 */
	List<ProjectBenefit> selectByProjectIds(@Param("projectIds") Collection<Long> projectIds,
			@Param("scope") Scope scope);

	/**
	 * The benefits of many households in one statement: the batch loader behind
	 * {@code Household.projectBenefits}.
	 */
	List<ProjectBenefit> selectByHouseholdIds(@Param("householdIds") Collection<Long> householdIds);

	boolean exists(@Param("b") ProjectBenefit benefit);

	void insert(@Param("b") ProjectBenefit benefit);

	List<CollectiveIncome> selectIncome(@Param("year") int year, @Param("townCode") String townCode,
			@Param("villageCode") String villageCode);

	CollectiveIncome lockIncome(@Param("villageCode") String villageCode, @Param("year") int year,
			@Param("source") IncomeSource source);

	void insertIncome(@Param("i") CollectiveIncome income);

	void updateIncome(@Param("i") CollectiveIncome income);

}
