package cn.county.platform.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Linkage funds allocated by one level of government in one document, and how much of it
 * is split over projects so far.
 */
public record FundAllocation(long id, int year, FundSource source, String documentNumber, String title,
		BigDecimal amount, BigDecimal split, LocalDate allocatedOn, String recordedBy, int version,
		OffsetDateTime updatedAt) {
}
