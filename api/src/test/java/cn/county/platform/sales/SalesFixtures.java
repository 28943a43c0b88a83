package cn.county.platform.sales;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import cn.county.platform.support.Fixtures;
import cn.county.platform.support.Refusals;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sellers and sales to work with, and the check that a refused write names its field and
 * writes nothing.
 */
final class SalesFixtures {

	static final String[] TABLES = { "seller", "sale", "sales_report", "sale_amendment", "audit_log" };

	private static final AtomicInteger suppliers = new AtomicInteger((int) (System.nanoTime() % 100_000));

	private SalesFixtures() {
	}

	static String supplierId() {
		return "T-" + Long.toString(System.nanoTime(), 36).toUpperCase() + suppliers.incrementAndGet();
	}

	static String thisMonth() {
		return java.time.YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
	}

	/**
	 * A cooperative of the first demo village, registered on the purchase platform at the
	 * start of 2023.
	 */
	static Map<String, Object> cooperative() {
		Map<String, Object> input = new HashMap<>();
		input.put("kind", "COOPERATIVE");
		input.put("name", "北街村小米专业合作社" + suppliers.incrementAndGet());
		input.put("townCode", Fixtures.TOWN);
		input.put("villageCode", Fixtures.VILLAGE);
		input.put("platformSupplierId", supplierId());
		input.put("registeredOn", LocalDate.of(2023, 1, 1).toString());
		return input;
	}

	/**
	 * 500 kg of millet sold on the purchase platform in the month, for 4,500 yuan,
	 * benefiting 12 households.
	 */
	static Map<String, Object> sale(long sellerId, String month) {
		Map<String, Object> input = new HashMap<>();
		input.put("sellerId", sellerId);
		input.put("product", "小米");
		input.put("category", "GRAIN");
		input.put("channel", "PURCHASE_PLATFORM");
		input.put("month", month);
		input.put("quantity", 500);
		input.put("unit", "千克");
		input.put("amount", 4500);
		input.put("householdsBenefiting", 12);
		return input;
	}

	static long register(HttpGraphQlTester tester, Map<String, Object> input) {
		return Fixtures.create(tester, "registerSeller", "sellerFields", input, "registerSeller.seller.id");
	}

	static long record(HttpGraphQlTester tester, Map<String, Object> input) {
		return Fixtures.create(tester, "recordSale", "saleFields", input, "recordSale.sale.id");
	}

	static void submit(HttpGraphQlTester tester, long sellerId, String month) {
		tester.documentName("submitMonthlyReport")
			.variable("input", Map.of("sellerId", sellerId, "month", month))
			.execute()
			.errors()
			.verify();
	}

	/**
	 * Refused, naming the field and classification, with no table of the feature (nor its
	 * parents) changed.
	 */
	static void assertRefused(JdbcTemplate jdbc, Supplier<GraphQlTester.Response> request, String field,
			String classification) {
		Refusals.assertRefused(jdbc, request, field, classification, TABLES);
	}

}
