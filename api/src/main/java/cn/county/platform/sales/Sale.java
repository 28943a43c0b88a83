package cn.county.platform.sales;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import cn.county.platform.common.MaybeHouseholdOwned;
import cn.county.platform.common.SellerOwned;

/**
 * One sales record: what a seller sold in a month through one channel. {@code locked}
 * when the seller's report for that month is submitted; {@code householdId} is the
 * seller's household, for household sellers.
 */
public record Sale(long id, long sellerId, Long householdId, String product, ProductCategory category,
		SalesChannel channel, String month, BigDecimal quantity, String unit, BigDecimal amount,
		int householdsBenefiting, boolean locked, String recordedBy, int version,
		OffsetDateTime updatedAt) implements SellerOwned, MaybeHouseholdOwned {

	public SaleSnapshot snapshot() {
		return new SaleSnapshot(this.product, this.category, this.channel, this.month, this.quantity, this.unit,
				this.amount, this.householdsBenefiting);
	}

}
