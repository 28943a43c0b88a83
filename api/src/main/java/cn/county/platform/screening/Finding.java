package cn.county.platform.screening;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.county.platform.common.HouseholdOwned;

/**
 * One record that breaks one data-quality rule, as the findings statement returns it.
 *
 * @param recordId the member, loan or household id the finding is about: the last part of
 * the list's order
 * @param schooling the member's schooling (school-age findings)
 * @param maturityDate the loan's maturity (loan findings)
 * @param incomePerCapita the household's income (risk findings)
 * @param incomeYear the year of that income
 * @param riskEliminatedOn when the risk was marked eliminated
 * @param schoolingRecordId the schooling record concerned (the drop-out of
 * DROPPED_OUT_WITHOUT_RETURN)
 * @param droppedOutOn the day of that drop-out
 * @param recordedOn the day of the record the finding names, where it has one (the D
 * inspection; the allowance's start)
 */
public record Finding(DataQualityRule rule, long recordId, long householdId, String householdCode, String headName,
		String townCode, String townName, String villageCode, String villageName, Long memberId, String memberName,
		String memberIdNumber, LocalDate memberBirthDate, String schooling, String labourCapacity, Long loanId,
		LocalDate maturityDate, BigDecimal incomePerCapita, Integer incomeYear, LocalDate riskEliminatedOn,
		Long schoolingRecordId, LocalDate droppedOutOn, LocalDate recordedOn) implements HouseholdOwned {

}
