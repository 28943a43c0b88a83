package cn.county.platform.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.county.platform.common.SqlStatementCounter;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sellers, sales and monthly reports as lists and under households, over the demo data.
 */
class SalesQueryTests extends AbstractPlatformTests {

	@Autowired
	SqlStatementCounter statements;

	@Test
	void theDemoHasSellersOfEveryKindAndSalesOverEveryMonthAndChannel() {
		assertThat(this.jdbc.queryForList("SELECT DISTINCT kind FROM seller ORDER BY kind", String.class))
			.containsExactly("COOPERATIVE", "ENTERPRISE", "HOUSEHOLD");
		assertThat(this.jdbc.queryForList("SELECT DISTINCT month FROM sale WHERE month LIKE '2023-%' ORDER BY month",
				String.class))
			.hasSize(12);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT channel FROM sale ORDER BY channel", String.class))
			.containsExactly("INSTITUTIONAL_PURCHASE", "OFFLINE_EVENT", "OTHER", "OTHER_ONLINE", "PURCHASE_PLATFORM");
		long households = this.jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE code REGEXP '^[0-9]+$'",
				Long.class);
		long demoSales = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM sale WHERE recorded_by = 'county.admin'" + " AND month LIKE '2023-%'",
				Long.class);
		assertThat(demoSales).isBetween(households / 4, households);
		// purchase-platform sales only from the platform's suppliers
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sale x JOIN seller s ON s.id = x.seller_id"
				+ " WHERE x.channel = 'PURCHASE_PLATFORM' AND s.platform_supplier_id IS NULL", Long.class))
			.isZero();
		// most 2023 reports are in, and some are missing
		long due = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM seller s JOIN (SELECT DISTINCT month FROM sale"
						+ " WHERE month LIKE '2023-%') m ON s.registered_on <= LAST_DAY(CONCAT(m.month, '-01'))",
				Long.class);
		long submitted = this.jdbc.queryForObject("SELECT COUNT(*) FROM sales_report WHERE month LIKE '2023-%'",
				Long.class);
		assertThat(submitted).isLessThan(due).isGreaterThan(due * 7 / 10);
	}

	@Test
	void sellersAreFilteredByKindTownAndPlatformRegistration() {
		assertThat(sellerCount(Map.of("kind", "ENTERPRISE")))
			.isEqualTo(count("SELECT COUNT(*) FROM seller WHERE kind = 'ENTERPRISE'"));
		assertThat(sellerCount(Map.of("townCode", Fixtures.OTHER_TOWN)))
			.isEqualTo(count("SELECT COUNT(*) FROM seller WHERE town_code = '" + Fixtures.OTHER_TOWN + "'"));
		assertThat(sellerCount(Map.of("onPurchasePlatform", false)))
			.isEqualTo(count("SELECT COUNT(*) FROM seller WHERE platform_supplier_id IS NULL"));
		assertThat(sellerCount(Map.of("onPurchasePlatform", true)))
			.isEqualTo(count("SELECT COUNT(*) FROM seller WHERE platform_supplier_id IS NOT NULL"));
		String name = this.jdbc.queryForObject("SELECT MIN(name) FROM seller WHERE kind = 'COOPERATIVE'", String.class);
		assertThat(sellerCount(Map.of("search", name.substring(0, 2))))
			.isEqualTo(count("SELECT COUNT(*) FROM seller WHERE name LIKE '" + name.substring(0, 2) + "%'"));
	}

	@Test
	void walkingTheSellerPagesVisitsEverySellerOnceInNameOrder() {
		List<Long> expected = this.jdbc.queryForList("SELECT id FROM seller ORDER BY name, id", Long.class);
		List<Long> visited = new ArrayList<>();
		String after = null;
		do {
			GraphQlTester.Response page = this.admin.documentName("sellers")
				.variable("first", 40)
				.variable("after", after)
				.execute();
			visited.addAll(page.path("sellers.edges[*].node.id").entityList(Long.class).get());
			after = page.path("sellers.pageInfo.hasNextPage").entity(Boolean.class).get()
					? page.path("sellers.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		assertThat(expected).hasSizeGreaterThan(40);
		assertThat(visited).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
	}

	@Test
	void salesAreFilteredByMonthChannelTownAndSellerAndPagedNewestFirst() {
		assertThat(saleCount(Map.of("month", "2023-06")))
			.isEqualTo(count("SELECT COUNT(*) FROM sale WHERE month = '2023-06'"));
		assertThat(saleCount(Map.of("channel", "INSTITUTIONAL_PURCHASE", "townCode", Fixtures.TOWN))).isEqualTo(count(
				"SELECT COUNT(*) FROM sale x JOIN seller s ON s.id = x.seller_id WHERE x.channel = 'INSTITUTIONAL_PURCHASE'"
						+ " AND s.town_code = '" + Fixtures.TOWN + "'"));
		long seller = this.jdbc.queryForObject(
				"SELECT seller_id FROM sale GROUP BY seller_id ORDER BY COUNT(*) DESC" + " LIMIT 1", Long.class);
		List<Long> expected = this.jdbc.queryForList(
				"SELECT id FROM sale WHERE seller_id = ? ORDER BY month DESC," + " id DESC", Long.class, seller);
		List<Long> visited = new ArrayList<>();
		String after = null;
		do {
			GraphQlTester.Response page = this.admin.documentName("sales")
				.variable("filter", Map.of("sellerId", seller))
				.variable("first", 7)
				.variable("after", after)
				.execute();
			visited.addAll(page.path("sales.edges[*].node.id").entityList(Long.class).get());
			page.path("sales.edges[*].node.seller.id")
				.entityList(Long.class)
				.satisfies((ids) -> assertThat(ids).containsOnly(seller));
			after = page.path("sales.pageInfo.hasNextPage").entity(Boolean.class).get()
					? page.path("sales.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		assertThat(expected).hasSizeGreaterThan(7);
		assertThat(visited).containsExactlyElementsOf(expected);
	}

	@Test
	void aListOfSalesWithSellersAndAmendmentsCostsTheSameStatementsFor10And60() {
		long for10 = salesStatements(10);
		assertThat(salesStatements(60)).isEqualTo(for10);
		// the page, its count, the sellers, the amendments
		assertThat(for10).isEqualTo(4);
	}

	private long salesStatements(int first) {
		long before = this.statements.count();
		this.admin.documentName("sales")
			.variable("first", first)
			.execute()
			.path("sales.edges")
			.entityList(Object.class)
			.hasSize(first);
		return this.statements.count() - before;
	}

	@Test
	void theMonthsReportsListEverySellerDueWithTheMissingOnesApart() {
		String month = "2023-06";
		String due = "FROM seller s WHERE s.registered_on <= '2023-06-30'";
		long all = count("SELECT COUNT(*) " + due);
		long missing = count("SELECT COUNT(*) " + due
				+ " AND NOT EXISTS (SELECT 1 FROM sales_report r WHERE r.seller_id = s.id AND r.month = '" + month
				+ "')");
		assertThat(missing).isPositive().isLessThan(all);
		assertThat(reportCount(month, null)).isEqualTo(all);
		assertThat(reportCount(month, false)).isEqualTo(missing);
		assertThat(reportCount(month, true)).isEqualTo(all - missing);
		GraphQlTester.Response page = this.admin.documentName("salesReports")
			.variable("month", month)
			.variable("submitted", false)
			.variable("first", 50)
			.execute();
		page.path("salesReports.edges[*].node.submitted")
			.entityList(Boolean.class)
			.satisfies((flags) -> assertThat(flags).isNotEmpty().containsOnly(false));
		page.path("salesReports.edges[*].node.submittedAmount")
			.entityList(Object.class)
			.satisfies((amounts) -> assertThat(amounts).containsOnlyNulls());
		Map<String, Object> submitted = this.jdbc.queryForMap("SELECT seller_id, submitted_amount FROM sales_report"
				+ " WHERE month = ? AND submitted_sale_count > 0 ORDER BY seller_id LIMIT 1", month);
		long seller = ((Number) submitted.get("seller_id")).longValue();
		Map<String, Object> report = report(this.admin, seller, month);
		assertThat(report).containsEntry("submitted", true)
			.containsEntry("saleCount",
					count("SELECT COUNT(*) FROM sale WHERE seller_id = " + seller + " AND month = '" + month + "'")
						.intValue());
		assertThat(new BigDecimal(report.get("submittedAmount").toString()))
			.isEqualByComparingTo((BigDecimal) submitted.get("submitted_amount"));
		this.admin.documentName("salesReports")
			.variable("month", "2023-6")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("field", "month")
					.containsEntry("classification", "BAD_REQUEST")));
	}

	@Test
	void aHouseholdSellersSalesShowUnderItsHousehold() {
		Map<String, Object> seller = this.jdbc.queryForMap("SELECT s.id, s.household_id, COUNT(x.id) AS sales"
				+ " FROM seller s JOIN sale x ON x.seller_id = s.id WHERE s.kind = 'HOUSEHOLD'"
				+ " GROUP BY s.id, s.household_id ORDER BY s.id LIMIT 1");
		GraphQlTester.Response response = this.admin.documentName("householdSales")
			.variable("id", seller.get("household_id"))
			.execute();
		response.path("household.sales").entityList(Object.class).hasSize(((Number) seller.get("sales")).intValue());
		response.path("household.sales[0].seller.kind").entity(String.class).isEqualTo("HOUSEHOLD");
		response.path("household.sales[0].seller.household.id")
			.entity(Long.class)
			.isEqualTo(((Number) seller.get("household_id")).longValue());
	}

	@Test
	void townOfficialsAndCadresSeeOnlyTheirSellersAndDashboardViewersNone() {
		HttpGraphQlTester official = this.clients.townOfficial();
		official.documentName("sellers")
			.execute()
			.path("sellers.totalCount")
			.entity(Long.class)
			.isEqualTo(count("SELECT COUNT(*) FROM seller WHERE town_code = '" + Fixtures.TOWN + "'"));
		official.documentName("sales")
			.variable("filter", Map.of("townCode", Fixtures.OTHER_TOWN))
			.execute()
			.path("sales.totalCount")
			.entity(Long.class)
			.isEqualTo(0L);
		this.clients.villageCadre()
			.documentName("sellers")
			.execute()
			.path("sellers.totalCount")
			.entity(Long.class)
			.isEqualTo(count("SELECT COUNT(*) FROM seller WHERE village_code = '" + Fixtures.VILLAGE + "'"));
		HttpGraphQlTester viewer = this.clients.dashboardViewer();
		viewer.documentName("sellers").execute().path("sellers.totalCount").entity(Long.class).isEqualTo(0L);
		viewer.documentName("sales").execute().path("sales.totalCount").entity(Long.class).isEqualTo(0L);
		viewer.documentName("salesReports")
			.variable("month", "2023-06")
			.execute()
			.path("salesReports.totalCount")
			.entity(Long.class)
			.isEqualTo(0L);
	}

	/** A seller's report for a month, found by walking the month's report pages. */
	static Map<String, Object> report(HttpGraphQlTester tester, long sellerId, String month) {
		String after = null;
		do {
			GraphQlTester.Response page = tester.documentName("salesReports")
				.variable("month", month)
				.variable("first", 100)
				.variable("after", after)
				.execute();
			List<Long> ids = page.path("salesReports.edges[*].node.seller.id").entityList(Long.class).get();
			int row = ids.indexOf(sellerId);
			if (row >= 0) {
				@SuppressWarnings("unchecked")
				Map<String, Object> node = page.path("salesReports.edges[" + row + "].node").entity(Map.class).get();
				return node;
			}
			after = page.path("salesReports.pageInfo.hasNextPage").entity(Boolean.class).get()
					? page.path("salesReports.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		throw new AssertionError("No report of seller " + sellerId + " for " + month);
	}

	private long sellerCount(Map<String, Object> filter) {
		return this.admin.documentName("sellers")
			.variable("filter", filter)
			.execute()
			.path("sellers.totalCount")
			.entity(Long.class)
			.get();
	}

	private long saleCount(Map<String, Object> filter) {
		return this.admin.documentName("sales")
			.variable("filter", filter)
			.execute()
			.path("sales.totalCount")
			.entity(Long.class)
			.get();
	}

	private long reportCount(String month, Boolean submitted) {
		return this.admin.documentName("salesReports")
			.variable("month", month)
			.variable("submitted", submitted)
			.execute()
			.path("salesReports.totalCount")
			.entity(Long.class)
			.get();
	}

	private Long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

}
