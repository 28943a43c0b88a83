package cn.county.platform.security;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.DepartmentOfficers;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health inferred is health: risk causes, department warnings and measure descriptions
 * follow {@code Member.health} (refused as a whole, whatever their value, to whoever may
 * not read health), and MEDICAL and DISABILITY measures are not rows at all for such
 * callers (lists, counts and filters agree). Checked for every line department, with real
 * officers' tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthPolicyTests extends AbstractPlatformTests {

	static final String MEASURES = "query($id: ID!) { household(id: $id) { measures { category } } "
			+ "all: measures(filter: {householdId: $id}) { totalCount edges { node { category } } } "
			+ "medical: measures(filter: {householdId: $id, category: MEDICAL}) { totalCount } }";

	/**
	 * Monitored for ILLNESS, warned by medical insurance, with a MEDICAL and an INDUSTRY
	 * measure.
	 */
	long ill;

	/**
	 * Monitored for an ACCIDENT: its risk causes tell no health, and are refused all the
	 * same.
	 */
	long accident;

	List<Map<String, Object>> insurerApprovals;

	@BeforeAll
	void createHouseholds() {
		this.ill = monitored("ILLNESS");
		this.accident = monitored("ACCIDENT");
		this.jdbc.update(
				"UPDATE household SET warning_source = 'MEDICAL_INSURANCE', warning_received_on = ?" + " WHERE id = ?",
				LocalDate.now().minusDays(5), this.ill);
		measure(this.ill, "MEDICAL", "大病医疗救助");
		measure(this.ill, "INDUSTRY", "养牛补贴");
		this.insurerApprovals = this.jdbc.queryForList(
				"SELECT type_name, field_name FROM partner_field_approval WHERE partner_id = 'partner-insurer'");
	}

	@AfterAll
	void restoreInsurerApprovals() {
		approve(this.insurerApprovals.stream()
			.map((row) -> row.get("type_name") + "." + row.get("field_name"))
			.toList());
	}

	private long monitored(String cause) {
		Map<String, Object> input = Fixtures.household();
		input.put("head", Fixtures.member("赵四", Fixtures.idNumber(LocalDate.of(1970, 1, 1))));
		input.put("monitoring", Fixtures.monitoring("UNSTABLE_ALLEVIATED", cause));
		return Fixtures.createHousehold(this.admin, input).id();
	}

	private void measure(long household, String category, String description) {
		this.admin.document("mutation($i: RecordMeasureInput!) { recordMeasure(input: $i) { measure { id } } }")
			.variable("i",
					Map.of("householdId", household, "category", category, "description", description,
							"responsibleDepartment", "县医保局", "startDate", LocalDate.now().minusDays(10).toString()))
			.execute()
			.errors()
			.verify();
	}

	@ParameterizedTest
	@ValueSource(strings = { "HEALTH", "MEDICAL_INSURANCE", "CIVIL_AFFAIRS", "DISABLED_FEDERATION" })
	void theHealthDepartmentsReadEverythingThatTellsHealth(String department) {
		HttpGraphQlTester officer = this.clients.as(DepartmentOfficers.of(department));
		readsHealth(officer, department);
	}

	@Test
	void townOfficialsAndCadresReadEverythingThatTellsHealth() {
		readsHealth(this.clients.townOfficial(), "town.official");
		readsHealth(this.clients.villageCadre(), "village.cadre");
	}

	private void readsHealth(HttpGraphQlTester caller, String who) {
		GraphQlTester.Response household = caller
			.document("query($id: ID!) { household(id: $id) { riskCauses warningSource measures { description } } }")
			.variable("id", this.ill)
			.execute();
		household.errors().verify();
		household.path("household.riskCauses").entityList(String.class).containsExactly("ILLNESS");
		household.path("household.warningSource").entity(String.class).isEqualTo("MEDICAL_INSURANCE");
		household.path("household.measures[*].description").entityList(String.class).contains("大病医疗救助", "养牛补贴");
		GraphQlTester.Response measures = caller.document(MEASURES).variable("id", this.ill).execute();
		measures.errors().verify();
		assertThat(measures.path("household.measures[*].category").entityList(String.class).get())
			.containsExactlyInAnyOrder("MEDICAL", "INDUSTRY");
		assertThat(measures.path("all.totalCount").entity(Long.class).get()).as(who).isEqualTo(2L);
		assertThat(measures.path("medical.totalCount").entity(Long.class).get()).as(who).isEqualTo(1L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "HRSS", "FINANCE", "COMMERCE", "AGRICULTURE", "EDUCATION" })
	void otherDepartmentsReadNothingThatTellsHealth(String department) {
		String username = switch (department) {
			case "HRSS" -> "hrss.officer";
			case "FINANCE" -> "finance.officer";
			case "COMMERCE" -> "commerce.officer";
			default -> DepartmentOfficers.of(department);
		};
		readsNoHealth(this.clients.as(username), username);
	}

	@Test
	void aPartnerApprovedForMeasuresAndRiskCausesButNotForHealthReadsNoHealth() {
		approve(List.of("Household.id", "Household.riskCauses", "Household.warningSource", "Household.measures",
				"Measure.category", "Measure.description"));
		readsNoHealth(this.clients.insurer(), "partner-insurer");
		approve(List.of("Household.id", "Household.riskCauses", "Household.warningSource", "Household.measures",
				"Measure.category", "Measure.description", "Member.health"));
		HttpGraphQlTester insurer = this.clients.insurer();
		GraphQlTester.Response approved = insurer
			.document("query($id: ID!) { household(id: $id) { riskCauses measures { category description } } }")
			.variable("id", this.ill)
			.execute();
		approved.errors().verify();
		approved.path("household.riskCauses").entityList(String.class).containsExactly("ILLNESS");
		assertThat(approved.path("household.measures[*].category").entityList(String.class).get())
			.containsExactlyInAnyOrder("MEDICAL", "INDUSTRY");
	}

	private void readsNoHealth(HttpGraphQlTester caller, String who) {
		for (long household : List.of(this.ill, this.accident)) {
			for (String field : List.of("riskCauses", "warningSource")) {
				GraphQlTester.Response response = caller
					.document("query($id: ID!) { household(id: $id) { id " + field + " } }")
					.variable("id", household)
					.execute();
				List<ResponseError> errors = new ArrayList<>();
				response.errors().satisfy(errors::addAll);
				// refused whatever the value: the accident household's causes are refused
				// like the ill one's
				assertThat(errors).as(who + " " + field + " of " + household).singleElement().satisfies((error) -> {
					assertThat(error.getPath()).isEqualTo("household." + field);
					assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
				});
				response.path("household." + field).valueIsNull();
				response.path("household.id").entity(Long.class).isEqualTo(household);
			}
		}
		// the MEDICAL measure is no row: not in the household's list, the list, its
		// count, nor a filter for it
		GraphQlTester.Response measures = caller
			.document("query($id: ID!) { household(id: $id) { measures { category description } } }")
			.variable("id", this.ill)
			.execute();
		List<ResponseError> errors = new ArrayList<>();
		measures.errors().satisfy(errors::addAll);
		assertThat(errors).as(who + " measure descriptions").isNotEmpty().allSatisfy((error) -> {
			assertThat(error.getPath()).endsWith(".description");
			assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
		});
		assertThat(measures.path("household.measures[*].category").entityList(String.class).get()).as(who)
			.containsExactly("INDUSTRY");
		if (who.startsWith("partner-")) {
			return; // partners read no lists of measures beyond their approved fields
		}
		GraphQlTester.Response lists = caller.document(MEASURES).variable("id", this.ill).execute();
		lists.errors().verify();
		assertThat(lists.path("all.totalCount").entity(Long.class).get()).as(who).isEqualTo(1L);
		assertThat(lists.path("all.edges[*].node.category").entityList(String.class).get()).as(who)
			.containsExactly("INDUSTRY");
		assertThat(lists.path("medical.totalCount").entity(Long.class).get()).as(who).isEqualTo(0L);
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
