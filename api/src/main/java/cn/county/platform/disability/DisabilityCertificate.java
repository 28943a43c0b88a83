package cn.county.platform.disability;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.household.MemberOwned;

/** A disability certificate; in force while {@code revokedOn} is null. */
public record DisabilityCertificate(long id, long memberId, long householdId, DisabilityKind kind, int grade,
		LocalDate issuedOn, LocalDate revokedOn, String recordedBy, int version,
		OffsetDateTime updatedAt) implements HouseholdOwned, MemberOwned {
}
