package cn.county.platform.security;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A HOUSEHOLD seller, its sales and its reports are household-level data
 * ({@code @personal(onlyHouseholdOwned:
 * true)}): dashboard viewers reach none, partners read only approved fields and every
 * such read is logged. Enterprises and cooperatives are not: every caller that reaches
 * them reads them whole, unlogged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdSellerPolicyTests extends AbstractPlatformTests {

	static final String MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

	static final String READ = "query sellerRead($seller: ID!, $sale: ID!) { seller(id: $seller) { name kind } "
			+ "sale(id: $sale) { amount product } }";

	long household;

	long householdSeller;

	long householdSale;

	long enterprise;

	long enterpriseSale;

	List<Map<String, Object>> insurerApprovals;

	@BeforeAll
	void createSellers() {
		HttpGraphQlTester admin = this.admin;
		Map<String, Object> input = Fixtures.household();
		input.put("head", Fixtures.member("孙卖", Fixtures.idNumber(LocalDate.of(1975, 3, 3))));
		this.household = Fixtures.createHousehold(admin, input).id();
		this.householdSeller = register(admin,
				Map.of("kind", "HOUSEHOLD", "name", "孙家小米" + this.household, "householdId", this.household));
		this.enterprise = register(admin,
				Map.of("kind", "ENTERPRISE", "name", "县小米公司" + this.household, "townCode", Fixtures.TOWN));
		this.householdSale = sale(admin, this.householdSeller);
		this.enterpriseSale = sale(admin, this.enterprise);
		this.insurerApprovals = this.jdbc.queryForList(
				"SELECT type_name, field_name FROM partner_field_approval WHERE partner_id = 'partner-insurer'");
	}

	@AfterAll
	void restoreInsurerApprovals() {
		approve(this.insurerApprovals.stream()
			.map((row) -> row.get("type_name") + "." + row.get("field_name"))
			.toList());
	}

	private static long register(HttpGraphQlTester admin, Map<String, Object> input) {
		return admin.document("mutation($i: RegisterSellerInput!) { registerSeller(input: $i) { seller { id } } }")
			.variable("i", input)
			.execute()
			.path("registerSeller.seller.id")
			.entity(Long.class)
			.get();
	}

	private static long sale(HttpGraphQlTester admin, long seller) {
		return admin.document("mutation($i: RecordSaleInput!) { recordSale(input: $i) { sale { id } } }")
			.variable("i",
					Map.of("sellerId", seller, "product", "小米", "category", "GRAIN", "channel", "OFFLINE_EVENT",
							"month", MONTH, "quantity", 50, "unit", "千克", "amount", 450, "householdsBenefiting", 1))
			.execute()
			.path("recordSale.sale.id")
			.entity(Long.class)
			.get();
	}

	@Test
	void theDashboardViewerReachesNoHouseholdSellerNorItsSales() {
		HttpGraphQlTester viewer = this.clients.dashboardViewer();
		GraphQlTester.Response direct = viewer.document(READ)
			.variable("seller", this.householdSeller)
			.variable("sale", this.householdSale)
			.execute();
		direct.path("seller").valueIsNull();
		direct.path("sale").valueIsNull();
		GraphQlTester.Response nested = viewer
			.document("query($id: ID!) { household(id: $id) { sales { amount seller { name } } } }")
			.variable("id", this.household)
			.execute();
		nested.errors().satisfy((errors) -> assertThat(errors).anySatisfy((error) -> {
			assertThat(error.getPath()).isEqualTo("household");
			assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
		}));
		nested.path("household").valueIsNull();
	}

	@Test
	void aPartnerWithoutApprovalIsRefusedTheHouseholdSellerAndItsSalesButReadsTheEnterprise() {
		approve(List.of("Household.id"));
		HttpGraphQlTester insurer = this.clients.insurer();
		long logged = logged();
		GraphQlTester.Response household = insurer.document(READ)
			.variable("seller", this.householdSeller)
			.variable("sale", this.householdSale)
			.execute();
		List<ResponseError> errors = new ArrayList<>();
		household.errors().satisfy(errors::addAll);
		for (String path : List.of("seller.name", "seller.kind", "sale.amount", "sale.product")) {
			assertThat(errors).as(path).anySatisfy((error) -> {
				assertThat(error.getPath()).isEqualTo(path);
				assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
			});
		}
		household.path("seller").valueIsNull();
		household.path("sale").valueIsNull();
		GraphQlTester.Response enterprise = insurer.document(READ)
			.variable("seller", this.enterprise)
			.variable("sale", this.enterpriseSale)
			.execute();
		enterprise.errors().verify();
		enterprise.path("seller.kind").entity(String.class).isEqualTo("ENTERPRISE");
		enterprise.path("sale.amount").entity(Double.class).isEqualTo(450.0);
		assertThat(logged()).as("neither refused reads nor an enterprise's are household data read").isEqualTo(logged);
	}

	@Test
	void aPartnerWithApprovalReadsTheApprovedFieldsAndTheReadIsLogged() {
		approve(List.of("Seller.name", "Seller.kind", "Sale.amount", "Sale.product"));
		HttpGraphQlTester insurer = this.clients.insurer();
		GraphQlTester.Response read = insurer.document(READ)
			.variable("seller", this.householdSeller)
			.variable("sale", this.householdSale)
			.execute();
		read.errors().verify();
		read.path("seller.kind").entity(String.class).isEqualTo("HOUSEHOLD");
		read.path("sale.amount").entity(Double.class).isEqualTo(450.0);
		Map<String, Object> entry = this.jdbc.queryForMap("SELECT operation, household_ids, fields"
				+ " FROM partner_access_log WHERE partner_id = 'partner-insurer' ORDER BY accessed_at DESC, id DESC"
				+ " LIMIT 1");
		assertThat(entry.get("operation")).isEqualTo("sellerRead");
		assertThat(entry.get("household_ids").toString()).contains(Long.toString(this.household));
		assertThat(entry.get("fields").toString()).contains("Seller.name", "Seller.kind", "Sale.amount",
				"Sale.product");
		GraphQlTester.Response me = insurer
			.document("{ me { fieldAccess { type whole forbidden onlyHouseholdOwned } } }")
			.execute();
		me.errors().verify();
		me.path("me.fieldAccess[?(@.type == 'Seller')].onlyHouseholdOwned")
			.entityList(Boolean.class)
			.containsExactly(true);
		assertThat(me.path("me.fieldAccess[?(@.type == 'Seller')].whole[*]").entityList(String.class).get())
			.containsExactlyInAnyOrder("name", "kind");
	}

	@Test
	void theCommerceDepartmentAndTheTownReadBothSellersWhole() {
		for (String caller : List.of("commerce.officer", "town.official")) {
			for (long[] ids : List.of(new long[] { this.householdSeller, this.householdSale },
					new long[] { this.enterprise, this.enterpriseSale })) {
				GraphQlTester.Response read = this.clients.as(caller)
					.document(READ)
					.variable("seller", ids[0])
					.variable("sale", ids[1])
					.execute();
				read.errors().verify();
				read.path("seller.name").hasValue();
				read.path("sale.amount").entity(Double.class).isEqualTo(450.0);
			}
		}
	}

	/**
	 * Log rows of the insurer naming the household seller's household with a seller or
	 * sale field read.
	 */
	private long logged() {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM partner_access_log WHERE partner_id = 'partner-insurer'"
						+ " AND household_ids LIKE ? AND (fields LIKE '%Seller.%' OR fields LIKE '%Sale.%')",
				Long.class, "%" + this.household + "%");
	}

	private void approve(List<String> fields) {
		this.admin
			.document("mutation($f: [String!]!) { setPartnerApprovedFields(input: {partnerId: \"partner-insurer\","
					+ " fields: $f}) { fields } }")
			.variable("f", fields)
			.execute()
			.errors()
			.verify();
	}

}
