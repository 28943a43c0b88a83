package cn.county.platform.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.county.platform.common.SqlStatementCounter;
import cn.county.platform.security.Caller;
import cn.county.platform.security.CallerScope;
import cn.county.platform.security.Role;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cached reads keyed by the caller's scope, and identical cold computations run once,
 * over HTTP with real tokens against the real database and Redis.
 */
class CallerScopedCacheTests extends AbstractPlatformTests {

	/**
	 * The data-quality counts' statements: members, duplicate ID numbers, loans,
	 * eliminated risks, drop-outs without a return, allowances far above the line, D
	 * houses without renovation.
	 */
	private static final int COUNT_STATEMENTS = 7;

	@Autowired
	SqlStatementCounter statements;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	DashboardRollup rollup;

	@Autowired
	DashboardCache cache;

	@Autowired
	DashboardService dashboards;

	private static Map<String, Object> counts(HttpGraphQlTester client) {
		return client.documentName("dataQualityCounts").execute().path("dataQualityCounts").entity(Map.class).get();
	}

	@Test
	void theKeyNamesRolesTownVillageDepartmentAndPartner() {
		Caller official = new Caller("s1", "a", Set.of(Role.TOWN_OFFICIAL), Fixtures.TOWN, null, null, null);
		Caller other = new Caller("s2", "b", Set.of(Role.TOWN_OFFICIAL), Fixtures.OTHER_TOWN, null, null, null);
		Caller colleague = new Caller("s3", "c", Set.of(Role.TOWN_OFFICIAL), Fixtures.TOWN, null, null, null);
		Caller viewer = new Caller("s4", "d", Set.of(Role.DASHBOARD_VIEWER), null, null, null, null);
		Caller admin = new Caller("s5", "e", Set.of(Role.COUNTY_ADMIN), null, null, null, null);
		Caller both = new Caller("s6", "f", Set.of(Role.DASHBOARD_VIEWER, Role.COUNTY_ADMIN), null, null, null, null);
		Caller hrss = new Caller("s7", "g", Set.of(Role.DEPARTMENT_OFFICER), null, null, "HRSS", null);
		Caller finance = new Caller("s8", "h", Set.of(Role.DEPARTMENT_OFFICER), null, null, "FINANCE", null);
		Caller bank = new Caller("s9", "i", Set.of(Role.PARTNER), null, null, null, "bank");
		Caller insurer = new Caller("s10", "j", Set.of(Role.PARTNER), null, null, null, "insurer");
		assertThat(CallerScope.cacheKey(official)).contains(Fixtures.TOWN)
			.contains("TOWN_OFFICIAL")
			.isNotEqualTo(CallerScope.cacheKey(other))
			.isEqualTo(CallerScope.cacheKey(colleague));
		assertThat(Set.of(CallerScope.cacheKey(viewer), CallerScope.cacheKey(admin), CallerScope.cacheKey(both),
				CallerScope.cacheKey(hrss), CallerScope.cacheKey(finance), CallerScope.cacheKey(bank),
				CallerScope.cacheKey(insurer), CallerScope.cacheKey(official)))
			.hasSize(8);
		// a separator inside a claim cannot make two scopes alike
		assertThat(CallerScope.cacheKey(new Caller("x", "x", Set.of(Role.VILLAGE_CADRE), "1;v=2", null, null, null)))
			.isNotEqualTo(CallerScope.cacheKey(new Caller("x", "x", Set.of(Role.VILLAGE_CADRE), "1", "2", null, null)));
	}

	@Test
	void aTownOfficialAndACountyAdminGetTheirOwnCountsEachCachedUnderItsScope() {
		this.rollup.invalidateAll();
		HttpGraphQlTester admin = this.admin;
		HttpGraphQlTester official = this.clients.townOfficial();
		Map<String, Object> county = counts(admin);
		Map<String, Object> town = counts(official);
		assertThat(town).isNotEqualTo(county);
		assertThat(((Number) town.get("total")).longValue()).isLessThan(((Number) county.get("total")).longValue());
		assertThat(town.get("area").toString()).contains(Fixtures.TOWN);

		long before = this.statements.count();
		assertThat(counts(admin)).isEqualTo(county);
		assertThat(this.statements.count() - before).as("SQL statements of the admin's repeated counts").isZero();
		before = this.statements.count();
		assertThat(counts(official)).isEqualTo(town);
		// the official's own town is looked up (Areas.own), the counts are not read again
		assertThat(this.statements.count() - before).as("SQL statements of the official's repeated counts")
			.isEqualTo(1);

		// each entry ends with its caller's scope: the town official's names the town and
		// the role
		Set<String> keys = this.redis.keys(DashboardCache.PREFIX + "with:*dataQualityCounts*");
		assertThat(keys).anySatisfy((key) -> assertThat(key).contains("TOWN_OFFICIAL").contains(Fixtures.TOWN))
			.anySatisfy((key) -> assertThat(key).contains("COUNTY_ADMIN"))
			.allSatisfy((key) -> assertThat(key).contains(";t=").contains(";v=").contains(";d=").contains(";p="));
	}

	@Test
	void aViewerAndAnAdminNeverShareAStatementsEntry() {
		this.rollup.invalidateAll();
		for (String user : List.of("county.admin", "dashboard.viewer")) {
			this.clients.as(user)
				.documentName("dashboardBreakdown")
				.fragmentName("allFigures")
				.variable("period", Map.of("year", 2023, "quarter", 2))
				.variable("town", Fixtures.TOWN)
				.variable("by", "VILLAGE")
				.execute()
				.errors()
				.verify();
		}
		String version = this.redis.opsForValue().get(DashboardCache.VERSION_PREFIX + FigureQuery.HOUSEHOLDS.name());
		Set<String> entries = this.redis.keys(DashboardCache.PREFIX + FigureQuery.HOUSEHOLDS.name() + ":" + version
				+ ":VILLAGE|" + Fixtures.TOWN + "|*");
		assertThat(entries).hasSize(2)
			.anySatisfy((key) -> assertThat(key).endsWith("r=COUNTY_ADMIN;t=-;v=-;d=-;p=-"))
			.anySatisfy((key) -> assertThat(key).endsWith("r=DASHBOARD_VIEWER;t=-;v=-;d=-;p=-"));
	}

	@Test
	void tenConcurrentColdCountsRunTheScanOnceAndAllGetItsAnswer() throws Exception {
		HttpGraphQlTester admin = this.admin;
		// one cold request alone: what the scan costs
		this.rollup.invalidateAll();
		long before = this.statements.count();
		Map<String, Object> expected = counts(admin);
		assertThat(this.statements.count() - before).as("SQL statements of one cold count").isEqualTo(COUNT_STATEMENTS);

		this.rollup.invalidateAll();
		long started = this.cache.flights().started();
		long joined = this.cache.flights().joined();
		before = this.statements.count();
		List<Map<String, Object>> answers = concurrently(10, () -> counts(admin));
		assertThat(this.statements.count() - before).as("SQL statements of ten concurrent cold counts")
			.isEqualTo(COUNT_STATEMENTS);
		assertThat(this.cache.flights().started() - started).as("scans started").isEqualTo(1);
		assertThat(this.cache.flights().joined() - joined).as("requests that waited for the scan").isPositive();
		assertThat(answers).hasSize(10).allSatisfy((answer) -> assertThat(answer).isEqualTo(expected));
		assertThat(((Number) expected.get("total")).longValue()).isPositive();
	}

	@Test
	void tenConcurrentColdDashboardsReadEachStatementOnce() throws Exception {
		HttpGraphQlTester admin = this.admin;
		Map<String, Object> period = Map.of("year", 2023, "month", 5);
		this.rollup.invalidateAll();
		long before = this.statements.count();
		Map<String, Object> expected = summary(admin, period);
		long alone = this.statements.count() - before;
		assertThat(alone).as("SQL statements of one cold summary").isPositive();

		this.rollup.invalidateAll();
		long joined = this.dashboards.flights().joined();
		before = this.statements.count();
		List<Map<String, Object>> answers = concurrently(10, () -> summary(admin, period));
		assertThat(this.statements.count() - before).as("SQL statements of ten concurrent cold summaries")
			.isEqualTo(alone);
		assertThat(this.dashboards.flights().joined() - joined).as("requests that waited for a reading").isPositive();
		assertThat(answers).hasSize(10).allSatisfy((answer) -> assertThat(answer).isEqualTo(expected));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> summary(HttpGraphQlTester client, Map<String, Object> period) {
		return client.documentName("dashboard")
			.fragmentName("allFigures")
			.variable("period", period)
			.execute()
			.path("dashboard.figures")
			.entity(Map.class)
			.get();
	}

	private static <T> List<T> concurrently(int requests, java.util.concurrent.Callable<T> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(requests);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return request.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(120, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
