package cn.county.platform.education;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.household.MemberOwned;

/**
 * Education aid granted to a member for one term of a school year ({@code schoolYear}
 * 2023 is 2023-2024; term 1 autumn, 2 spring).
 */
public record EducationAid(long id, long memberId, long householdId, EducationAidKind kind, BigDecimal amount,
		int schoolYear, int term, LocalDate grantedOn, String recordedBy, int version,
		OffsetDateTime updatedAt) implements HouseholdOwned, MemberOwned {
}
