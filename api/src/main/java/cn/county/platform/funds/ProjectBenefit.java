package cn.county.platform.funds;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;

/** What a household received from a project in a year (联农带农): household-level data. */
public record ProjectBenefit(long id, long projectId, long householdId, int year, BenefitKind kind, BigDecimal amount,
		String recordedBy, int version, OffsetDateTime updatedAt) implements HouseholdOwned {
}
