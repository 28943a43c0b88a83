package cn.county.platform.housing;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.county.platform.household.HousingGrade;

/** The mutation inputs of housing safety, bound from the schema's input types. */
public final class Inputs {

	private Inputs() {
	}

	public record RecordHousingInspectionInput(Long householdId, LocalDate inspectedOn, String inspector,
			HousingGrade grade, String findings) {
	}

	public record PlanRenovationInput(Long householdId, PriorityGroup priorityGroup, String description,
			LocalDate plannedOn, BigDecimal subsidy) {
	}

	public record ChangeRenovationStatusInput(Long id, Integer version, RenovationStatus status, LocalDate on,
			BigDecimal subsidy) {
	}

}
