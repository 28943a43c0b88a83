package cn.county.platform.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static cn.county.platform.sales.SalesFixtures.assertRefused;
import static cn.county.platform.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class SalesMutationTests extends AbstractPlatformTests {

	@Test
	void aCooperativeIsRegisteredInItsVillage() {
		Map<String, Object> input = SalesFixtures.cooperative();
		GraphQlTester.Response response = this.admin.documentName("registerSeller")
			.fragmentName("sellerFields")
			.variable("input", input)
			.execute();
		response.path("registerSeller.seller.kind").entity(String.class).isEqualTo("COOPERATIVE");
		response.path("registerSeller.seller.town.code").entity(String.class).isEqualTo(Fixtures.TOWN);
		response.path("registerSeller.seller.village.code").entity(String.class).isEqualTo(Fixtures.VILLAGE);
		response.path("registerSeller.seller.platformSupplierId")
			.entity(String.class)
			.isEqualTo((String) input.get("platformSupplierId"));
		response.path("registerSeller.seller.household").valueIsNull();
	}

	@Test
	void aHouseholdSellerTakesItsHouseholdsTownAndVillage() {
		long household = household();
		GraphQlTester.Response response = this.admin.documentName("registerSeller")
			.fragmentName("sellerFields")
			.variable("input", Map.of("kind", "HOUSEHOLD", "name", "北街村12号家庭农场", "householdId", household))
			.execute();
		response.path("registerSeller.seller.household.id").entity(Long.class).isEqualTo(household);
		response.path("registerSeller.seller.village.code").entity(String.class).isEqualTo(Fixtures.VILLAGE);
		response.path("registerSeller.seller.registeredOn")
			.entity(String.class)
			.isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
		assertRefused(this.jdbc,
				() -> this.admin.documentName("registerSeller")
					.fragmentName("sellerFields")
					.variable("input", Map.of("kind", "HOUSEHOLD", "name", "又一家庭农场", "householdId", household))
					.execute(),
				"input.householdId", "CONFLICT");
	}

	static Stream<Arguments> invalidRegistrations() {
		return Stream.of(Arguments.of("a blank name", "name", " ", "input.name"),
				Arguments.of("a name of 101 characters", "name", "社".repeat(101), "input.name"),
				Arguments.of("no town for a cooperative", "townCode", null, "input.townCode"),
				Arguments.of("an unknown town", "townCode", "411024999", "input.townCode"),
				Arguments.of("a village of another town", "villageCode", Fixtures.OTHER_TOWN_VILLAGE,
						"input.villageCode"),
				Arguments.of("a household for a cooperative", "householdId", 1, "input.householdId"),
				Arguments.of("a malformed supplier id", "platformSupplierId", "农购 1", "input.platformSupplierId"),
				Arguments.of("a registration in the future", "registeredOn", LocalDate.now().plusDays(2).toString(),
						"input.registeredOn"),
				Arguments.of("a household seller without its household", "kind", "HOUSEHOLD", "input.householdId"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRegistrations")
	void aRegistrationWithBadInputIsRefusedNamingTheFieldAndNothingIsWritten(String why, String field, Object value,
			String reported) {
		Map<String, Object> input = with(SalesFixtures.cooperative(), field, value);
		assertRefused(this.jdbc,
				() -> this.admin.documentName("registerSeller")
					.fragmentName("sellerFields")
					.variable("input", input)
					.execute(),
				reported, "BAD_REQUEST");
	}

	@Test
	void aSupplierIdIsUniqueAndAnUnknownHouseholdIsNotFound() {
		Map<String, Object> first = SalesFixtures.cooperative();
		SalesFixtures.register(this.admin, first);
		assertRefused(this.jdbc,
				() -> this.admin.documentName("registerSeller")
					.fragmentName("sellerFields")
					.variable("input",
							with(SalesFixtures.cooperative(), "platformSupplierId", first.get("platformSupplierId")))
					.execute(),
				"input.platformSupplierId", "CONFLICT");
		assertRefused(this.jdbc,
				() -> this.admin.documentName("registerSeller")
					.fragmentName("sellerFields")
					.variable("input", Map.of("kind", "HOUSEHOLD", "name", "无此户", "householdId", 12345))
					.execute(),
				"input.householdId", "NOT_FOUND");
		// sellers not on the platform need no supplier id, however many there are
		SalesFixtures.register(this.admin, with(SalesFixtures.cooperative(), "platformSupplierId", null));
		SalesFixtures.register(this.admin, with(SalesFixtures.cooperative(), "platformSupplierId", null));
	}

	@Test
	void aSaleIsRecordedForItsSellerAndMonth() {
		long seller = SalesFixtures.register(this.admin, SalesFixtures.cooperative());
		GraphQlTester.Response response = this.admin.documentName("recordSale")
			.fragmentName("saleFields")
			.variable("input", SalesFixtures.sale(seller, "2023-05"))
			.execute();
		response.path("recordSale.sale.seller.id").entity(Long.class).isEqualTo(seller);
		response.path("recordSale.sale.amount").entity(Double.class).isEqualTo(4500.0);
		response.path("recordSale.sale.month").entity(String.class).isEqualTo("2023-05");
		response.path("recordSale.sale.locked").entity(Boolean.class).isEqualTo(false);
		response.path("recordSale.sale.amendments").entityList(Object.class).hasSize(0);
		response.path("recordSale.sale.recordedBy").entity(String.class).isEqualTo("county.admin");
	}

	static Stream<Arguments> invalidSales() {
		String nextMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
		return Stream.of(Arguments.of("a blank product", "product", "", "input.product"),
				Arguments.of("a month that is not YYYY-MM", "month", "2023-5", "input.month"),
				Arguments.of("a thirteenth month", "month", "2023-13", "input.month"),
				Arguments.of("a month in the future", "month", nextMonth, "input.month"),
				Arguments.of("a month before the seller registered", "month", "2022-12", "input.month"),
				Arguments.of("a zero quantity", "quantity", 0, "input.quantity"),
				Arguments.of("a quantity with four decimals", "quantity", 1.0005, "input.quantity"),
				Arguments.of("a blank unit", "unit", " ", "input.unit"),
				Arguments.of("a zero amount", "amount", 0, "input.amount"),
				Arguments.of("fractions of a fen", "amount", 10.001, "input.amount"),
				Arguments.of("negative households", "householdsBenefiting", -1, "input.householdsBenefiting"), Arguments
					.of("an amendment reason for an open month", "amendmentReason", "补录", "input.amendmentReason"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSales")
	void aSaleWithBadInputIsRefusedNamingTheFieldAndNothingIsWritten(String why, String field, Object value,
			String reported) {
		long seller = SalesFixtures.register(this.admin, SalesFixtures.cooperative());
		Map<String, Object> input = with(SalesFixtures.sale(seller, "2023-05"), field, value);
		assertRefused(this.jdbc,
				() -> this.admin.documentName("recordSale")
					.fragmentName("saleFields")
					.variable("input", input)
					.execute(),
				reported, "BAD_REQUEST");
	}

	@Test
	void thePurchasePlatformChannelIsOnlyForItsSuppliersAndAnUnknownSellerIsNotFound() {
		long seller = SalesFixtures.register(this.admin, with(SalesFixtures.cooperative(), "platformSupplierId", null));
		assertRefused(this.jdbc,
				() -> this.admin.documentName("recordSale")
					.fragmentName("saleFields")
					.variable("input", SalesFixtures.sale(seller, "2023-05"))
					.execute(),
				"input.channel", "CONFLICT");
		SalesFixtures.record(this.admin, with(SalesFixtures.sale(seller, "2023-05"), "channel", "OFFLINE_EVENT"));
		assertRefused(this.jdbc,
				() -> this.admin.documentName("recordSale")
					.fragmentName("saleFields")
					.variable("input", SalesFixtures.sale(12345, "2023-05"))
					.execute(),
				"input.sellerId", "NOT_FOUND");
	}

	@Test
	void aMonthlyReportIsSubmittedOnceWithTheMonthsTotals() {
		long seller = SalesFixtures.register(this.admin, SalesFixtures.cooperative());
		SalesFixtures.record(this.admin, SalesFixtures.sale(seller, "2023-06"));
		SalesFixtures.record(this.admin, with(SalesFixtures.sale(seller, "2023-06"), "amount", 1500.5));
		GraphQlTester.Response response = this.admin.documentName("submitMonthlyReport")
			.variable("input", Map.of("sellerId", seller, "month", "2023-06"))
			.execute();
		response.path("submitMonthlyReport.report.submitted").entity(Boolean.class).isEqualTo(true);
		response.path("submitMonthlyReport.report.saleCount").entity(Integer.class).isEqualTo(2);
		response.path("submitMonthlyReport.report.submittedSaleCount").entity(Integer.class).isEqualTo(2);
		response.path("submitMonthlyReport.report.submittedAmount").entity(Double.class).isEqualTo(6000.5);
		response.path("submitMonthlyReport.report.submittedBy").entity(String.class).isEqualTo("county.admin");
		assertRefused(this.jdbc,
				() -> this.admin.documentName("submitMonthlyReport")
					.variable("input", Map.of("sellerId", seller, "month", "2023-06"))
					.execute(),
				"input.month", "CONFLICT");
		// a month without sales is a nil report
		SalesFixtures.submit(this.admin, seller, "2023-07");
		assertRefused(this.jdbc,
				() -> this.admin.documentName("submitMonthlyReport")
					.variable("input",
							Map.of("sellerId", seller, "month",
									YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString()))
					.execute(),
				"input.month", "BAD_REQUEST");
		assertRefused(this.jdbc,
				() -> this.admin.documentName("submitMonthlyReport")
					.variable("input", Map.of("sellerId", seller, "month", "2022-12"))
					.execute(),
				"input.month", "BAD_REQUEST");
	}

	@Test
	void aSubmittedMonthIsLockedAgainstNewAndChangedSales() {
		long seller = SalesFixtures.register(this.admin, SalesFixtures.cooperative());
		long locked = SalesFixtures.record(this.admin, SalesFixtures.sale(seller, "2023-08"));
		long open = SalesFixtures.record(this.admin, SalesFixtures.sale(seller, "2023-09"));
		SalesFixtures.submit(this.admin, seller, "2023-08");
		assertRefused(this.jdbc,
				() -> this.admin.documentName("recordSale")
					.fragmentName("saleFields")
					.variable("input", SalesFixtures.sale(seller, "2023-08"))
					.execute(),
				"input.month", "CONFLICT");
		assertRefused(this.jdbc,
				() -> this.admin.documentName("updateSale")
					.fragmentName("saleFields")
					.variable("input", Map.of("id", locked, "changes", Map.of("amount", 4000)))
					.execute(),
				"input.id", "CONFLICT");
		assertRefused(this.jdbc,
				() -> this.admin.documentName("updateSale")
					.fragmentName("saleFields")
					.variable("input", Map.of("id", open, "changes", Map.of("month", "2023-08")))
					.execute(),
				"input.changes.month", "CONFLICT");
		// a sale of a month still open changes freely, without an amendment
		GraphQlTester.Response updated = this.admin.documentName("updateSale")
			.fragmentName("saleFields")
			.variable("input", Map.of("id", open, "changes", Map.of("amount", 4800, "product", "黄小米")))
			.execute();
		updated.path("updateSale.sale.amount").entity(Double.class).isEqualTo(4800.0);
		updated.path("updateSale.sale.product").entity(String.class).isEqualTo("黄小米");
		updated.path("updateSale.sale.version").entity(Integer.class).isEqualTo(1);
		updated.path("updateSale.sale.amendments").entityList(Object.class).hasSize(0);
		this.admin.documentName("sales")
			.variable("filter", Map.of("sellerId", seller, "month", "2023-08"))
			.execute()
			.path("sales.edges[0].node.locked")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void aLockedSaleChangesOnlyThroughARecordedAmendment() {
		long seller = SalesFixtures.register(this.admin, SalesFixtures.cooperative());
		long sale = SalesFixtures.record(this.admin, SalesFixtures.sale(seller, "2023-10"));
		SalesFixtures.submit(this.admin, seller, "2023-10");
		assertRefused(this.jdbc,
				() -> this.admin.documentName("amendSale")
					.fragmentName("saleFields")
					.variable("input", Map.of("id", sale, "reason", " ", "changes", Map.of("amount", 4000)))
					.execute(),
				"input.reason", "BAD_REQUEST");
		assertRefused(this.jdbc,
				() -> this.admin.documentName("amendSale")
					.fragmentName("saleFields")
					.variable("input", Map.of("id", sale, "reason", "无变化", "changes", Map.of("amount", 4500)))
					.execute(),
				"input.changes", "BAD_REQUEST");
		assertRefused(this.jdbc,
				() -> this.admin.documentName("amendSale")
					.fragmentName("saleFields")
					.variable("input", Map.of("id", sale, "reason", "更正", "changes", Map.of("amount", -1)))
					.execute(),
				"input.changes.amount", "BAD_REQUEST");
		GraphQlTester.Response amended = this.admin.documentName("amendSale")
			.fragmentName("saleFields")
			.variable("input",
					Map.of("id", sale, "reason", "核对发票后更正金额", "changes",
							Map.of("amount", 4050.5, "householdsBenefiting", 10)))
			.execute();
		amended.path("amendSale.sale.amount").entity(Double.class).isEqualTo(4050.5);
		amended.path("amendSale.sale.locked").entity(Boolean.class).isEqualTo(true);
		amended.path("amendSale.amendment.reason").entity(String.class).isEqualTo("核对发票后更正金额");
		amended.path("amendSale.amendment.amendedBy").entity(String.class).isEqualTo("county.admin");
		amended.path("amendSale.amendment.changedFields")
			.entityList(String.class)
			.containsExactly("amount", "householdsBenefiting");
		amended.path("amendSale.amendment.before.amount").entity(Double.class).isEqualTo(4500.0);
		amended.path("amendSale.amendment.after.amount").entity(Double.class).isEqualTo(4050.5);
		amended.path("amendSale.sale.amendments[0].before.householdsBenefiting").entity(Integer.class).isEqualTo(12);
		amended.path("amendSale.sale.amendments[0].after.householdsBenefiting").entity(Integer.class).isEqualTo(10);
		assertThat(this.jdbc.queryForMap(
				"SELECT before_amount, after_amount, amended_by FROM sale_amendment" + " WHERE sale_id = ?", sale))
			.containsEntry("amended_by", "county.admin")
			.hasEntrySatisfying("before_amount",
					(amount) -> assertThat((BigDecimal) amount).isEqualByComparingTo("4500"))
			.hasEntrySatisfying("after_amount",
					(amount) -> assertThat((BigDecimal) amount).isEqualByComparingTo("4050.5"));
		assertThat(this.jdbc.queryForMap("SELECT before_state, after_state FROM audit_log WHERE entity_type = 'Sale'"
				+ " AND entity_id = ? AND operation = 'amendSale'", sale))
			.hasEntrySatisfying("before_state", (state) -> assertThat((String) state).contains("\"amount\":4500"))
			.hasEntrySatisfying("after_state", (state) -> assertThat((String) state).contains("\"amount\":4050.5"));
		// the report keeps what was submitted beside what the month now holds
		Map<String, Object> report = SalesQueryTests.report(this.admin, seller, "2023-10");
		assertThat(report).containsEntry("submitted", true)
			.containsEntry("submittedAmount", 4500.0)
			.containsEntry("totalAmount", 4050.5)
			.containsEntry("amendmentCount", 1);
	}

	@Test
	void aSaleAddedToASubmittedMonthWithAReasonIsRecordedAsAnAmendment() {
		long seller = SalesFixtures.register(this.admin, SalesFixtures.cooperative());
		SalesFixtures.submit(this.admin, seller, "2023-11");
		GraphQlTester.Response response = this.admin.documentName("recordSale")
			.fragmentName("saleFields")
			.variable("input", with(SalesFixtures.sale(seller, "2023-11"), "amendmentReason", "补录漏报的单位采购"))
			.execute();
		response.path("recordSale.sale.locked").entity(Boolean.class).isEqualTo(true);
		response.path("recordSale.sale.amendments[0].reason").entity(String.class).isEqualTo("补录漏报的单位采购");
		response.path("recordSale.sale.amendments[0].before").valueIsNull();
		response.path("recordSale.sale.amendments[0].after.amount").entity(Double.class).isEqualTo(4500.0);
		response.path("recordSale.sale.amendments[0].changedFields").entityList(String.class).hasSize(8);
	}

	@Test
	void movingASaleIntoASubmittedMonthTakesAnAmendment() {
		long seller = SalesFixtures.register(this.admin, SalesFixtures.cooperative());
		long sale = SalesFixtures.record(this.admin, SalesFixtures.sale(seller, "2023-03"));
		SalesFixtures.submit(this.admin, seller, "2023-04");
		GraphQlTester.Response moved = this.admin.documentName("amendSale")
			.fragmentName("saleFields")
			.variable("input", Map.of("id", sale, "reason", "月份登记错误", "changes", Map.of("month", "2023-04")))
			.execute();
		moved.path("amendSale.sale.month").entity(String.class).isEqualTo("2023-04");
		moved.path("amendSale.sale.locked").entity(Boolean.class).isEqualTo(true);
		moved.path("amendSale.amendment.before.month").entity(String.class).isEqualTo("2023-03");
		moved.path("amendSale.amendment.changedFields").entityList(String.class).containsExactly("month");
	}

	private long household() {
		return Fixtures.createHousehold(this.admin).id();
	}

}
