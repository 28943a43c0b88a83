package cn.county.platform.sales;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recorded change to a sale of a submitted month: why, who, when, and the sale before
 * (null if added) and after.
 */
public record SaleAmendment(long id, long saleId, String reason, String amendedBy, OffsetDateTime amendedAt,
		SaleSnapshot before, SaleSnapshot after) {

	public List<String> changedFields() {
		return this.after.changedFrom(this.before);
	}

}
