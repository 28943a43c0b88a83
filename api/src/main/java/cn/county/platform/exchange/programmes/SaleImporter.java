package cn.county.platform.exchange.programmes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.Page;
import cn.county.platform.exchange.export.Labels;
import cn.county.platform.exchange.imports.ImportKind;
import cn.county.platform.exchange.imports.ImportProperties;
import cn.county.platform.exchange.imports.ImportTransactions;
import cn.county.platform.sales.Inputs;
import cn.county.platform.sales.ProductCategory;
import cn.county.platform.sales.Sale;
import cn.county.platform.sales.SaleFilter;
import cn.county.platform.sales.SalesChannel;
import cn.county.platform.sales.SalesService;
import cn.county.platform.sales.Seller;
import cn.county.platform.sales.SellerFilter;
import cn.county.platform.sales.SellerService;
import cn.county.platform.security.Caller;

import org.springframework.stereotype.Component;

/**
 * Consumption-assistance sales of the commerce bureau (item 17), one sale per row,
 * written through {@link SalesService} (its rules: month not in the future, amounts, a
 * submitted month locked). The seller is the registered one of that purchase-platform
 * supplier id, else of that name, within the caller's row scope. A sale is the seller's
 * of the same month, channel and product: a new one is recorded, a stored one updated
 * where the row differs, an identical one left alone. The headers and words are those of
 * the sales export.
 */
@Component
public class SaleImporter extends RowImporter<SaleImporter.SaleColumn, SaleImporter.Row> {

	static final Map<String, ProductCategory> CATEGORIES = inverse(ProductCategory.class, Labels.PRODUCT_CATEGORY);

	static final Map<String, SalesChannel> CHANNELS = inverse(SalesChannel.class, Labels.SALES_CHANNEL);

	/** The columns; the map is in {@code docs/exchange.md}. */
	public enum SaleColumn implements Spec.Column {

		SELLER(Spec.required("seller", "经营主体")), SUPPLIER_ID(Spec.optional("platformSupplierId", "农购网供应商编号")),
		PRODUCT(Spec.required("product", "产品名称")), CATEGORY(Spec.required("category", "产品类别")),
		CHANNEL(Spec.required("channel", "销售渠道")), MONTH(Spec.required("month", "月份")),
		QUANTITY(Spec.required("quantity", "数量")), UNIT(Spec.required("unit", "单位")),
		AMOUNT(Spec.required("amount", "销售额(元)")),
		HOUSEHOLDS_BENEFITING(Spec.optional("householdsBenefiting", "带动农户数"));

		private final Spec spec;

		SaleColumn(Spec spec) {
			this.spec = spec;
		}

		@Override
		public Spec spec() {
			return this.spec;
		}

	}

	record Row(String seller, String supplierId, String product, ProductCategory category, SalesChannel channel,
			String month, BigDecimal quantity, String unit, BigDecimal amount, Integer householdsBenefiting) {
	}

	private final SellerService sellers;

	private final SalesService sales;

	SaleImporter(SellerService sellers, SalesService sales, ImportTransactions transactions, ImportProperties imports,
			ProgrammeImportProperties properties) {
		super(ImportKind.SALES, Owner.COMMERCE, SaleColumn.class, transactions, imports, properties);
		this.sellers = sellers;
		this.sales = sales;
	}

	@Override
	Row read(Reading<SaleColumn> row) {
		return new Row(row.text(SaleColumn.SELLER), row.optional(SaleColumn.SUPPLIER_ID), row.text(SaleColumn.PRODUCT),
				row.word(SaleColumn.CATEGORY, CATEGORIES), row.word(SaleColumn.CHANNEL, CHANNELS),
				row.text(SaleColumn.MONTH), row.amount(SaleColumn.QUANTITY), row.text(SaleColumn.UNIT),
				row.amount(SaleColumn.AMOUNT), row.whole(SaleColumn.HOUSEHOLDS_BENEFITING));
	}

	private Seller seller(Caller caller, Row row) {
		List<Seller> named = nodes(
				this.sellers.page(caller, new SellerFilter(null, null, null, null, row.seller()), 50, null))
			.stream()
			.filter((seller) -> seller.name().equals(row.seller()))
			.filter((seller) -> row.supplierId() == null || row.supplierId().equals(seller.platformSupplierId()))
			.toList();
		if (named.size() != 1) {
			throw DomainException.notFound("input.sellerId", named.isEmpty()
					? "未登记的经营主体，或不在您的辖区（no registered seller of this name and supplier id within the caller's scope）"
					: "有多个同名经营主体，请填写农购网供应商编号（more than one seller of this name: give the supplier id）");
		}
		return named.get(0);
	}

	private static <T> List<T> nodes(Page<T> page) {
		return page.edges().stream().map(Page.Edge::node).toList();
	}

	@Override
	boolean write(Caller caller, Row row) {
		Seller seller = seller(caller, row);
		Sale same = nodes(
				this.sales.page(caller, new SaleFilter(seller.id(), row.month(), row.channel(), null), 100, null))
			.stream()
			.filter((sale) -> sale.product().equals(row.product()))
			.findFirst()
			.orElse(null);
		if (same == null) {
			this.sales.record(caller,
					new Inputs.RecordSaleInput(seller.id(), row.product(), row.category(), row.channel(), row.month(),
							row.quantity(), row.unit(), row.amount(), row.householdsBenefiting(), null));
			return true;
		}
		boolean differs = same.category() != row.category() || same.quantity().compareTo(row.quantity()) != 0
				|| !same.unit().equals(row.unit()) || same.amount().compareTo(row.amount()) != 0
				|| (row.householdsBenefiting() != null
						&& !Objects.equals(same.householdsBenefiting(), row.householdsBenefiting()));
		if (!differs) {
			return false;
		}
		this.sales.update(caller, new Inputs.UpdateSaleInput(same.id(), new Inputs.SaleChanges(null, row.category(),
				null, null, row.quantity(), row.unit(), row.amount(), row.householdsBenefiting())));
		return true;
	}

	@Override
	SaleColumn columnOf(String field) {
		return switch (field.substring(field.lastIndexOf('.') + 1)) {
			case "sellerId", "id" -> SaleColumn.SELLER;
			case "product" -> SaleColumn.PRODUCT;
			case "category" -> SaleColumn.CATEGORY;
			case "channel" -> SaleColumn.CHANNEL;
			case "month" -> SaleColumn.MONTH;
			case "quantity" -> SaleColumn.QUANTITY;
			case "unit" -> SaleColumn.UNIT;
			case "amount" -> SaleColumn.AMOUNT;
			case "householdsBenefiting" -> SaleColumn.HOUSEHOLDS_BENEFITING;
			default -> null;
		};
	}

}
