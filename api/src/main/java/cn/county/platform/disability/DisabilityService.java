package cn.county.platform.disability;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.household.MemberOwned;

/** A home adaptation, assistive device or child rehabilitation provided to a member. */
public record DisabilityService(long id, long memberId, long householdId, DisabilityServiceKind kind,
		String description, LocalDate providedOn, BigDecimal amount, String recordedBy, int version,
		OffsetDateTime updatedAt) implements HouseholdOwned, MemberOwned {
}
