package cn.county.platform.measure;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.county.platform.common.SqlStatementCounter;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class MeasureQueryTests extends AbstractPlatformTests {

	@Autowired
	SqlStatementCounter statements;

	@Test
	void aHouseholdShowsItsMeasuresAndVisitsLatestFirst() {
		long household = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE).id();
		MeasureFixtures.recordMeasure(this.admin,
				Fixtures.with(MeasureFixtures.measure(household), "startDate", "2022-05-01"));
		long latest = MeasureFixtures.recordMeasure(this.admin, MeasureFixtures.measure(household));
		for (String day : List.of("2023-03-07", "2023-10-10", "2023-06-06")) {
			this.admin.documentName("recordVisit")
				.fragmentName("visitFields")
				.variable("input", Map.of("householdId", household, "visitedOn", day))
				.execute()
				.errors()
				.verify();
		}
		GraphQlTester.Response response = this.admin.documentName("householdMeasuresAndVisits")
			.fragmentName("measureFields")
			.fragmentName("visitFields")
			.variable("id", household)
			.execute();
		response.path("household.measures[*].startDate")
			.entityList(String.class)
			.containsExactly("2023-03-01", "2022-05-01");
		response.path("household.measures[0].id").entity(Long.class).isEqualTo(latest);
		response.path("household.visits[*].visitedOn")
			.entityList(String.class)
			.containsExactly("2023-10-10", "2023-06-06", "2023-03-07");
		this.admin.documentName("measureCount")
			.variable("filter", Map.of("householdId", household, "status", "IN_PROGRESS"))
			.execute()
			.path("measures.totalCount")
			.entity(Long.class)
			.isEqualTo(2L);
	}

	@Test
	void countyAdminListsMeasuresWithTheirHouseholdsAndTheTotalCount() {
		long measures = this.jdbc.queryForObject("SELECT COUNT(*) FROM assistance_measure", Long.class);
		GraphQlTester.Response response = this.admin.documentName("measures").variable("first", 5).execute();
		response.path("measures.totalCount").entity(Long.class).isEqualTo(measures);
		response.path("measures.edges").entityList(Object.class).hasSize(5);
		response.path("measures.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		List<Long> householdIds = response.path("measures.edges[*].node.householdId").entityList(Long.class).get();
		response.path("measures.edges[*].node.household.id").entityList(Long.class).isEqualTo(householdIds);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "{\"category\":\"MEDICAL\"}|m.category = 'MEDICAL'",
					"{\"status\":\"IN_PROGRESS\"}|m.status = 'IN_PROGRESS'",
					"{\"townCode\":\"411024101\"}|h.town_code = '411024101'",
					"{\"villageCode\":\"411024100201\",\"category\":\"EDUCATION\"}"
							+ "|h.village_code = '411024100201' AND m.category = 'EDUCATION'",
					"{\"townCode\":\"411024100\",\"status\":\"COMPLETED\"}"
							+ "|h.town_code = '411024100' AND m.status = 'COMPLETED'" })
	void measureFiltersSelectWhatTheEquivalentSqlSelects(String filterJson, String condition) throws Exception {
		Map<String, Object> filter = new tools.jackson.databind.json.JsonMapper().readValue(filterJson, Map.class);
		long expected = this.jdbc
			.queryForObject("SELECT COUNT(*) FROM assistance_measure m JOIN household h ON h.id = m.household_id WHERE "
					+ condition, Long.class);
		assertThat(expected).as("the demo data has measures for " + filterJson).isPositive();
		this.admin.documentName("measureCount")
			.variable("filter", filter)
			.execute()
			.path("measures.totalCount")
			.entity(Long.class)
			.isEqualTo(expected);
	}

	@Test
	void walkingTheMeasuresOfATownVisitsEachOnceLatestStartFirst() {
		List<Long> expected = this.jdbc.queryForList(
				"SELECT m.id FROM assistance_measure m JOIN household h"
						+ " ON h.id = m.household_id WHERE h.village_code = ? ORDER BY m.start_date DESC, m.id DESC",
				Long.class, Fixtures.OTHER_TOWN_VILLAGE);
		assertThat(expected).hasSizeGreaterThan(60);
		assertThat(walk("measureIds", "measures", Map.of("villageCode", Fixtures.OTHER_TOWN_VILLAGE)))
			.containsExactlyElementsOf(expected);
	}

	@Test
	void walkingTheVisitsOfAVillageVisitsEachOnceLatestFirst() {
		List<Long> expected = this.jdbc.queryForList(
				"SELECT v.id FROM household_visit v JOIN household h"
						+ " ON h.id = v.household_id WHERE h.village_code = ? ORDER BY v.visited_on DESC, v.id DESC",
				Long.class, Fixtures.OTHER_TOWN_VILLAGE);
		assertThat(expected).hasSizeGreaterThan(60);
		assertThat(walk("visitIds", "visits", Map.of("villageCode", Fixtures.OTHER_TOWN_VILLAGE)))
			.containsExactlyElementsOf(expected);
	}

	@Test
	void visitFiltersSelectByCadreAndDates() {
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT v.cadre, h.village_code FROM household_visit v"
						+ " JOIN household h ON h.id = v.household_id WHERE h.town_code = ? ORDER BY v.id LIMIT 1",
				Fixtures.OTHER_TOWN);
		long expected = this.jdbc.queryForObject("SELECT COUNT(*) FROM household_visit WHERE cadre = ?"
				+ " AND visited_on BETWEEN '2023-04-01' AND '2023-06-30'", Long.class, row.get("cadre"));
		assertThat(expected).isPositive();
		this.admin.documentName("visitCount")
			.variable("filter", Map.of("cadre", row.get("cadre"), "from", "2023-04-01", "to", "2023-06-30"))
			.execute()
			.path("visits.totalCount")
			.entity(Long.class)
			.isEqualTo(expected);
		long inVillage = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM household_visit v JOIN household h"
						+ " ON h.id = v.household_id WHERE h.village_code = ? AND v.visited_on >= '2023-07-01'",
				Long.class, row.get("village_code"));
		this.admin.documentName("visitCount")
			.variable("filter", Map.of("villageCode", row.get("village_code"), "from", "2023-07-01"))
			.execute()
			.path("visits.totalCount")
			.entity(Long.class)
			.isEqualTo(inVillage);
	}

	@Test
	void aVisitDateRangeEndingBeforeItStartsIsRefusedNamingTo() {
		this.admin.documentName("visitCount")
			.variable("filter", Map.of("from", "2023-07-01", "to", "2023-06-30"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("field", "filter.to")
				.containsEntry("classification", "BAD_REQUEST"));
	}

	@Test
	void townOfficialAndVillageCadreListOnlyTheirOwnMeasuresAndVisits() {
		long inTown = this.jdbc.queryForObject("SELECT COUNT(*) FROM assistance_measure m JOIN household h"
				+ " ON h.id = m.household_id WHERE h.town_code = ?", Long.class, Fixtures.TOWN);
		HttpGraphQlTester official = this.clients.townOfficial();
		official.documentName("measureCount")
			.execute()
			.path("measures.totalCount")
			.entity(Long.class)
			.isEqualTo(inTown);
		official.documentName("measureCount")
			.variable("filter", Map.of("townCode", Fixtures.OTHER_TOWN))
			.execute()
			.path("measures.totalCount")
			.entity(Long.class)
			.isEqualTo(0L);
		long inVillage = this.jdbc.queryForObject("SELECT COUNT(*) FROM household_visit v JOIN household h"
				+ " ON h.id = v.household_id WHERE h.village_code = ?", Long.class, Fixtures.VILLAGE);
		HttpGraphQlTester cadre = this.clients.villageCadre();
		cadre.documentName("visitCount").execute().path("visits.totalCount").entity(Long.class).isEqualTo(inVillage);
		cadre.documentName("visits")
			.variable("first", 50)
			.execute()
			.path("visits.edges[*].node.household.village.code")
			.entityList(String.class)
			.satisfies((codes) -> assertThat(codes).isNotEmpty().containsOnly(Fixtures.VILLAGE));
	}

	@Test
	void dashboardViewerReadsNoMeasuresOrVisits() {
		HttpGraphQlTester viewer = this.clients.dashboardViewer();
		for (String document : List.of("measureCount", "visitCount")) {
			GraphQlTester.Response response = viewer.documentName(document).execute();
			response.errors()
				.satisfy((errors) -> assertThat(errors).anySatisfy(
						(error) -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
			response.path(document.startsWith("measure") ? "measures" : "visits").valueIsNull();
		}
	}

	@Test
	void departmentsReadVisitsButNotTheirNotes() {
		HttpGraphQlTester officer = this.clients.hrssOfficer();
		GraphQlTester.Response response = officer
			.document("{ visits(first: 1) { edges { node { id cadre visitedOn notes } } } }")
			.execute();
		response.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getPath()).isEqualTo("visits.edges[0].node.notes");
			assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
		}));
		response.path("visits.edges[0].node.cadre").hasValue();
		response.path("visits.edges[0].node.notes").valueIsNull();
	}

	@Test
	void aPageOfHouseholdsWithMeasuresAndVisitsCostsTheSameStatementsFor10And100() {
		long for10 = householdStatements(10);
		long for100 = householdStatements(100);
		assertThat(for100).isEqualTo(for10);
		// the page, then one batch each: measures, visits, and the households of each
		assertThat(for10).isLessThanOrEqualTo(5);
	}

	@Test
	void aPageOfMeasuresOrVisitsWithTheirHouseholdsCostsTheSameStatementsFor10And100() {
		for (String list : List.of("measures", "visits")) {
			long for10 = listStatements(list, 10);
			long for100 = listStatements(list, 100);
			assertThat(for100).as(list).isEqualTo(for10);
			// the page, its count and one batch of households
			assertThat(for10).as(list).isLessThanOrEqualTo(3);
		}
	}

	@Test
	void theDemoDataHasAboutTwoMeasuresPerHouseholdMostForMonitoredOnes() {
		Map<String, Object> shares = this.jdbc.queryForMap("SELECT COUNT(*) AS households,"
				+ " SUM(n) AS measures, MIN(CASE WHEN category = 'MONITORED' THEN n END) AS fewest_monitored,"
				+ " AVG(CASE WHEN category = 'MONITORED' THEN n END) AS per_monitored,"
				+ " AVG(CASE WHEN category = 'ALLEVIATED' THEN n END) AS per_alleviated FROM (SELECT h.category,"
				+ " (SELECT COUNT(*) FROM assistance_measure m WHERE m.household_id = h.id) AS n FROM household h"
				+ " WHERE h.code NOT LIKE 'T%') counted");
		double perHousehold = ((Number) shares.get("measures")).doubleValue()
				/ ((Number) shares.get("households")).doubleValue();
		assertThat(perHousehold).isBetween(1.7, 2.3);
		assertThat(((Number) shares.get("per_monitored")).doubleValue())
			.isGreaterThan(2 * ((Number) shares.get("per_alleviated")).doubleValue());
	}

	@Test
	void inTheDemoDataOnlyAFewMonitoredHouseholdsAtRiskHaveNoOpenMeasure() {
		Map<String, Object> counts = this.jdbc.queryForMap("SELECT COUNT(*) AS at_risk, SUM(NOT EXISTS (SELECT 1"
				+ " FROM assistance_measure m WHERE m.household_id = h.id AND m.status IN ('PLANNED', 'IN_PROGRESS')))"
				+ " AS without_open, SUM(NOT EXISTS (SELECT 1 FROM assistance_measure m WHERE m.household_id = h.id"
				+ " AND m.status = 'IN_PROGRESS')) AS without_in_progress FROM household h WHERE h.code NOT LIKE 'T%'"
				+ " AND h.category = 'MONITORED' AND h.risk_status = 'NOT_ELIMINATED'");
		long atRisk = ((Number) counts.get("at_risk")).longValue();
		long withoutOpen = ((Number) counts.get("without_open")).longValue();
		assertThat(withoutOpen).isPositive().isLessThan(atRisk / 10);
		// the same households whether "active" means open or under way
		assertThat(((Number) counts.get("without_in_progress")).longValue()).isEqualTo(withoutOpen);
	}

	@Test
	void demoVisitsFallOnTuesdaysOf2023AndEveryMonitoredHouseholdHasSeveral() {
		List<LocalDate> days = this.jdbc.queryForList("SELECT DISTINCT v.visited_on FROM household_visit v"
				+ " JOIN household h ON h.id = v.household_id WHERE h.code NOT LIKE 'T%'", LocalDate.class);
		assertThat(days).isNotEmpty()
			.allSatisfy((day) -> assertThat(day.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY))
			.allSatisfy((day) -> assertThat(day.getYear()).isEqualTo(2023));
		Long fewest = this.jdbc.queryForObject("SELECT MIN((SELECT COUNT(*) FROM household_visit v"
				+ " WHERE v.household_id = h.id)) FROM household h WHERE h.code NOT LIKE 'T%'"
				+ " AND h.category = 'MONITORED'", Long.class);
		assertThat(fewest).isGreaterThanOrEqualTo(4);
	}

	private long householdStatements(int first) {
		long before = this.statements.count();
		GraphQlTester.Response response = this.admin.documentName("householdsWithMeasuresAndVisits")
			.variable("filter", Map.of("townCode", Fixtures.TOWN))
			.variable("first", first)
			.execute();
		long used = this.statements.count() - before;
		response.path("households.edges[*].node.measures[*].household.id")
			.entityList(Long.class)
			.hasSizeGreaterThan(first);
		response.path("households.edges[*].node.visits[*].household.id").entityList(Long.class).hasSizeGreaterThan(0);
		return used;
	}

	private long listStatements(String list, int first) {
		long before = this.statements.count();
		GraphQlTester.Response response = this.admin.documentName(list).variable("first", first).execute();
		long used = this.statements.count() - before;
		response.path(list + ".edges[*].node.household.id").entityList(Long.class).hasSize(first);
		return used;
	}

	private List<Long> walk(String document, String list, Map<String, Object> filter) {
		List<Long> visited = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			GraphQlTester.Response page = this.admin.documentName(document)
				.variable("filter", filter)
				.variable("first", 17)
				.variable("after", after)
				.execute();
			visited.addAll(page.path(list + ".edges[*].node.id").entityList(Long.class).get());
			hasNext = page.path(list + ".pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path(list + ".pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(visited).doesNotHaveDuplicates();
		return visited;
	}

}
