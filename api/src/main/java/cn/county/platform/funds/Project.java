package cn.county.platform.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.InTown;

/**
 * A project of the library, as stored, with its running totals: {@code allocated} (its
 * share of the allocations) and {@code disbursed} (the sum of its ledger).
 */
public record Project(long id, int year, String name, String townCode, String townName, String villageCode,
		String villageName, ProjectCategory category, BigDecimal budget, String ownerDepartment, LocalDate plannedStart,
		LocalDate plannedEnd, ProjectStatus status, String proposedBy, String reviewedBy, LocalDate reviewedOn,
		ReviewVerdict reviewVerdict, String reviewNote, LocalDate statusOn, BigDecimal allocated, BigDecimal disbursed,
		int version, OffsetDateTime updatedAt) implements InTown {
}
