package cn.county.platform.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The mutation inputs of consumption-assistance sales, bound by Spring for GraphQL from
 * the schema.
 */
public final class Inputs {

	private Inputs() {
	}

	public record RegisterSellerInput(SellerKind kind, String name, String townCode, String villageCode,
			Long householdId, String platformSupplierId, LocalDate registeredOn) {
	}

	public record RecordSaleInput(Long sellerId, String product, ProductCategory category, SalesChannel channel,
			String month, BigDecimal quantity, String unit, BigDecimal amount, Integer householdsBenefiting,
			String amendmentReason) {

		SaleSnapshot snapshot() {
			return new SaleSnapshot(this.product, this.category, this.channel, this.month, this.quantity, this.unit,
					this.amount, this.householdsBenefiting);
		}

	}

	/** Changes to a sale: fields left out (or null) keep their value. */
	public record SaleChanges(String product, ProductCategory category, SalesChannel channel, String month,
			BigDecimal quantity, String unit, BigDecimal amount, Integer householdsBenefiting) {

		SaleSnapshot applyTo(SaleSnapshot sale) {
			return new SaleSnapshot((this.product != null) ? this.product.strip() : sale.product(),
					(this.category != null) ? this.category : sale.category(),
					(this.channel != null) ? this.channel : sale.channel(),
					(this.month != null) ? this.month.strip() : sale.month(),
					(this.quantity != null) ? this.quantity : sale.quantity(),
					(this.unit != null) ? this.unit.strip() : sale.unit(),
					(this.amount != null) ? this.amount : sale.amount(),
					(this.householdsBenefiting != null) ? this.householdsBenefiting : sale.householdsBenefiting());
		}

		SaleSnapshot given() {
			return new SaleSnapshot(this.product, this.category, this.channel, this.month, this.quantity, this.unit,
					this.amount, this.householdsBenefiting);
		}

	}

	public record UpdateSaleInput(Long id, SaleChanges changes) {
	}

	public record AmendSaleInput(Long id, String reason, SaleChanges changes) {
	}

	public record SubmitMonthlyReportInput(Long sellerId, String month) {
	}

}
