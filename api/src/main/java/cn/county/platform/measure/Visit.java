package cn.county.platform.measure;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;

/** A visit to a household on assistance day, as stored. */
public record Visit(long id, long householdId, String cadre, LocalDate visitedOn, String notes, String followUp,
		LocalDate followUpOn, String recordedBy, OffsetDateTime recordedAt) implements HouseholdOwned {
}
