package cn.county.platform.screening;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.household.HouseholdCategory;

/** One row of the screening list: a household and the reason it is listed. */
public record ScreeningEntry(ScreeningReason reason, long householdId, String householdCode, String headName,
		String headIdNumber, String townCode, String townName, String villageCode, String villageName,
		HouseholdCategory category, BigDecimal incomePerCapita, int incomeYear, BigDecimal monitoringLine,
		String warningSource, LocalDate warningReceivedOn, LocalDate screenedOn) implements HouseholdOwned {

	/**
	 * The value the list is ordered by within the row's reason, as the cursor carries it.
	 */
	String sortValue() {
		return switch (this.reason) {
			case UNDER_LINE_NOT_MONITORED -> this.incomePerCapita.toPlainString();
			case WARNING_NOT_SCREENED -> this.warningReceivedOn.toString();
		};
	}

}
