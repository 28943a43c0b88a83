package cn.county.platform.housing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.household.HousingGrade;

/** One housing-safety inspection of a household, as stored. */
public record HousingInspection(long id, long householdId, LocalDate inspectedOn, String inspector, HousingGrade grade,
		String findings, String recordedBy, OffsetDateTime recordedAt) implements HouseholdOwned {
}
