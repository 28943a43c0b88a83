package cn.county.platform.courtyard;

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

class CourtyardQueryTests extends AbstractPlatformTests {

	@Autowired
	SqlStatementCounter statements;

	@Test
	void aHouseholdShowsItsCourtyardRecordsLatestYearFirst() {
		long household = this.jdbc.queryForObject("SELECT household_id FROM courtyard_household"
				+ " GROUP BY household_id HAVING COUNT(*) = 2 ORDER BY household_id LIMIT 1", Long.class);
		this.admin.documentName("householdCourtyard")
			.fragmentName("courtyardFields")
			.variable("id", household)
			.execute()
			.path("household.courtyard[*].year")
			.entityList(Integer.class)
			.containsExactly(2023, 2022);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "{\"year\":2023,\"status\":\"APPROVED\"}|c.year = 2023 AND c.status = 'APPROVED'",
					"{\"year\":2022}|c.year = 2022", "{\"status\":\"CANDIDATE\"}|c.status = 'CANDIDATE'",
					"{\"category\":\"SPECIALTY_BREEDING\"}|c.category = 'SPECIALTY_BREEDING'",
					"{\"townCode\":\"411024101\",\"year\":2023}|h.town_code = '411024101' AND c.year = 2023" })
	void courtyardFiltersSelectWhatTheEquivalentSqlSelects(String filterJson, String condition) throws Exception {
		Map<String, Object> filter = new tools.jackson.databind.json.JsonMapper().readValue(filterJson, Map.class);
		long expected = this.jdbc.queryForObject("SELECT COUNT(*) FROM courtyard_household c JOIN household h"
				+ " ON h.id = c.household_id WHERE " + condition, Long.class);
		assertThat(expected).as("the demo data has records for " + filterJson).isPositive();
		this.admin.documentName("courtyardHouseholdCount")
			.variable("filter", filter)
			.execute()
			.path("courtyardHouseholds.totalCount")
			.entity(Long.class)
			.isEqualTo(expected);
	}

	@Test
	void aDemonstrationVillageListsItsApprovedHouseholdsWithTheirHouseholds() {
		String village = this.jdbc.queryForObject(
				"SELECT village_code FROM demonstration_village WHERE year = 2023" + " ORDER BY town_code LIMIT 1",
				String.class);
		List<Long> expected = this.jdbc.queryForList("SELECT c.id FROM courtyard_household c JOIN household h"
				+ " ON h.id = c.household_id WHERE h.village_code = ? AND c.year = 2023 AND c.status = 'APPROVED'"
				+ " ORDER BY c.id DESC", Long.class, village);
		GraphQlTester.Response response = this.admin.documentName("courtyardHouseholds")
			.variable("filter", Map.of("villageCode", village, "year", 2023, "status", "APPROVED"))
			.variable("first", 100)
			.execute();
		response.path("courtyardHouseholds.totalCount").entity(Long.class).isEqualTo((long) expected.size());
		response.path("courtyardHouseholds.edges[*].node.id").entityList(Long.class).isEqualTo(expected);
		response.path("courtyardHouseholds.edges[*].node.household.village.code")
			.entityList(String.class)
			.satisfies((codes) -> assertThat(codes).containsOnly(village));
	}

	@Test
	void walkingTheRecordsOfATownVisitsEachOnceLatestYearFirst() {
		List<Long> expected = this.jdbc.queryForList(
				"SELECT c.id FROM courtyard_household c JOIN household h"
						+ " ON h.id = c.household_id WHERE h.town_code = ? ORDER BY c.year DESC, c.id DESC",
				Long.class, Fixtures.OTHER_TOWN);
		assertThat(expected).hasSizeGreaterThan(20);
		List<Long> visited = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			GraphQlTester.Response page = this.admin.documentName("courtyardHouseholdIds")
				.variable("filter", Map.of("townCode", Fixtures.OTHER_TOWN))
				.variable("first", 7)
				.variable("after", after)
				.execute();
			visited.addAll(page.path("courtyardHouseholds.edges[*].node.id").entityList(Long.class).get());
			hasNext = page.path("courtyardHouseholds.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("courtyardHouseholds.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(visited).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
	}

	@Test
	void townOfficialListsOnlyTheirTownsRecords() {
		long inTown = this.jdbc.queryForObject("SELECT COUNT(*) FROM courtyard_household c JOIN household h"
				+ " ON h.id = c.household_id WHERE h.town_code = ?", Long.class, Fixtures.TOWN);
		HttpGraphQlTester official = this.clients.townOfficial();
		official.documentName("courtyardHouseholdCount")
			.execute()
			.path("courtyardHouseholds.totalCount")
			.entity(Long.class)
			.isEqualTo(inTown);
		official.documentName("courtyardHouseholdCount")
			.variable("filter", Map.of("townCode", Fixtures.OTHER_TOWN))
			.execute()
			.path("courtyardHouseholds.totalCount")
			.entity(Long.class)
			.isEqualTo(0L);
	}

	@Test
	void everyoneReadsTheDemonstrationVillagesButDashboardViewersNoHouseholds() {
		List<String> expected = this.jdbc.queryForList(
				"SELECT village_code FROM demonstration_village" + " WHERE year = 2023 ORDER BY town_code",
				String.class);
		assertThat(expected).isNotEmpty();
		HttpGraphQlTester viewer = this.clients.dashboardViewer();
		GraphQlTester.Response response = viewer.documentName("demonstrationVillages").variable("year", 2023).execute();
		response.errors().verify();
		response.path("demonstrationVillages[*].village.code").entityList(String.class).isEqualTo(expected);
		response.path("demonstrationVillages[*].town.code")
			.entityList(String.class)
			.isEqualTo(response.path("demonstrationVillages[*].village.town.code").entityList(String.class).get());
		viewer.documentName("demonstrationVillages")
			.variable("year", 1990)
			.execute()
			.path("demonstrationVillages")
			.entityList(Object.class)
			.hasSize(0);
		GraphQlTester.Response households = viewer.documentName("courtyardHouseholdCount").execute();
		households.errors()
			.satisfy((errors) -> assertThat(errors)
				.anySatisfy((error) -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
		households.path("courtyardHouseholds").valueIsNull();
	}

	@Test
	void nestedAndTopLevelListsCostTheSameStatementsWhateverThePageSize() {
		// a village of 50 households or more whose first five have courtyard records, so
		// both pages load some
		String village = this.jdbc.queryForObject("SELECT village_code FROM (SELECT h.village_code, h.id,"
				+ " ROW_NUMBER() OVER (PARTITION BY h.village_code ORDER BY h.code) AS position,"
				+ " COUNT(*) OVER (PARTITION BY h.village_code) AS households FROM household h) ranked"
				+ " WHERE position <= 5 AND households >= 50 AND EXISTS (SELECT 1 FROM courtyard_household c"
				+ " WHERE c.household_id = ranked.id) ORDER BY village_code LIMIT 1", String.class);
		Map<String, Object> inVillage = Map.of("villageCode", village);
		long households5 = statements("householdsWithCourtyard", inVillage, "households.edges[*].node.id", 5);
		long households50 = statements("householdsWithCourtyard", inVillage, "households.edges[*].node.id", 50);
		assertThat(households50).isEqualTo(households5);
		// the page, one batch of records and one of their households
		assertThat(households5).isLessThanOrEqualTo(3);
		String records = "courtyardHouseholds.edges[*].node.household.id";
		long records10 = statements("courtyardHouseholds", Map.of(), records, 10);
		long records100 = statements("courtyardHouseholds", Map.of(), records, 100);
		assertThat(records100).isEqualTo(records10);
		// the page, its count and one batch of households
		assertThat(records10).isLessThanOrEqualTo(3);
	}

	@Test
	void theDemoDataGivesAboutOneHouseholdInTwentyACourtyardRecordConcentratedInVillagesThatMeetTheTarget() {
		Map<String, Object> shares = this.jdbc.queryForMap("SELECT COUNT(DISTINCT c.household_id) AS with_record,"
				+ " (SELECT COUNT(*) FROM household WHERE code NOT LIKE 'T%') AS households FROM courtyard_household c"
				+ " JOIN household h ON h.id = c.household_id WHERE h.code NOT LIKE 'T%'");
		double share = ((Number) shares.get("with_record")).doubleValue()
				/ ((Number) shares.get("households")).doubleValue();
		assertThat(share).isBetween(0.03, 0.08);
		List<Long> approvedPerVillage = this.jdbc.queryForList("SELECT COUNT(*) FROM courtyard_household c"
				+ " JOIN household h ON h.id = c.household_id WHERE c.year = 2023 AND c.status = 'APPROVED'"
				+ " AND h.code NOT LIKE 'T%' GROUP BY h.village_code", Long.class);
		long meeting = approvedPerVillage.stream().filter((n) -> n >= CourtyardDemoSection.TARGET).count();
		assertThat(meeting).as("villages with 10 or more").isGreaterThan(approvedPerVillage.size() / 2);
		assertThat(meeting).as("and some with fewer").isLessThan(approvedPerVillage.size());
	}

	@Test
	void inTheDemoDataMostTownsButNotAllHaveADemonstrationVillageThatMeetsTheTarget() {
		long towns = this.jdbc.queryForObject("SELECT COUNT(*) FROM town", Long.class);
		List<Map<String, Object>> designated = this.jdbc.queryForList("SELECT d.town_code, v.town_code AS of_town,"
				+ " (SELECT COUNT(*) FROM courtyard_household c JOIN household h ON h.id = c.household_id"
				+ " WHERE h.village_code = d.village_code AND c.year = 2023 AND c.status = 'APPROVED') AS approved"
				+ " FROM demonstration_village d JOIN village v ON v.code = d.village_code WHERE d.year = 2023");
		assertThat(designated).hasSizeBetween((int) (towns + 1) / 2, (int) towns - 1);
		assertThat(designated).allSatisfy((row) -> {
			assertThat(row.get("of_town")).isEqualTo(row.get("town_code"));
			assertThat(((Number) row.get("approved")).longValue()).isGreaterThanOrEqualTo(CourtyardDemoSection.TARGET);
		});
	}

	private long statements(String document, Map<String, Object> filter, String path, int first) {
		long before = this.statements.count();
		GraphQlTester.Response response = this.admin.documentName(document)
			.variable("filter", filter)
			.variable("first", first)
			.execute();
		long used = this.statements.count() - before;
		response.path(path).entityList(Long.class).hasSize(first);
		return used;
	}

}
