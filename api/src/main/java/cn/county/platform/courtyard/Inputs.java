package cn.county.platform.courtyard;

import java.math.BigDecimal;

/**
 * The mutation inputs of the courtyard economy, bound by Spring for GraphQL from the
 * schema's input types.
 */
public final class Inputs {

	private Inputs() {
	}

	public record NominateCourtyardInput(Long householdId, Integer year, CourtyardCategory category, BigDecimal area,
			BigDecimal income) {
	}

	public record UpdateCourtyardInput(Long id, Integer version, CourtyardCategory category, BigDecimal area,
			BigDecimal income) {
	}

	public record ChangeCourtyardStatusInput(Long id, Integer version, CourtyardStatus status) {
	}

	public record DesignateDemonstrationVillageInput(String townCode, String villageCode, Integer year) {
	}

}
