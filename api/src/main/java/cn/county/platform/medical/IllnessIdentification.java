package cn.county.platform.medical;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.household.MemberOwned;

/**
 * A chronic or special illness identified for a member; ended when it no longer holds.
 */
public record IllnessIdentification(long id, long memberId, long householdId, IllnessKind kind, String disease,
		LocalDate identifiedOn, LocalDate endedOn, String recordedBy, int version,
		OffsetDateTime updatedAt) implements HouseholdOwned, MemberOwned {
}
