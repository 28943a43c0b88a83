package cn.county.platform.partner;

import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.KeycloakServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What partners see is what the county approved for them, in force at once, and every
 * read is logged.
 */
class PartnerApprovalTests extends AbstractPlatformTests {

	private static final String APPROVE = "mutation($p: String!, $f: [String!]!) { setPartnerApprovedFields(input: {partnerId: $p, fields: $f}) { partnerId fields } }";

	private static final String READ = "query partnerRead($code: String!) { householdByCode(code: $code) { id code phone headIdNumber } }";

	HttpGraphQlTester insurer;

	@BeforeEach
	void setUp() {
		// a fresh token each time: tests change the insurer's approvals and must see them
		// on the next request
		this.insurer = this.clients
			.withToken(KeycloakServer.shared().clientCredentialsToken("partner-insurer", "partner-insurer-dev-secret"));
	}

	@Test
	void partnerSeesOnlyApprovedFieldsAndAChangeAppliesToTheNextRequest() {
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT id, code, head_id_number, phone FROM household WHERE phone IS NOT NULL ORDER BY code LIMIT 1");
		approve("partner-insurer", List.of("Household.id", "Household.code"));
		GraphQlTester.Response before = this.insurer.document(READ).variable("code", row.get("code")).execute();
		before.errors()
			.satisfy((errors) -> assertThat(errors).extracting((error) -> error.getPath())
				.containsExactlyInAnyOrder("householdByCode.phone", "householdByCode.headIdNumber"));
		before.path("householdByCode.code").entity(String.class).isEqualTo((String) row.get("code"));
		before.path("householdByCode.phone").valueIsNull();

		approve("partner-insurer",
				List.of("Household.id", "Household.code", "Household.phone", "Household.headIdNumber"));
		GraphQlTester.Response after = this.insurer.document(READ).variable("code", row.get("code")).execute();
		after.errors().verify();
		after.path("householdByCode.phone")
			.entity(String.class)
			.satisfies((phone) -> assertThat(phone).isNotEqualTo(row.get("phone")).contains("****"));
		// approved, yet never whole for a partner
		after.path("householdByCode.headIdNumber")
			.entity(String.class)
			.satisfies((id) -> assertThat(id).isNotEqualTo(row.get("head_id_number")).contains("*").hasSize(18));
	}

	@Test
	void partnerReadsAppearInTheAccessLog() {
		Map<String, Object> row = this.jdbc.queryForMap("SELECT id, code FROM household ORDER BY code DESC LIMIT 1");
		approve("partner-insurer", List.of("Household.id", "Household.code", "Household.headIdNumber"));
		long before = logged("partner-insurer");
		this.insurer.document(READ).variable("code", row.get("code")).execute();
		assertThat(logged("partner-insurer")).isEqualTo(before + 1);
		this.admin.document(
				"{ partnerAccessLog(partnerId: \"partner-insurer\", first: 1) { edges { node { partnerId operation householdIds fields } } } }")
			.execute()
			.path("partnerAccessLog.edges[0].node")
			.entity(Map.class)
			.satisfies((entry) -> {
				assertThat(entry.get("operation")).isEqualTo("partnerRead");
				assertThat((List<Object>) entry.get("householdIds")).containsExactly(row.get("id").toString());
				assertThat((List<Object>) entry.get("fields")).contains("Household.code", "Household.headIdNumber");
			});
	}

	@Test
	void anUnknownFieldIsRefusedNamingItsPositionAndNothingChanges() {
		approve("partner-insurer", List.of("Household.code"));
		this.admin.document(APPROVE)
			.variable("p", "partner-insurer")
			.variable("f", List.of("Household.id", "Household.nope", "Town.name"))
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).extracting((error) -> error.getExtensions().get("field"))
					.containsExactly("input.fields[1]", "input.fields[2]");
				assertThat(errors).allSatisfy(
						(error) -> assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST"));
			});
		assertThat(this.jdbc.queryForList(
				"SELECT CONCAT(type_name, '.', field_name) FROM partner_field_approval WHERE partner_id = 'partner-insurer'",
				String.class))
			.containsExactly("Household.code");
	}

	@Test
	void onlyCountyAdminsManageApprovalsAndReadTheLog() {
		for (HttpGraphQlTester caller : List.of(this.insurer, this.clients.townOfficial())) {
			caller.document(APPROVE)
				.variable("p", "partner-insurer")
				.variable("f", List.of("Household.phone"))
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("classification",
						"FORBIDDEN"));
			caller.document("{ partnerAccessLog { edges { node { id } } } }")
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("classification",
						"FORBIDDEN"));
		}
	}

	@Test
	void partnersCannotWrite() {
		approve("partner-insurer", List.of("Household.id", "Household.code"));
		this.insurer.documentName("createHousehold")
			.fragmentName("householdFields")
			.variable("input", Fixtures.household())
			.execute()
			.errors()
			.satisfy(
					(errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
	}

	private void approve(String partner, List<String> fields) {
		this.admin.document(APPROVE).variable("p", partner).variable("f", fields).execute().errors().verify();
	}

	private long logged(String partner) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM partner_access_log WHERE partner_id = ?", Long.class,
				partner);
	}

}
