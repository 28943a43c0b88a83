package cn.county.platform.education;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.household.MemberOwned;
import cn.county.platform.household.Schooling;

/** One change in a member's schooling, as stored. */
public record SchoolingRecord(long id, long memberId, long householdId, SchoolingStatus status, Schooling level,
		String school, LocalDate effectiveOn, String note, String recordedBy, int version,
		OffsetDateTime updatedAt) implements HouseholdOwned, MemberOwned {
}
