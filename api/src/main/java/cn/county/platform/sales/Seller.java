package cn.county.platform.sales;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.InTown;
import cn.county.platform.common.MaybeHouseholdOwned;

/**
 * A seller of farm products, with its town's and village's names joined in. A HOUSEHOLD
 * seller is household-level data (its type is
 * {@code @personal(onlyHouseholdOwned: true)}); enterprises and cooperatives are not.
 */
public record Seller(long id, SellerKind kind, String name, String townCode, String townName, String villageCode,
		String villageName, Long householdId, String platformSupplierId, LocalDate registeredOn, int version,
		OffsetDateTime updatedAt) implements InTown, MaybeHouseholdOwned {
}
