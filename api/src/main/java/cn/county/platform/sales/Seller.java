package cn.county.platform.sales;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.InTown;

/**
 * A seller of farm products, with its town's and village's names joined in. Not household-level data as such:
 * only a HOUSEHOLD seller points at a household, and that household is reached through the field policy.
 */
public record Seller(long id, SellerKind kind, String name, String townCode, String townName, String villageCode,
		String villageName, Long householdId, String platformSupplierId, LocalDate registeredOn, int version,
		OffsetDateTime updatedAt) implements InTown {
}
