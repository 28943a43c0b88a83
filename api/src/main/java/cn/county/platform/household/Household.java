package cn.county.platform.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.common.InTown;

/**
 * A household as stored, with its town's and village's names joined in so they cost no
 * extra query.
 */
public record Household(long id, String code, String townCode, String townName, String villageCode, String villageName,
		String address, String headName, String headIdNumber, String phone, HouseholdCategory category,
		MonitoringType monitoringType, RiskStatus riskStatus, LocalDate riskEliminatedOn, boolean receivesPolicySupport,
		List<RiskCause> riskCauses, BigDecimal incomePerCapita, int incomeYear, boolean minimumAllowance,
		boolean extremePoverty, IdentificationChannel identifiedVia, LocalDate identifiedOn, String warningSource,
		LocalDate warningReceivedOn, LocalDate screenedOn, String assignedCadre, HousingGrade housingGrade,
		LocalDate housingInspectedOn, Boolean waterSafe, LocalDate waterCheckedOn, int version,
		OffsetDateTime updatedAt) implements HouseholdOwned, InTown {

	@Override
	public long householdId() {
		return this.id;
	}

	public boolean isMonitoredAtRisk() {
		return this.category == HouseholdCategory.MONITORED && this.riskStatus == RiskStatus.NOT_ELIMINATED;
	}

}
