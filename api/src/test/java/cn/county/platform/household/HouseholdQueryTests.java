package cn.county.platform.household;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.county.platform.common.SqlStatementCounter;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class HouseholdQueryTests extends AbstractPlatformTests {

	@Autowired
	SqlStatementCounter statements;

	@Test
	void countyAdminListsHouseholdsWithMembersAndTheTotalCount() {
		long households = this.jdbc.queryForObject("SELECT COUNT(*) FROM household", Long.class);
		GraphQlTester.Response response = this.admin.documentName("households").variable("first", 5).execute();
		response.path("households.totalCount").entity(Long.class).isEqualTo(households);
		response.path("households.edges").entityList(Object.class).hasSize(5);
		response.path("households.edges[0].node.members").entityList(Object.class).hasSizeGreaterThan(0);
		response.path("households.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		response.path("households.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
	}

	@ParameterizedTest
	@CsvSource({ "CODE,ASC,h.code ASC", "INCOME,DESC,h.income_per_capita DESC", "HEAD_NAME,ASC,h.head_name ASC",
			"UPDATED_AT,DESC,h.updated_at DESC" })
	void walkingThePagesVisitsEveryHouseholdExactlyOnceInOrder(String field, String direction, String sqlOrder) {
		List<Long> expected = this.jdbc.queryForList(
				"SELECT h.id FROM household h WHERE h.town_code = ? ORDER BY " + sqlOrder + ", h.id " + direction,
				Long.class, Fixtures.TOWN);
		List<Long> visited = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			GraphQlTester.Response page = this.admin.documentName("householdIds")
				.variable("filter", Map.of("townCode", Fixtures.TOWN))
				.variable("orderBy", Map.of("field", field, "direction", direction))
				.variable("first", 37)
				.variable("after", after)
				.execute();
			page.path("households.edges[*].node.id").entityList(Long.class).get().forEach(visited::add);
			hasNext = page.path("households.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("households.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(expected).hasSizeGreaterThan(100);
		assertThat(visited).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
	}

	@Test
	void aPageWithNestedMembersCostsTheSameStatementsFor10And100Households() {
		long for10 = statementsFor(10);
		long for100 = statementsFor(100);
		assertThat(for100).isEqualTo(for10);
		// the page, its count and one batch of members
		assertThat(for10).isLessThanOrEqualTo(3);
	}

	private long statementsFor(int first) {
		long before = this.statements.count();
		this.admin.documentName("households")
			.variable("first", first)
			.execute()
			.path("households.edges[*].node.members[*].id")
			.entityList(Long.class)
			.hasSizeGreaterThan(first);
		return this.statements.count() - before;
	}

	@Test
	void oneHouseholdByIdAndByCodeWithItsMembersHeadFirst() {
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT id, code, head_name FROM household WHERE village_code = ? ORDER BY code LIMIT 1",
				Fixtures.VILLAGE);
		long members = this.jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE household_id = ?", Long.class,
				row.get("id"));
		GraphQlTester.Response byId = this.admin.documentName("household")
			.fragmentName("householdFields")
			.variable("id", row.get("id"))
			.execute();
		byId.path("household.code").entity(String.class).isEqualTo((String) row.get("code"));
		byId.path("household.village.code").entity(String.class).isEqualTo(Fixtures.VILLAGE);
		byId.path("household.town.code").entity(String.class).isEqualTo(Fixtures.TOWN);
		byId.path("household.members").entityList(Object.class).hasSize((int) members);
		byId.path("household.members[0].relation").entity(String.class).isEqualTo("HEAD");
		byId.path("household.members[0].name").entity(String.class).isEqualTo((String) row.get("head_name"));
		this.admin.documentName("householdByCode")
			.fragmentName("householdFields")
			.variable("code", row.get("code"))
			.execute()
			.path("householdByCode.id")
			.entity(Long.class)
			.isEqualTo(((Number) row.get("id")).longValue());
	}

	@Test
	void anUnknownIdOrCodeAnswersNull() {
		this.admin.documentName("household")
			.fragmentName("householdFields")
			.variable("id", 1)
			.execute()
			.path("household")
			.valueIsNull();
		this.admin.documentName("householdByCode")
			.fragmentName("householdFields")
			.variable("code", "NO-SUCH-CODE")
			.execute()
			.path("householdByCode")
			.valueIsNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"category\":\"MONITORED\"}|category = 'MONITORED'",
			"{\"category\":\"MONITORED\",\"monitoringType\":\"MARGINAL\"}|category = 'MONITORED' AND monitoring_type = 'MARGINAL'",
			"{\"riskStatus\":\"NOT_ELIMINATED\"}|risk_status = 'NOT_ELIMINATED'",
			"{\"riskCause\":\"ILLNESS\"}|id IN (SELECT household_id FROM household_risk_cause WHERE cause = 'ILLNESS')",
			"{\"incomeMin\":6000,\"incomeMax\":7500}|income_per_capita BETWEEN 6000 AND 7500",
			"{\"identifiedSince\":\"2023-06-01\"}|identified_on >= '2023-06-01'",
			"{\"townCode\":\"411024101\",\"villageCode\":\"411024101202\"}|village_code = '411024101202'",
			"{\"search\":\"4110241002\"}|code LIKE '4110241002%'",
			"{\"search\":\"张\"}|(code LIKE '张%' OR head_name LIKE '张%')" })
	void filtersSelectWhatTheEquivalentSqlSelects(String filterJson, String sqlCondition) throws Exception {
		Map<String, Object> filter = new tools.jackson.databind.json.JsonMapper().readValue(filterJson, Map.class);
		long expected = this.jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE " + sqlCondition, Long.class);
		assertThat(expected).as("the demo data has rows for " + filterJson).isPositive();
		this.admin.documentName("householdCount")
			.variable("filter", filter)
			.execute()
			.path("households.totalCount")
			.entity(Long.class)
			.isEqualTo(expected);
	}

	@Test
	void aPageLargerThanTheMaximumIsRefusedNamingFirst() {
		this.admin.documentName("households").variable("first", 101).execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("field", "first");
		});
	}

	@Test
	void aCursorFromAnotherSortOrderIsRefusedNamingAfter() {
		String cursor = this.admin.documentName("householdIds")
			.variable("first", 2)
			.execute()
			.path("households.pageInfo.endCursor")
			.entity(String.class)
			.get();
		this.admin.documentName("householdIds")
			.variable("first", 2)
			.variable("after", cursor)
			.variable("orderBy", Map.of("field", "INCOME", "direction", "ASC"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("field", "after")
				.containsEntry("classification", "BAD_REQUEST"));
	}

	@Test
	void townsListTheirVillages() {
		long villages = this.jdbc.queryForObject("SELECT COUNT(*) FROM village", Long.class);
		Set<String> seen = new HashSet<>(this.admin.documentName("towns")
			.execute()
			.path("towns[*].villages[*].code")
			.entityList(String.class)
			.get());
		assertThat(seen).hasSize((int) villages).contains(Fixtures.VILLAGE);
	}

}
