package cn.county.platform.water;

import java.time.LocalDate;
import java.util.List;

/** The mutation inputs of drinking water, bound from the schema's input types. */
public final class Inputs {

	private Inputs() {
	}

	public record RegisterWaterSupplyPointInput(String villageCode, String name, WaterPointKind kind,
			Integer populationServed) {
	}

	public record RecordWaterCheckInput(Long pointId, WaterCheckKind kind, LocalDate checkedOn, Boolean passed,
			String findings) {
	}

	public record LinkHouseholdsToWaterPointInput(Long pointId, Integer version, List<Long> householdIds) {
	}

}
