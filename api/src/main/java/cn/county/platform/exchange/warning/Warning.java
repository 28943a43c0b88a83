package cn.county.platform.exchange.warning;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.common.InTown;

/**
 * One warning a line department sent about a member (item 2), as stored: never
 * overwritten, so a household's warnings are its history. Carries the household's town so
 * the dashboard's versions follow a new warning.
 */
public record Warning(long id, long householdId, long memberId, String townCode, String department, String kind,
		LocalDate warnedOn, String note, Long importJobId, String recordedBy,
		OffsetDateTime createdAt) implements HouseholdOwned, InTown {
}
