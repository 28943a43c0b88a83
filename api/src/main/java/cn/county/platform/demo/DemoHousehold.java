package cn.county.platform.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One generated household with its risk causes and members, as written to
 * {@code household}, {@code household_risk_cause} and {@code member}. Sections of later
 * features read it to add their own rows in proportion (measures for monitored
 * households, jobs for members able to work, and so on).
 */
public record DemoHousehold(long id, String code, String townCode, String villageCode, String address, String headName,
		String headIdNumber, String phone, String category, String monitoringType, String riskStatus,
		LocalDate riskEliminatedOn, boolean policySupport, BigDecimal incomePerCapita, int incomeYear,
		boolean minimumAllowance, boolean extremePoverty, String identifiedVia, LocalDate identifiedOn,
		String warningSource, LocalDate warningReceivedOn, LocalDate screenedOn, String assignedCadre,
		String housingGrade, LocalDate housingInspectedOn, Boolean waterSafe, LocalDate waterCheckedOn,
		List<String> riskCauses, List<DemoMember> members) {

	public boolean isMonitored() {
		return "MONITORED".equals(this.category);
	}

	public DemoMember head() {
		return this.members.get(0);
	}

}
