package cn.county.platform.screening;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.county.platform.dashboard.DashboardRollup;
import cn.county.platform.plan.Plan;
import cn.county.platform.security.Mask;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screening list, the findings and their counts over HTTP with each demo user's real
 * Keycloak token: who sees which area, what is masked for whom, who is refused, and
 * refusals that name their argument.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningAccessTests extends AbstractPlatformTests {

	@Autowired
	Plan plan;

	@Autowired
	DashboardRollup dashboards;

	ScreeningFixtures.Planted planted;

	@BeforeAll
	void setUp() {
		this.planted = ScreeningFixtures.plant(this.jdbc, this.plan.today());
		this.dashboards.invalidateAll();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> nodes(GraphQlTester.Response response, String list) {
		response.errors().verify();
		List<Map<String, Object>> edges = response.path(list + ".edges")
			.entityList(Map.class)
			.get()
			.stream()
			.map((edge) -> (Map<String, Object>) edge)
			.toList();
		return edges.stream().map((edge) -> (Map<String, Object>) edge.get("node")).toList();
	}

	/** Every row of a list, page by page. */
	private List<Map<String, Object>> all(HttpGraphQlTester client, String document, Map<String, Object> variables) {
		List<Map<String, Object>> rows = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 1_000; page++) {
			GraphQlTester.Request<?> request = client.documentName(document)
				.variable("first", 100)
				.variable("after", after);
			variables.forEach(request::variable);
			GraphQlTester.Response response = request.execute();
			rows.addAll(nodes(response, document));
			if (!response.path(document + ".pageInfo.hasNextPage").entity(Boolean.class).get()) {
				return rows;
			}
			after = response.path(document + ".pageInfo.endCursor").entity(String.class).get();
		}
		throw new AssertionError("the pages do not end");
	}

	@SuppressWarnings("unchecked")
	private static Set<String> towns(List<Map<String, Object>> rows) {
		Set<String> towns = new HashSet<>();
		rows.forEach((row) -> towns.add(((Map<String, Object>) row.get("town")).get("code").toString()));
		return towns;
	}

	@SuppressWarnings("unchecked")
	private static Set<String> villages(List<Map<String, Object>> rows) {
		Set<String> villages = new HashSet<>();
		rows.forEach((row) -> villages.add(((Map<String, Object>) row.get("village")).get("code").toString()));
		return villages;
	}

	@Test
	void theCountyAdminSeesTheWholeCountysScreeningListWithWholeIdNumbers() {
		List<Map<String, Object>> rows = all(this.admin, "screeningList", Map.of());
		assertThat(rows).hasSize(ScreeningOracle.screening(this.jdbc, null, null, ScreeningQueryTests.LINE).size());
		assertThat(towns(rows)).hasSizeGreaterThan(1);
		Map<String, Object> fixture = rows.stream()
			.filter((row) -> row.get("householdId").toString().equals(Long.toString(this.planted.underLine())))
			.findFirst()
			.orElseThrow();
		assertThat(fixture.get("headIdNumber").toString()).hasSize(18).doesNotContain("*");
		assertThat(fixture).containsEntry("reason", "UNDER_LINE_NOT_MONITORED").containsEntry("category", "ALLEVIATED");
	}

	@Test
	void aTownOfficialSeesOnlyTheOwnTown() {
		List<Map<String, Object>> rows = all(this.clients.townOfficial(), "screeningList", Map.of());
		assertThat(rows)
			.hasSize(ScreeningOracle.screening(this.jdbc, Fixtures.TOWN, null, ScreeningQueryTests.LINE).size());
		assertThat(towns(rows)).containsExactly(Fixtures.TOWN);
		List<Map<String, Object>> findings = all(this.clients.townOfficial(), "dataQualityFindings", Map.of());
		assertThat(towns(findings)).containsExactly(Fixtures.TOWN);
		assertThat(findings).hasSize(ScreeningOracle
			.findings(this.jdbc, Fixtures.TOWN, null, this.plan.today(), 6, 15, ScreeningQueryTests.LINE)
			.size());
	}

	@Test
	void aVillageCadreSeesOnlyTheOwnVillageWithIdNumbersMasked() {
		List<Map<String, Object>> rows = all(this.clients.villageCadre(), "screeningList", Map.of());
		assertThat(villages(rows)).containsExactly(Fixtures.VILLAGE);
		String stored = this.jdbc.queryForObject("SELECT head_id_number FROM household WHERE id = ?", String.class,
				this.planted.underLine());
		assertThat(rows)
			.anySatisfy((row) -> assertThat(row.get("headIdNumber")).isEqualTo(Mask.ID_NUMBER.apply(stored)));
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("headIdNumber").toString()).contains("*"));
		List<Map<String, Object>> findings = all(this.clients.villageCadre(), "dataQualityFindings", Map.of());
		assertThat(villages(findings)).containsExactly(Fixtures.VILLAGE);
		assertThat(findings).filteredOn((f) -> f.get("memberIdNumber") != null)
			.isNotEmpty()
			.allSatisfy((f) -> assertThat(f.get("memberIdNumber").toString()).contains("*").hasSize(18));
	}

	@Test
	void aDepartmentOfficerSeesTheCountyWithIdNumbersMasked() {
		List<Map<String, Object>> findings = nodes(this.clients.hrssOfficer()
			.documentName("dataQualityFindings")
			.variable("householdId", this.planted.underLine())
			.execute(), "dataQualityFindings");
		assertThat(findings).hasSize(6).allSatisfy((f) -> assertThat(f.get("memberIdNumber").toString()).contains("*"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "screeningList", "dataQualityFindings" })
	void partnersAndDashboardViewersGetNoRows(String list) {
		for (HttpGraphQlTester client : List.of(this.clients.insurer(), this.clients.dashboardViewer())) {
			GraphQlTester.Response response = client.documentName(list).execute();
			response.errors().satisfy((errors) -> assertThat(errors).anySatisfy((ResponseError error) -> {
				assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
				assertThat(error.getPath()).isEqualTo(list);
			}));
			response.path(list).valueIsNull();
		}
	}

	@Test
	void theDashboardViewerReadsTheCountsAndPartnersDoNot() {
		Map<String, Object> admin = this.admin.documentName("dataQualityCounts")
			.execute()
			.path("dataQualityCounts")
			.entity(Map.class)
			.get();
		Map<String, Object> viewer = this.clients.dashboardViewer()
			.documentName("dataQualityCounts")
			.execute()
			.path("dataQualityCounts")
			.entity(Map.class)
			.get();
		assertThat(viewer).isEqualTo(admin);
		assertThat(((Number) admin.get("total")).longValue()).isEqualTo(
				ScreeningOracle.findings(this.jdbc, null, null, this.plan.today(), 6, 15, ScreeningQueryTests.LINE)
					.size());
		assertRefused(this.clients.insurer().documentName("dataQualityCounts").execute(), "dataQualityCounts",
				"FORBIDDEN");
	}

	@Test
	void aTownOfficialsCountsAreTheOwnTowns() {
		this.clients.townOfficial()
			.documentName("dataQualityCounts")
			.execute()
			.path("dataQualityCounts.area")
			.entity(Map.class)
			.satisfies((area) -> assertThat(area).containsEntry("level", "TOWN").containsEntry("code", Fixtures.TOWN))
			.path("dataQualityCounts.total")
			.entity(Long.class)
			.isEqualTo((long) ScreeningOracle
				.findings(this.jdbc, Fixtures.TOWN, null, this.plan.today(), 6, 15, ScreeningQueryTests.LINE)
				.size());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-",
			value = { "screeningList       | town.official | 411024101 | -            | town    | FORBIDDEN",
					"screeningList       | village.cadre | 411024100 | -            | town    | FORBIDDEN",
					"screeningList       | village.cadre | -         | 411024100202 | village | FORBIDDEN",
					"screeningList       | county.admin  | 999999999 | -            | town    | NOT_FOUND",
					"screeningList       | county.admin  | -         | 999999999999 | village | NOT_FOUND",
					"dataQualityFindings | town.official | 411024101 | -            | town    | FORBIDDEN",
					"dataQualityFindings | village.cadre | -         | 411024100202 | village | FORBIDDEN",
					"dataQualityFindings | county.admin  | 999999999 | -            | town    | NOT_FOUND",
					"dataQualityCounts   | town.official | 411024101 | -            | town    | FORBIDDEN",
					"dataQualityCounts   | county.admin  | 411024101 | 411024100201 | village | BAD_REQUEST" })
	void anAreaOutsideTheCallersOwnOrUnknownIsRefusedNamingTheArgument(String document, String user, String town,
			String village, String field, String classification) {
		assertRefused(this.clients.as(user)
			.documentName(document)
			.variable("town", town)
			.variable("village", village)
			.execute(), field, classification);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "screeningList | first | 0", "screeningList | first | 101",
			"dataQualityFindings | first | -1", "dataQualityFindings | first | 500" })
	void aBadPageSizeIsRefusedNamingFirst(String document, String field, int first) {
		assertRefused(this.admin.documentName(document).variable("first", first).execute(), field, "BAD_REQUEST");
	}

	@ParameterizedTest
	@ValueSource(strings = { "screeningList", "dataQualityFindings" })
	void aCursorThatThisListDidNotReturnIsRefusedNamingAfter(String document) {
		HttpGraphQlTester admin = this.admin;
		assertRefused(admin.documentName(document).variable("after", "not-a-cursor").execute(), "after", "BAD_REQUEST");
		// a real cursor, but of the other list
		String other = document.equals("screeningList") ? "dataQualityFindings" : "screeningList";
		String cursor = admin.documentName(other)
			.variable("first", 1)
			.execute()
			.path(other + ".pageInfo.endCursor")
			.entity(String.class)
			.get();
		assertRefused(admin.documentName(document).variable("after", cursor).execute(), "after", "BAD_REQUEST");
	}

	@Test
	void aYearBeforeThePlansBeginIsRefusedNamingYear() {
		assertRefused(this.admin.documentName("screeningList").variable("year", 2019).execute(), "year", "BAD_REQUEST");
	}

	/**
	 * An unknown reason or rule never reaches the API's code: GraphQL's own validation
	 * refuses the document, and its message names the argument and the enum.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "screeningList(reason: BEYOND_THE_LINE) { pageInfo { hasNextPage } } | reason | ScreeningReason",
					"dataQualityFindings(rule: NO_SUCH_RULE) { pageInfo { hasNextPage } } | rule | DataQualityRule" })
	void anUnknownReasonOrRuleIsRefusedNamingTheArgument(String selection, String argument, String type) {
		GraphQlTester.Response response = this.admin.document("{ " + selection + " }").execute();
		response.errors().satisfy((errors) -> assertThat(errors).anySatisfy((ResponseError error) -> {
			assertThat(error.getErrorType().toString()).isEqualTo("ValidationError");
			assertThat(error.getMessage()).contains("'" + argument + "'").contains(type);
		}));
		GraphQlTester.Response asVariable = this.admin
			.documentName(argument.equals("reason") ? "screeningList" : "dataQualityFindings")
			.variable(argument, "UNKNOWN")
			.execute();
		asVariable.errors().satisfy((errors) -> assertThat(errors).anySatisfy((ResponseError error) -> {
			assertThat(error.getErrorType().toString()).isEqualTo("ValidationError");
			assertThat(error.getMessage()).contains("'" + argument + "'").contains(type);
		}));
	}

	@Test
	void aFindingNamesTheMemberAndTheRuleAndExplainsItself() {
		List<Map<String, Object>> findings = nodes(this.admin.documentName("dataQualityFindings")
			.variable("householdId", this.planted.eliminated())
			.execute(), "dataQualityFindings");
		assertThat(findings).extracting((f) -> f.get("rule"))
			.containsExactly("DUPLICATE_ID_ACROSS_HOUSEHOLDS", "LOAN_PAST_MATURITY_ACTIVE",
					"RISK_ELIMINATED_UNDER_LINE");
		assertThat(findings.get(1)).containsEntry("loanId", Long.toString(this.planted.loan()))
			.containsEntry("memberId", Long.toString(this.planted.otherSharedIdHead()))
			.containsEntry("memberName", "刘大");
		assertThat(findings.get(1).get("detail").toString()).contains("2022-01-10");
		assertThat(findings.get(2)).containsEntry("memberId", null);
		assertThat(findings.get(2).get("detail").toString()).contains("6,000.00").contains("7,500");
	}

	private static void assertRefused(GraphQlTester.Response response, String field, String classification) {
		response.errors().satisfy((errors) -> assertThat(errors).anySatisfy((ResponseError error) -> {
			assertThat(error.getExtensions()).containsEntry("classification", classification)
				.containsEntry("field", field);
			assertThat(error.getMessage()).startsWith(field + ": ");
		}));
	}

}
