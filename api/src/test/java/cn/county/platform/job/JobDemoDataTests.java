package cn.county.platform.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.county.platform.demo.DemoDataGenerator;
import cn.county.platform.demo.DemoSummary;
import cn.county.platform.support.TestServers;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo's jobs, subsidies, trainings and certificates obey the rules the API enforces
 * and tell the story of item 15: most able and willing members employed (nearly two jobs
 * a household), posts for weak labour, employment short of 100% in places, certification
 * around the 40% target and growing through 2023.
 */
@Tag("db")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobDemoDataTests {

	private static final int HOUSEHOLDS = 4_000;

	/** Members able to work (full or weak labour), by the demo's definition of labour. */
	private static final String LABOUR = "m.labour_capacity IN ('FULL', 'WEAK')";

	JdbcTemplate jdbc;

	DemoSummary summary;

	@BeforeAll
	void generate() throws SQLException {
		DataSource dataSource = freshDatabase("jobs_demo");
		this.summary = new DemoDataGenerator(dataSource, List.of(new JobDemoSection())).generate(7, HOUSEHOLDS,
				(line) -> {
				});
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Test
	void jobsFollowTheHouseholdsLabourAndTheSummaryCountsEveryRow() {
		long jobs = count("SELECT COUNT(*) FROM job");
		long willing = count("SELECT COUNT(*) FROM member m WHERE " + LABOUR + " AND m.willing_to_work");
		assertThat(jobs / (double) willing).isBetween(0.85, 1.05);
		assertThat(jobs / (double) HOUSEHOLDS).isBetween(1.5, 2.1);
		assertThat(this.summary.rows()).containsEntry("job", jobs)
			.containsEntry("job_subsidy", count("SELECT COUNT(*) FROM job_subsidy"))
			.containsEntry("training", count("SELECT COUNT(*) FROM training"))
			.containsEntry("certificate", count("SELECT COUNT(*) FROM certificate"));
		assertThat(count("SELECT COUNT(*) FROM job_subsidy")).isPositive();
	}

	@Test
	void theRowsObeyTheRulesTheApiEnforces() {
		assertThat(count("SELECT COUNT(*) FROM job a JOIN job b ON a.member_id = b.member_id AND a.id < b.id"
				+ " WHERE a.type = 'PUBLIC_WELFARE_POST' AND b.type = 'PUBLIC_WELFARE_POST'"
				+ " AND (a.end_date IS NULL OR b.start_date <= a.end_date) AND (b.end_date IS NULL OR a.start_date <= b.end_date)"))
			.as("overlapping public-welfare posts")
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM job j JOIN member m ON m.id = j.member_id"
				+ " WHERE j.start_date < DATE_ADD(m.birth_date, INTERVAL 16 YEAR)"))
			.as("jobs before 16")
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM job j JOIN member m ON m.id = j.member_id"
				+ " WHERE j.household_id <> m.household_id"))
			.as("jobs filed under another household")
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM job WHERE start_date > '2023-12-31' OR end_date > '2023-12-31'"))
			.as("dates after the day the demo describes")
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM job_subsidy s JOIN job j ON j.id = s.job_id WHERE"
				+ " (s.kind = 'CROSS_PROVINCE_TRANSPORT' AND j.type <> 'OUT_OF_PROVINCE')"
				+ " OR (s.kind = 'ONE_TIME_STARTUP' AND j.type NOT IN ('SELF_EMPLOYED', 'LOCAL_ENTERPRISE'))"
				+ " OR s.paid_on < j.start_date OR s.member_id <> j.member_id"))
			.as("subsidies for the wrong job")
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM (SELECT member_id FROM job_subsidy WHERE kind = 'ONE_TIME_STARTUP'"
				+ " GROUP BY member_id HAVING COUNT(*) > 1) twice"))
			.as("second start-up subsidies")
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM certificate c JOIN training t ON t.id = c.training_id"
				+ " WHERE t.member_id <> c.member_id OR c.issued_on < t.start_date"))
			.as("foreign trainings")
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM certificate WHERE issued_on > '2023-12-31'")).isZero();
		assertThat(count(
				"SELECT COUNT(*) FROM training WHERE completed AND (end_date IS NULL OR end_date > '2023-12-31')"))
			.isZero();
	}

	@Test
	void publicWelfarePostsGoMostlyToWeakLabour() {
		double weakInPosts = share(
				"SELECT COUNT(*) FROM job j JOIN member m ON m.id = j.member_id"
						+ " WHERE j.type = 'PUBLIC_WELFARE_POST' AND j.end_date IS NULL AND m.labour_capacity = 'WEAK'",
				"SELECT COUNT(*) FROM job WHERE type = 'PUBLIC_WELFARE_POST' AND end_date IS NULL");
		assertThat(weakInPosts).isGreaterThan(0.6);
		assertThat(count("SELECT COUNT(*) FROM job WHERE welfare_post_level = 'VILLAGE'"))
			.isGreaterThan(count("SELECT COUNT(*) FROM job WHERE welfare_post_level = 'TOWN'"))
			.isGreaterThan(count("SELECT COUNT(*) FROM job WHERE welfare_post_level = 'COUNTY'"));
	}

	@Test
	void mostAbleAndWillingMembersWorkButSomeVillagesFallWellShort() {
		String willing = "FROM member m JOIN household h ON h.id = m.household_id WHERE " + LABOUR
				+ " AND m.willing_to_work";
		double employed = share("SELECT COUNT(*) " + willing + " AND EXISTS (SELECT 1 FROM job j"
				+ " WHERE j.member_id = m.id AND j.end_date IS NULL)", "SELECT COUNT(*) " + willing);
		assertThat(employed).isBetween(0.75, 0.95);
		List<Double> villageRates = this.jdbc.queryForList("SELECT SUM(CASE WHEN EXISTS (SELECT 1 FROM job j"
				+ " WHERE j.member_id = m.id AND j.end_date IS NULL) THEN 1 ELSE 0 END) / COUNT(*) " + willing
				+ " GROUP BY h.village_code", Double.class);
		assertThat(villageRates).anySatisfy((rate) -> assertThat(rate).isLessThan(0.8));
		assertThat(villageRates.stream().filter((rate) -> rate >= 0.85).count()).isGreaterThan(villageRates.size() / 2);
		long withoutRecord = count(
				"SELECT COUNT(*) " + willing + " AND NOT EXISTS (SELECT 1 FROM job j WHERE j.member_id = m.id)");
		assertThat(withoutRecord).isPositive();
		assertThat(this.summary.faults()).containsEntry(JobDemoSection.WITHOUT_JOB, withoutRecord);
	}

	@Test
	void aboutOneLabourerInFiveTrainsAndEachTownCertifies30To45PercentGrowingThrough2023() {
		String labour = "FROM member m JOIN household h ON h.id = m.household_id WHERE " + LABOUR;
		assertThat(share("SELECT COUNT(DISTINCT t.member_id) FROM training t JOIN member m ON m.id = t.member_id"
				+ " WHERE " + LABOUR, "SELECT COUNT(*) " + labour))
			.isCloseTo(0.2, within(0.03));
		List<Map<String, Object>> towns = this.jdbc.queryForList("SELECT h.town_code, COUNT(*) AS labour,"
				+ " SUM(CASE WHEN EXISTS (SELECT 1 FROM certificate c WHERE c.member_id = m.id) THEN 1 ELSE 0 END)"
				+ " AS certified, SUM(CASE WHEN EXISTS (SELECT 1 FROM certificate c WHERE c.member_id = m.id"
				+ " AND c.issued_on <= '2023-09-30') THEN 1 ELSE 0 END) AS by_september " + labour
				+ " GROUP BY h.town_code");
		assertThat(towns).hasSizeGreaterThan(1);
		for (Map<String, Object> town : towns) {
			double labourCount = ((Number) town.get("labour")).doubleValue();
			double rate = ((Number) town.get("certified")).doubleValue() / labourCount;
			double bySeptember = ((Number) town.get("by_september")).doubleValue() / labourCount;
			assertThat(rate).as("certification rate of town " + town.get("town_code")).isBetween(0.27, 0.48);
			assertThat(bySeptember).as("rate by September in town " + town.get("town_code")).isLessThan(rate - 0.03);
		}
		assertThat(count("SELECT COUNT(*) FROM certificate WHERE training_id IS NOT NULL")).isPositive();
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private double share(String part, String whole) {
		return count(part) / (double) count(whole);
	}

	/** A database of its own inside the shared test server, migrated and empty. */
	private static DataSource freshDatabase(String name) throws SQLException {
		TestServers.Database server = TestServers.database();
		try (Connection connection = new DriverManagerDataSource(server.url(), server.username(), server.password())
			.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
		}
		String url = server.url().replaceFirst("^(jdbc:[a-z]+://[^/?]+/)[^?]*", "$1" + name);
		DataSource dataSource = new DriverManagerDataSource(url, server.username(), server.password());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

}
