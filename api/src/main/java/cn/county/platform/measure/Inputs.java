package cn.county.platform.measure;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The mutation inputs of measures and visits, bound by Spring for GraphQL from the
 * schema's input types.
 */
public final class Inputs {

	private Inputs() {
	}

	public record RecordMeasureInput(Long householdId, MeasureCategory category, String description,
			String responsibleDepartment, LocalDate startDate, LocalDate endDate, MeasureStatus status,
			BigDecimal amount) {
	}

	public record UpdateMeasureInput(Long id, Integer version, MeasureCategory category, String description,
			String responsibleDepartment, LocalDate startDate, LocalDate endDate, BigDecimal amount) {
	}

	public record ChangeMeasureStatusInput(Long id, Integer version, MeasureStatus status, LocalDate endDate) {
	}

	public record RecordVisitInput(Long householdId, LocalDate visitedOn, String notes, String cadre, String followUp,
			LocalDate followUpOn) {
	}

}
