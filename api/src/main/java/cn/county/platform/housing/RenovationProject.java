package cn.county.platform.housing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;

/** A renovation project (危房改造) of a household in one of the six priority groups. */
public record RenovationProject(long id, long householdId, PriorityGroup priorityGroup, RenovationStatus status,
		String description, BigDecimal subsidy, LocalDate plannedOn, LocalDate statusOn, String statusBy,
		LocalDate completedOn, String recordedBy, int version, OffsetDateTime updatedAt) implements HouseholdOwned {
}
