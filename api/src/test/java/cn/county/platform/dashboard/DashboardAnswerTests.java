package cn.county.platform.dashboard;

import java.util.Map;

import cn.county.platform.common.SqlStatementCounter;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole dashboard answers in the real Redis ({@link DashboardAnswers}): a repeated query
 * is answered without executing, and callers who may see different things never share an
 * answer.
 */
class DashboardAnswerTests extends AbstractPlatformTests {

	@Autowired
	SqlStatementCounter statements;

	@Autowired
	MeterRegistry meters;

	@Autowired
	DashboardCache cache;

	@BeforeEach
	void setUp() {
		this.cache.invalidateAll(); // no answer of an earlier test
	}

	private double answers(String result) {
		return this.meters.get("platform.dashboard.answers").tag("result", result).counter().count();
	}

	private long households(HttpGraphQlTester tester) {
		return tester.documentName("dashboardHouseholdTotal")
			.variable("period", Map.of("year", 2023))
			.execute()
			.path("dashboard.figures.households.total.count")
			.entity(Long.class)
			.get();
	}

	@Test
	void aRepeatedDashboardQueryIsAnsweredWholeWithoutExecuting() {
		HttpGraphQlTester admin = this.admin;
		double hits = answers("hit");
		double misses = answers("miss");
		Map<String, Object> first = DashboardOracle.yearFigures(admin, null);
		assertThat(answers("miss")).isEqualTo(misses + 1);
		long before = this.statements.count();
		Map<String, Object> second = DashboardOracle.yearFigures(admin, null);
		assertThat(answers("hit")).as("answered from Redis").isEqualTo(hits + 1);
		assertThat(this.statements.count()).isEqualTo(before);
		assertThat(second).isEqualTo(first);
		// the same document for a town is another answer
		Map<String, Object> town = DashboardOracle.yearFigures(admin, Fixtures.TOWN);
		assertThat(town).isNotEqualTo(first);
		assertThat(answers("hit")).isEqualTo(hits + 1);
	}

	@Test
	void callersOfAnotherAreaOrRoleNeverGetTheAnswerCachedForSomeoneElse() {
		long county = households(this.admin);
		households(this.admin); // cached now
		// the same document and variables: the town official's dashboard is his own
		// town's
		long town = households(this.clients.townOfficial());
		assertThat(town).isEqualTo(this.jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE town_code = ?",
				Long.class, Fixtures.TOWN));
		assertThat(county).isEqualTo(this.jdbc.queryForObject("SELECT COUNT(*) FROM household", Long.class));
		assertThat(town).isLessThan(county);
	}

	@Test
	void aRefusalIsNeverStoredAndIsDecidedAgainEachTime() {
		HttpGraphQlTester official = this.clients.townOfficial();
		double hits = answers("hit");
		for (int i = 0; i < 2; i++) {
			official.documentName("dashboardHouseholdTotal")
				.variable("period", Map.of("year", 2023))
				.variable("town", Fixtures.OTHER_TOWN)
				.execute()
				.errors()
				.expect((error) -> "FORBIDDEN".equals(error.getExtensions().get("classification")))
				.verify();
		}
		assertThat(answers("hit")).isEqualTo(hits);
	}

	@Test
	void onlyAQueryOfTheDashboardAloneIsAnsweredWhole() {
		DashboardAnswers answers = new DashboardAnswers(this.cache, null, null, this.meters, true,
				java.time.Duration.ofMinutes(1));
		// what decides that a request may be answered whole: a query of the dashboard
		// alone
		assertThat(answers.dashboardOnly("query { dashboard { area { code } } }", null)).isTrue();
		assertThat(answers.dashboardOnly("query q { __typename dashboard { area { code } } }", "q")).isTrue();
		assertThat(answers.dashboardOnly("query { dashboard { area { code } } households(first: 1) { totalCount } }",
				null))
			.isFalse();
		assertThat(answers.dashboardOnly("mutation { dashboard }", null)).isFalse();
		assertThat(answers.dashboardOnly("query { dashboard @include(if: $x) { area { code } } }", null)).isFalse();
		assertThat(answers.dashboardOnly("", null)).isFalse();
		assertThat(answers.dashboardOnly("query {", null)).isFalse();
	}

}
