package cn.county.platform.sales;

import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.county.platform.sales.SalesFixtures.assertRefused;
import static cn.county.platform.support.Fixtures.with;

/**
 * Who may write consumption-assistance records, with real tokens: the county, COMMERCE,
 * and town officials for sellers of their own town; no other department, no cadre, no
 * partner.
 */
class SalesPermissionTests extends AbstractPlatformTests {

	@Test
	void townOfficialRegistersSellersRecordsSalesAndSubmitsReportsInTheirTown() {
		HttpGraphQlTester official = this.clients.townOfficial();
		long seller = SalesFixtures.register(official, SalesFixtures.cooperative());
		SalesFixtures.record(official, SalesFixtures.sale(seller, "2023-05"));
		SalesFixtures.submit(official, seller, "2023-05");
	}

	@Test
	void townOfficialCannotRegisterOrWriteForAnotherTown() {
		HttpGraphQlTester official = this.clients.townOfficial();
		Map<String, Object> elsewhere = with(with(SalesFixtures.cooperative(), "townCode", Fixtures.OTHER_TOWN),
				"villageCode", Fixtures.OTHER_TOWN_VILLAGE);
		assertRefused(this.jdbc,
				() -> official.documentName("registerSeller")
					.fragmentName("sellerFields")
					.variable("input", elsewhere)
					.execute(),
				"input.townCode", "FORBIDDEN");
		long seller = SalesFixtures.register(this.admin, elsewhere);
		long sale = SalesFixtures.record(this.admin, SalesFixtures.sale(seller, "2023-05"));
		assertRefused(this.jdbc,
				() -> official.documentName("recordSale")
					.fragmentName("saleFields")
					.variable("input", SalesFixtures.sale(seller, "2023-06"))
					.execute(),
				"input.sellerId", "NOT_FOUND");
		assertRefused(this.jdbc,
				() -> official.documentName("amendSale")
					.fragmentName("saleFields")
					.variable("input", Map.of("id", sale, "reason", "更正", "changes", Map.of("amount", 1)))
					.execute(),
				"input.id", "NOT_FOUND");
		assertRefused(this.jdbc,
				() -> official.documentName("submitMonthlyReport")
					.variable("input", Map.of("sellerId", seller, "month", "2023-05"))
					.execute(),
				"input.sellerId", "NOT_FOUND");
	}

	@ParameterizedTest
	@ValueSource(strings = { "finance.officer", "hrss.officer", "village.cadre", "dashboard.viewer" })
	void otherDepartmentsCadresAndViewersCannotWriteSales(String user) {
		long seller = SalesFixtures.register(this.admin, SalesFixtures.cooperative());
		HttpGraphQlTester tester = this.clients.as(user);
		assertRefused(this.jdbc,
				() -> tester.documentName("registerSeller")
					.fragmentName("sellerFields")
					.variable("input", SalesFixtures.cooperative())
					.execute(),
				null, "FORBIDDEN");
		assertRefused(this.jdbc,
				() -> tester.documentName("recordSale")
					.fragmentName("saleFields")
					.variable("input", SalesFixtures.sale(seller, "2023-05"))
					.execute(),
				null, "FORBIDDEN");
		assertRefused(this.jdbc,
				() -> tester.documentName("submitMonthlyReport")
					.variable("input", Map.of("sellerId", seller, "month", "2023-05"))
					.execute(),
				null, "FORBIDDEN");
	}

	@ParameterizedTest
	@ValueSource(strings = { "partner-bank", "partner-insurer" })
	void partnersCannotWriteSales(String client) {
		long seller = SalesFixtures.register(this.admin, SalesFixtures.cooperative());
		HttpGraphQlTester partner = this.clients.asClient(client, client + "-dev-secret");
		assertRefused(this.jdbc,
				() -> partner.documentName("recordSale")
					.fragmentName("saleFields")
					.variable("input", SalesFixtures.sale(seller, "2023-05"))
					.execute(),
				null, "FORBIDDEN");
		assertRefused(this.jdbc,
				() -> partner.documentName("registerSeller")
					.fragmentName("sellerFields")
					.variable("input", SalesFixtures.cooperative())
					.execute(),
				null, "FORBIDDEN");
	}

}
