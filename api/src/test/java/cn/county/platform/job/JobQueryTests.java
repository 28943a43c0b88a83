package cn.county.platform.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.county.platform.common.SqlStatementCounter;
import cn.county.platform.job.EmploymentFixtures.Person;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static cn.county.platform.job.EmploymentFixtures.job;
import static cn.county.platform.job.EmploymentFixtures.post;
import static cn.county.platform.job.EmploymentFixtures.today;
import static cn.county.platform.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class JobQueryTests extends AbstractPlatformTests {

	@Autowired
	SqlStatementCounter statements;

	EmploymentFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new EmploymentFixtures(this.admin, this.jdbc);
	}

	@Test
	void aHouseholdShowsItsMembersJobsSubsidiesTrainingsAndCertificates() {
		Person head = this.fixtures.adult();
		Person spouse = this.fixtures.member(head.householdId(), "SPOUSE", LocalDate.of(1982, 8, 8), "GRADUATED");
		long away = this.fixtures.recordJob(job(head.memberId(), "OUT_OF_PROVINCE", "2023-02-01"));
		long ended = this.fixtures
			.recordJob(with(job(head.memberId(), "LOCAL_ENTERPRISE", "2022-01-01"), "endDate", "2022-12-31"));
		long post = this.fixtures.recordJob(post(spouse.memberId(), "VILLAGE", "2023-03-01", null));
		long subsidy = this.fixtures.recordSubsidy(away, "CROSS_PROVINCE_TRANSPORT", "2023-02-15");
		long training = this.fixtures.recordTraining(spouse.memberId(), "2023-04-01", "2023-04-20", true);
		long certificate = this.fixtures.recordCertificate(spouse.memberId(), "2023-05-10", training);

		GraphQlTester.Response response = this.admin.documentName("householdEmployment")
			.fragmentName("jobFields")
			.variable("id", head.householdId())
			.execute();
		// open jobs first, newest start first, then the ended ones
		response.path("household.jobs[*].id").entityList(Long.class).containsExactly(post, away, ended);
		response.path("household.members[0].id").entity(Long.class).isEqualTo(head.memberId());
		response.path("household.members[0].jobs[*].id").entityList(Long.class).containsExactly(away, ended);
		response.path("household.members[0].jobs[0].current").entity(Boolean.class).isEqualTo(true);
		response.path("household.members[0].jobs[1].current").entity(Boolean.class).isEqualTo(false);
		response.path("household.members[0].jobs[0].subsidies[*].id").entityList(Long.class).containsExactly(subsidy);
		response.path("household.members[0].jobs[1].subsidies").entityList(Object.class).hasSize(0);
		response.path("household.members[0].subsidies[0].jobId").entity(Long.class).isEqualTo(away);
		response.path("household.members[0].trainings").entityList(Object.class).hasSize(0);
		response.path("household.members[0].certificates").entityList(Object.class).hasSize(0);
		response.path("household.members[1].jobs[0].welfarePostLevel").entity(String.class).isEqualTo("VILLAGE");
		response.path("household.members[1].trainings[0].id").entity(Long.class).isEqualTo(training);
		response.path("household.members[1].trainings[0].completed").entity(Boolean.class).isEqualTo(true);
		response.path("household.members[1].certificates[0].id").entity(Long.class).isEqualTo(certificate);
		response.path("household.members[1].certificates[0].training.id").entity(Long.class).isEqualTo(training);
		response.path("household.members[1].subsidies").entityList(Object.class).hasSize(0);
	}

	@Test
	void walkingTheJobPagesVisitsEveryJobOfATownOnceNewestFirst() {
		List<Long> expected = this.jdbc.queryForList("SELECT j.id FROM job j JOIN household h ON h.id = j.household_id"
				+ " WHERE h.town_code = ? ORDER BY j.start_date DESC, j.id DESC", Long.class, Fixtures.TOWN);
		List<Long> visited = walk("jobIds", "jobs", Map.of("townCode", Fixtures.TOWN), 97);
		assertThat(expected).hasSizeGreaterThan(500);
		assertThat(visited).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
	}

	static Stream<Arguments> jobFilters() {
		String current = "(j.end_date IS NULL OR j.end_date >= :today)";
		return Stream.of(Arguments.of(Map.of(), "1 = 1"),
				Arguments.of(Map.of("type", "PUBLIC_WELFARE_POST"), "j.type = 'PUBLIC_WELFARE_POST'"),
				Arguments.of(Map.of("townCode", Fixtures.TOWN, "welfarePostLevel", "VILLAGE"),
						"h.town_code = '" + Fixtures.TOWN + "' AND j.welfare_post_level = 'VILLAGE'"),
				Arguments.of(Map.of("villageCode", Fixtures.VILLAGE, "current", true),
						"h.village_code = '" + Fixtures.VILLAGE + "' AND " + current),
				Arguments.of(Map.of("current", false), "j.end_date < :today"),
				Arguments.of(Map.of("townCode", Fixtures.OTHER_TOWN, "type", "OUT_OF_PROVINCE", "current", true),
						"h.town_code = '" + Fixtures.OTHER_TOWN + "' AND j.type = 'OUT_OF_PROVINCE' AND " + current));
	}

	@ParameterizedTest
	@MethodSource("jobFilters")
	void theJobFiltersCountWhatTheDatabaseHolds(Map<String, Object> filter, String where) {
		long expected = this.jdbc
			.queryForObject("SELECT COUNT(*) FROM job j JOIN household h ON h.id = j.household_id WHERE "
					+ where.replace(":today", "'" + today() + "'"), Long.class);
		GraphQlTester.Response response = this.admin.documentName("jobs")
			.variable("filter", filter)
			.variable("first", 5)
			.execute();
		assertThat(expected).isPositive();
		response.path("jobs.totalCount").entity(Long.class).isEqualTo(expected);
		response.path("jobs.edges").entityList(Object.class).hasSize((int) Math.min(5, expected));
		if (filter.containsKey("current")) {
			response.path("jobs.edges[*].node.current")
				.entityList(Boolean.class)
				.satisfies((flags) -> assertThat(flags).containsOnly((Boolean) filter.get("current")));
		}
	}

	@Test
	void certificatesAreFilteredByPlaceKindAndIssueDateAndPagedNewestFirst() {
		long special = this.jdbc.queryForObject("SELECT COUNT(*) FROM certificate WHERE kind = 'SPECIAL_OPERATION'",
				Long.class);
		this.admin.documentName("certificates")
			.variable("filter", Map.of("kind", "SPECIAL_OPERATION"))
			.variable("first", 3)
			.execute()
			.path("certificates.totalCount")
			.entity(Long.class)
			.isEqualTo(special);
		List<Long> expected = this.jdbc.queryForList(
				"SELECT c.id FROM certificate c JOIN household h ON h.id = c.household_id WHERE h.town_code = ?"
						+ " AND c.issued_on BETWEEN '2023-01-01' AND '2023-09-30' ORDER BY c.issued_on DESC, c.id DESC",
				Long.class, Fixtures.TOWN);
		List<Long> visited = walk("certificates", "certificates",
				Map.of("townCode", Fixtures.TOWN, "issuedFrom", "2023-01-01", "issuedTo", "2023-09-30"), 83);
		assertThat(expected).hasSizeGreaterThan(100);
		assertThat(visited).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
		this.admin.documentName("certificates")
			.variable("filter", Map.of("issuedFrom", "2023-10-01", "issuedTo", "2023-09-30"))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("field", "filter.issuedTo")
					.containsEntry("classification", "BAD_REQUEST")));
	}

	@Test
	void aPageLargerThanTheLimitOrAForeignCursorIsRefused() {
		this.admin.documentName("jobIds")
			.variable("first", 101)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("field", "first")));
		String householdCursor = this.admin.documentName("householdIds")
			.variable("first", 1)
			.execute()
			.path("households.pageInfo.endCursor")
			.entity(String.class)
			.get();
		this.admin.documentName("jobIds")
			.variable("after", householdCursor)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("field", "after")
					.containsEntry("classification", "BAD_REQUEST")));
	}

	@Test
	void householdsWithEveryNestedListCostTheSameStatementsFor2And8Households() {
		String prefix = "JQ" + Long.toString(System.nanoTime(), 36).toUpperCase();
		for (int i = 0; i < 8; i++) {
			Person head = this.fixtures.head(Fixtures.VILLAGE, LocalDate.of(1975 + i, 1, 15), prefix + i);
			long away = this.fixtures.recordJob(job(head.memberId(), "OUT_OF_PROVINCE", "2023-02-01"));
			this.fixtures.recordSubsidy(away, "CROSS_PROVINCE_TRANSPORT", "2023-03-01");
			long training = this.fixtures.recordTraining(head.memberId(), "2023-04-01", "2023-04-20", true);
			this.fixtures.recordCertificate(head.memberId(), "2023-05-10", training);
		}
		long for2 = statementsForHouseholds(prefix, 2);
		long for8 = statementsForHouseholds(prefix, 8);
		assertThat(for8).isEqualTo(for2);
		// households, members, household jobs, member jobs, subsidies, trainings,
		// certificates, their trainings
		// and their members: one statement each
		assertThat(for2).isLessThanOrEqualTo(9);
	}

	@Test
	void aPageOfJobsWithMembersAndSubsidiesCostsTheSameStatementsFor10And50Jobs() {
		long for10 = statementsForJobs(10);
		long for50 = statementsForJobs(50);
		assertThat(for50).isEqualTo(for10);
		// the page, its count, its members and its subsidies
		assertThat(for10).isLessThanOrEqualTo(4);
	}

	private long statementsForHouseholds(String prefix, int first) {
		long before = this.statements.count();
		GraphQlTester.Response response = this.admin
			.document("query($f: HouseholdFilter, $n: Int) { households(filter: $f, first: $n) { edges { node { id"
					+ " jobs { id } members { id jobs { id } subsidies { id } trainings { id }"
					+ " certificates { id training { id } member { id } } } } } } }")
			.variable("f", Map.of("search", prefix))
			.variable("n", first)
			.execute();
		response.path("households.edges[*].node.members[*].certificates[*].training.id")
			.entityList(Long.class)
			.hasSize(first);
		return this.statements.count() - before;
	}

	private long statementsForJobs(int first) {
		long before = this.statements.count();
		this.admin.documentName("jobs")
			.variable("first", first)
			.execute()
			.path("jobs.edges[*].node.member.id")
			.entityList(Long.class)
			.hasSize(first);
		return this.statements.count() - before;
	}

	/** The ids of every page of a connection, walked with {@code endCursor}. */
	private List<Long> walk(String document, String connection, Map<String, Object> filter, int first) {
		List<Long> visited = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			GraphQlTester.Response page = this.admin.documentName(document)
				.variable("filter", filter)
				.variable("first", first)
				.variable("after", after)
				.execute();
			visited.addAll(page.path(connection + ".edges[*].node.id").entityList(Long.class).get());
			hasNext = page.path(connection + ".pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path(connection + ".pageInfo.endCursor").entity(String.class).get();
		}
		return visited;
	}

}
