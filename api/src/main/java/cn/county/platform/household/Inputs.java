package cn.county.platform.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The mutation inputs of households and members, bound by Spring for GraphQL from the
 * schema's input types.
 */
public final class Inputs {

	private Inputs() {
	}

	public record MemberFields(String name, String idNumber, Gender gender, LocalDate birthDate, Schooling schooling,
			Health health, Integer disabilityGrade, LabourCapacity labourCapacity, Boolean willingToWork) {
	}

	public record MonitoringInput(MonitoringType type, List<RiskCause> causes, IdentificationChannel identifiedVia,
			LocalDate identifiedOn) {
	}

	public record CreateHouseholdInput(String code, String townCode, String villageCode, String address,
			MemberFields head, String phone, BigDecimal incomePerCapita, Integer incomeYear,
			Boolean receivesPolicySupport, Boolean minimumAllowance, Boolean extremePoverty, String assignedCadre,
			HousingGrade housingGrade, LocalDate housingInspectedOn, Boolean waterSafe, LocalDate waterCheckedOn,
			MonitoringInput monitoring, HouseholdCategory category) {
	}

	public record UpdateHouseholdInput(Long id, Integer version, String address, String phone,
			BigDecimal incomePerCapita, Integer incomeYear, Boolean receivesPolicySupport, Boolean minimumAllowance,
			Boolean extremePoverty, String assignedCadre, HousingGrade housingGrade, LocalDate housingInspectedOn,
			Boolean waterSafe, LocalDate waterCheckedOn, LocalDate screenedOn) {
	}

	public record IdentifyMonitoredInput(Long householdId, Integer version, MonitoringInput monitoring) {
	}

	public record EliminateRiskInput(Long householdId, Integer version, LocalDate eliminatedOn) {
	}

	public record AddMemberInput(Long householdId, Relation relation, MemberFields member) {
	}

	public record UpdateMemberInput(Long id, Integer version, String name, String idNumber, Relation relation,
			Gender gender, LocalDate birthDate, Schooling schooling, Health health, Integer disabilityGrade,
			LabourCapacity labourCapacity, Boolean willingToWork) {
	}

	public record RemoveMemberInput(Long id, Integer version) {
	}

}
