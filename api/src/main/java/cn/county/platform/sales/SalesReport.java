package cn.county.platform.sales;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import cn.county.platform.common.MaybeHouseholdOwned;
import cn.county.platform.common.SellerOwned;

/**
 * A seller's monthly report, submitted or still missing. The counts and amounts are the
 * month's sales as they stand; the submitted ones are as they stood when the report went
 * in, so amendments since show as a difference. {@code householdId} is the seller's
 * household, for household sellers (whose reports are household-level data).
 */
public record SalesReport(long sellerId, String sellerName, Long householdId, String month, boolean submitted,
		OffsetDateTime submittedAt, String submittedBy, int saleCount, BigDecimal totalAmount,
		Integer submittedSaleCount, BigDecimal submittedAmount,
		int amendmentCount) implements SellerOwned, MaybeHouseholdOwned {
}
