package cn.county.platform.water;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.InTown;

/**
 * A drinking-water supply point of a village, with its state derived from its newest
 * facility check and newest quality test.
 *
 * @param safe null until it has a check or a test; false when the newest of either failed
 * @param lastCheckedOn the day of its newest facility check
 * @param lastTestedOn the day of its newest quality test
 */
public record WaterSupplyPoint(long id, String townCode, String villageCode, String name, WaterPointKind kind,
		int populationServed, Boolean safe, LocalDate lastCheckedOn, LocalDate lastTestedOn, String recordedBy,
		int version, OffsetDateTime updatedAt) implements InTown {
}
