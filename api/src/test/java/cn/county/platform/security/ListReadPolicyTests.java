package cn.county.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.KeycloakServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list's filters, sorts, count and cursors under the field policy: the probe that found
 * the leak (a partner with no approved field listing households by risk cause and head
 * name, and decoding the cursors), cursors that are tampered with or come from another
 * sort order, and a partner's list read in its access log.
 */
class ListReadPolicyTests extends AbstractPlatformTests {

	private static final String PROBE = "{ households(filter: {riskCause: DISABILITY}, orderBy: {field: HEAD_NAME})"
			+ " { totalCount edges { cursor } } }";

	private static final String APPROVE = "mutation($p: String!, $f: [String!]!) { setPartnerApprovedFields(input: {partnerId: $p, fields: $f}) { fields } }";

	private List<String> insurerBefore;

	private List<String> bankBefore;

	@BeforeEach
	void setUp() {
		this.insurerBefore = approvals("partner-insurer");
		this.bankBefore = approvals("partner-bank");
	}

	@AfterEach
	void restore() {
		approve("partner-insurer", this.insurerBefore);
		approve("partner-bank", this.bankBefore);
	}

	@Test
	void thePartnerProbeWithNoApprovedFieldGetsNoCountAndNoCursors() {
		approve("partner-insurer", List.of());
		GraphQlTester.Response response = insurer().document(PROBE).execute();
		response.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getPath()).isEqualTo("households");
			assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
		}));
		response.path("households").valueIsNull();
	}

	@Test
	void aPartnerFiltersAndSortsOnlyByApprovedFieldsEachRefusalNamingItsArgument() {
		approve("partner-insurer", List.of("Household.code", "Household.category"));
		GraphQlTester.Response response = insurer().document(PROBE).execute();
		response.errors().satisfy((errors) -> {
			assertThat(errors).extracting((error) -> error.getExtensions().get("field"))
				.containsExactlyInAnyOrder("filter.riskCause", "orderBy.field");
			assertThat(errors).allSatisfy((ResponseError error) -> {
				assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
				assertThat(error.getPath()).isEqualTo("households");
			});
		});
		response.path("households").valueIsNull();
		// by an approved field the list answers, sorted by it
		GraphQlTester.Response approved = insurer()
			.document("{ households(filter: {category: MONITORED}, orderBy: {field: CODE}, first: 3) { totalCount"
					+ " edges { cursor node { code category } } } }")
			.execute();
		approved.errors().verify();
		approved.path("households.edges[*].node.category").entityList(String.class).contains("MONITORED");
		// the search matches the head's name too, which the insurer may not read
		insurer().document("{ households(filter: {search: \"411\"}) { totalCount } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("field", "filter.search")
					.containsEntry("classification", "FORBIDDEN")));
	}

	@Test
	void aVillageCadreAndADepartmentOfficerFilterByWhatTheyRead() {
		this.clients.villageCadre()
			.document(
					"{ households(filter: {riskCause: DISABILITY}, orderBy: {field: HEAD_NAME}, first: 1) { totalCount } }")
			.execute()
			.errors()
			.verify();
		this.clients.hrssOfficer()
			.document("{ jobs(filter: {type: OUT_OF_PROVINCE}, first: 1) { totalCount } }")
			.execute()
			.errors()
			.verify();
	}

	@Test
	void aTamperedCursorIsRefusedNamingAfterAndTheCursorShowsNoRow() {
		GraphQlTester.Response page = this.admin
			.document("{ households(first: 1) { pageInfo { endCursor } edges { node { id code headName } } } }")
			.execute();
		String cursor = page.path("households.pageInfo.endCursor").entity(String.class).get();
		Map<?, ?> node = page.path("households.edges[0].node").entity(Map.class).get();
		String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		assertThat(cursor + decoded).doesNotContain(node.get("id").toString(), node.get("code").toString(),
				node.get("headName").toString());
		byte[] raw = Base64.getUrlDecoder().decode(cursor);
		raw[raw.length / 2] ^= 0x20;
		String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		for (String bad : List.of(tampered, cursor.substring(0, cursor.length() - 2), "not-a-cursor")) {
			assertBadAfter(this.admin.document("query($a: String) { households(first: 1, after: $a) { totalCount } }")
				.variable("a", bad)
				.execute());
		}
		// the untouched cursor pages on
		this.admin.document("query($a: String) { households(first: 1, after: $a) { pageInfo { hasPreviousPage } } }")
			.variable("a", cursor)
			.execute()
			.path("households.pageInfo.hasPreviousPage")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	@Test
	void aCursorFromOneSortOrderIsRefusedUnderAnotherAndByAnotherList() {
		String byCode = this.admin
			.document("{ households(first: 1, orderBy: {field: CODE}) { pageInfo { endCursor } } }")
			.execute()
			.path("households.pageInfo.endCursor")
			.entity(String.class)
			.get();
		assertBadAfter(this.admin
			.document("query($a: String) { households(first: 1, after: $a, orderBy: {field: INCOME}) { totalCount } }")
			.variable("a", byCode)
			.execute());
		assertBadAfter(this.admin.document("query($a: String) { measures(first: 1, after: $a) { totalCount } }")
			.variable("a", byCode)
			.execute());
		// and by another caller
		assertBadAfter(this.clients.townOfficial()
			.document("query($a: String) { households(first: 1, after: $a) { totalCount } }")
			.variable("a", byCode)
			.execute());
	}

	@Test
	void aPartnerBanksListReadLogsTheHouseholdsOfItsRows() throws Exception {
		approve("partner-bank", List.of("Household.code", "Household.incomePerCapita"));
		String document = new ClassPathResource("trusted-documents/partner-bank/householdsPage.graphql")
			.getContentAsString(StandardCharsets.UTF_8);
		HttpGraphQlTester bank = this.clients
			.withToken(KeycloakServer.shared().clientCredentialsToken("partner-bank", "partner-bank-dev-secret"));
		GraphQlTester.Response page = bank.document(document).variable("first", 3).execute();
		page.errors().verify();
		List<String> codes = page.path("households.edges[*].node.code").entityList(String.class).get();
		assertThat(codes).hasSize(3);
		List<String> ids = this.jdbc.queryForList("SELECT CAST(id AS CHAR) FROM household WHERE code IN (?, ?, ?)",
				String.class, codes.toArray());
		Map<?, ?> entry = this.admin.document(
				"{ partnerAccessLog(partnerId: \"partner-bank\", first: 1) { edges { node { operation householdIds fields } } } }")
			.execute()
			.path("partnerAccessLog.edges[0].node")
			.entity(Map.class)
			.get();
		assertThat(entry.get("operation")).isEqualTo("householdsPage");
		assertThat((List<Object>) entry.get("householdIds")).map(Object::toString)
			.containsExactlyInAnyOrderElementsOf(ids);
		assertThat((List<Object>) entry.get("fields")).map(Object::toString)
			.contains("HouseholdConnection.totalCount", "HouseholdConnection.edges.cursor",
					"HouseholdConnection.pageInfo", "Household.code");
	}

	@Test
	void aPartnerThatAsksOnlyForTheCountIsLoggedWithThePagesHouseholds() {
		approve("partner-insurer", List.of("Household.code"));
		long before = this.jdbc.queryForObject("SELECT COUNT(*) FROM partner_access_log WHERE partner_id = ?",
				Long.class, "partner-insurer");
		insurer().document("query countOnly { households(first: 2) { totalCount } }").execute().errors().verify();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM partner_access_log WHERE partner_id = ?", Long.class,
				"partner-insurer"))
			.isEqualTo(before + 1);
		Map<?, ?> entry = this.admin.document(
				"{ partnerAccessLog(partnerId: \"partner-insurer\", first: 1) { edges { node { operation householdIds fields } } } }")
			.execute()
			.path("partnerAccessLog.edges[0].node")
			.entity(Map.class)
			.get();
		assertThat(entry.get("operation")).isEqualTo("countOnly");
		assertThat((List<?>) entry.get("householdIds")).hasSize(2);
		assertThat((List<Object>) entry.get("fields")).map(Object::toString)
			.containsExactly("HouseholdConnection.totalCount");
	}

	private static void assertBadAfter(GraphQlTester.Response response) {
		response.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("field", "after");
		}));
	}

	private HttpGraphQlTester insurer() {
		// a fresh token each time is not needed (approvals are read per request), but a
		// fresh tester keeps it simple
		return this.clients.insurer();
	}

	private List<String> approvals(String partner) {
		return this.jdbc.queryForList(
				"SELECT CONCAT(type_name, '.', field_name) FROM partner_field_approval" + " WHERE partner_id = ?",
				String.class, partner);
	}

	private void approve(String partner, List<String> fields) {
		this.admin.document(APPROVE).variable("p", partner).variable("f", fields).execute().errors().verify();
	}

}
