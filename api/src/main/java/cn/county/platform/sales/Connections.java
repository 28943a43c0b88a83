package cn.county.platform.sales;

import java.util.List;

import cn.county.platform.common.Page;
import cn.county.platform.common.Paged;
import cn.county.platform.security.Caller;

/** Pages of the sales lists; each keeps what it was asked with, so that {@code totalCount} is counted only when asked. */
public final class Connections {

	private Connections() {
	}

	public record SellerConnection(Page<Seller> page, SellerFilter filter, Caller caller) implements Paged<Seller> {

		public List<Page.Edge<Seller>> edges() {
			return this.page.edges();
		}

		public Page.PageInfo pageInfo() {
			return this.page.pageInfo();
		}

	}

	public record SaleConnection(Page<Sale> page, SaleFilter filter, Caller caller) implements Paged<Sale> {

		public List<Page.Edge<Sale>> edges() {
			return this.page.edges();
		}

		public Page.PageInfo pageInfo() {
			return this.page.pageInfo();
		}

	}

	public record SalesReportConnection(Page<SalesReport> page, String month, Boolean submitted, String townCode,
			Caller caller) implements Paged<SalesReport> {

		public List<Page.Edge<SalesReport>> edges() {
			return this.page.edges();
		}

		public Page.PageInfo pageInfo() {
			return this.page.pageInfo();
		}

	}

}
