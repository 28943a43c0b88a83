package cn.county.platform.household;

import java.math.BigDecimal;
import java.time.LocalDate;

public record HouseholdFilter(String townCode, String villageCode, HouseholdCategory category,
		MonitoringType monitoringType, RiskStatus riskStatus, RiskCause riskCause, BigDecimal incomeMin,
		BigDecimal incomeMax, LocalDate identifiedSince, String search) {

	public static final HouseholdFilter NONE = new HouseholdFilter(null, null, null, null, null, null, null, null, null,
			null);

	/** The search text with LIKE's wildcards escaped, for a prefix match. */
	public String searchPrefix() {
		if (this.search == null || this.search.isBlank()) {
			return null;
		}
		return this.search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
