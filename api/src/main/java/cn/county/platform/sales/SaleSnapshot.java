package cn.county.platform.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The fields of a sale that an amendment may change, as they were before or after it. */
public record SaleSnapshot(String product, ProductCategory category, SalesChannel channel, String month,
		BigDecimal quantity, String unit, BigDecimal amount, Integer householdsBenefiting) {

	/**
	 * The names of the fields that differ from {@code other} (null: every field), in
	 * schema order.
	 */
	public List<String> changedFrom(SaleSnapshot other) {
		List<String> changed = new ArrayList<>();
		add(changed, "product", this.product, (other != null) ? other.product : null, other);
		add(changed, "category", this.category, (other != null) ? other.category : null, other);
		add(changed, "channel", this.channel, (other != null) ? other.channel : null, other);
		add(changed, "month", this.month, (other != null) ? other.month : null, other);
		add(changed, "quantity", this.quantity, (other != null) ? other.quantity : null, other);
		add(changed, "unit", this.unit, (other != null) ? other.unit : null, other);
		add(changed, "amount", this.amount, (other != null) ? other.amount : null, other);
		add(changed, "householdsBenefiting", this.householdsBenefiting,
				(other != null) ? other.householdsBenefiting : null, other);
		return changed;
	}

	private static void add(List<String> changed, String field, Object mine, Object theirs, SaleSnapshot other) {
		boolean same = (mine instanceof BigDecimal a && theirs instanceof BigDecimal b) ? a.compareTo(b) == 0
				: Objects.equals(mine, theirs);
		if (other == null || !same) {
			changed.add(field);
		}
	}

}
