package cn.county.platform.household;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface HouseholdMapper {

	Household selectById(@Param("id") long id, @Param("scope") Scope scope);

	Household selectByCode(@Param("code") String code, @Param("scope") Scope scope);

	List<Household> selectByIds(@Param("ids") Collection<Long> ids, @Param("scope") Scope scope);

	/**
	 * Locks the household row for the rest of the transaction; null when absent or out of
	 * scope.
	 */
	Integer lockVersion(@Param("id") long id, @Param("scope") Scope scope);

	/**
	 * Which of the household's derived columns have records behind them: a map of
	 * {@code inspected}, {@code supplied} and {@code enrolled}, each 0 or 1.
	 */
	java.util.Map<String, Object> selectRecordsBehind(@Param("id") long id);

	/**
	 * One keyset page: rows after ({@code afterValue}, {@code afterId}) in the given
	 * order, at most {@code limit}. {@code orderColumn} comes from
	 * {@link HouseholdOrder.Field}, never from input.
	 */
	List<Household> selectPage(@Param("filter") HouseholdFilter filter, @Param("scope") Scope scope,
			@Param("orderColumn") String orderColumn, @Param("desc") boolean desc,
			@Param("afterValue") Object afterValue, @Param("afterId") Long afterId, @Param("limit") int limit);

	long count(@Param("filter") HouseholdFilter filter, @Param("scope") Scope scope);

	boolean codeExists(@Param("code") String code);

	void insert(@Param("h") Household household);

	void update(@Param("id") long id, @Param("changes") Inputs.UpdateHouseholdInput changes);

	void updateMonitoring(@Param("id") long id, @Param("category") HouseholdCategory category,
			@Param("monitoringType") MonitoringType monitoringType, @Param("riskStatus") RiskStatus riskStatus,
			@Param("riskEliminatedOn") LocalDate riskEliminatedOn,
			@Param("identifiedVia") IdentificationChannel identifiedVia, @Param("identifiedOn") LocalDate identifiedOn);

	void updateHead(@Param("id") long id, @Param("headName") String headName,
			@Param("headIdNumber") String headIdNumber);

	void deleteRiskCauses(@Param("householdId") long householdId);

	void insertRiskCauses(@Param("householdId") long householdId, @Param("causes") Collection<RiskCause> causes);

	/** Which of the codes households hold already (the batch of an import). */
	List<String> selectExistingCodes(@Param("codes") Collection<String> codes);

}
