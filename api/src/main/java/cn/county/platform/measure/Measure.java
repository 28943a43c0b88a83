package cn.county.platform.measure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;

/** An assistance measure as stored. */
public record Measure(long id, long householdId, MeasureCategory category, String description,
		String responsibleDepartment, LocalDate startDate, LocalDate endDate, MeasureStatus status, BigDecimal amount,
		String recordedBy, int version, OffsetDateTime updatedAt) implements HouseholdOwned {
}
