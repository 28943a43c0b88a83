package cn.county.platform.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import cn.county.platform.common.ResidentIdNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo data set against a real MariaDB: the same seed gives the same rows, the
 * planted faults are exactly the ones the summary reports, and everything else is
 * consistent and shaped like the county's records.
 */
@Tag("db")
class DemoDataGeneratorTest {

	private static final int HOUSEHOLDS = 10_000;

	private static final String AS_OF = "'" + DemoDataGenerator.AS_OF + "'";

	private static DataSource dataSource;

	private static DemoSummary summary;

	private static final List<String> progress = new ArrayList<>();

	@BeforeAll
	static void generate() throws SQLException {
		dataSource = DemoDatabases.fresh("demo_gen_test");
		summary = new DemoDataGenerator(dataSource).generate(DemoDataGenerator.DEFAULT_SEED, HOUSEHOLDS, progress::add);
	}

	@Test
	void sameSeedGivesTheSameRowsAndAnotherSeedOtherRows() throws Exception {
		DataSource first = DemoDatabases.fresh("demo_gen_seed_a");
		DataSource second = DemoDatabases.fresh("demo_gen_seed_b");
		DataSource other = DemoDatabases.fresh("demo_gen_seed_c");
		DemoSummary firstSummary = new DemoDataGenerator(first).generate(42, 2_000, (line) -> {
		});
		DemoSummary secondSummary = new DemoDataGenerator(second).generate(42, 2_000, (line) -> {
		});
		DemoSummary otherSummary = new DemoDataGenerator(other).generate(43, 2_000, (line) -> {
		});
		assertThat(digest(second)).isEqualTo(digest(first));
		assertThat(secondSummary.rows()).isEqualTo(firstSummary.rows());
		assertThat(secondSummary.faults()).isEqualTo(firstSummary.faults());
		assertThat(digest(other)).isNotEqualTo(digest(first));
		assertThat(otherSummary.households()).isEqualTo(2_000);
		// Geography does not move with the seed: demo users are bound to these codes and
		// names.
		assertThat(rows(other, "SELECT code, name FROM town ORDER BY code"))
			.isEqualTo(rows(first, "SELECT code, name FROM town ORDER BY code"));
		// but the people do.
		assertThat(rows(other, "SELECT head_name FROM household ORDER BY code LIMIT 20"))
			.isNotEqualTo(rows(first, "SELECT head_name FROM household ORDER BY code LIMIT 20"));
	}

	@Test
	void summaryCountsWhatIsInTheTables() throws SQLException {
		assertThat(summary.households()).isEqualTo(HOUSEHOLDS).isEqualTo(count("SELECT COUNT(*) FROM household"));
		assertThat(summary.members()).isEqualTo(count("SELECT COUNT(*) FROM member"));
		assertThat(summary.towns()).isEqualTo(count("SELECT COUNT(*) FROM town"));
		assertThat(summary.villages()).isEqualTo(count("SELECT COUNT(*) FROM village"));
		assertThat(summary.rows()).containsEntry("household_risk_cause",
				count("SELECT COUNT(*) FROM household_risk_cause"));
		// about every 5%, each with a rate
		assertThat(progress.stream().filter((line) -> line.contains("%:") && line.contains("rows/s")))
			.hasSizeBetween(15, 21);
		assertThat(progress).anyMatch((line) -> line.contains("100%:"));
	}

	@Test
	void idNumbersAreValidAndAgreeWithBirthDateAndGenderExceptThePlantedFaults() throws SQLException {
		long invalid = 0;
		long birthMismatch = 0;
		long genderMismatch = 0;
		long members = 0;
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT id_number, birth_date, gender FROM member")) {
			while (result.next()) {
				members++;
				String number = result.getString(1);
				LocalDate birthDate = result.getObject(2, LocalDate.class);
				if (!ResidentIdNumber.isValid(number)) {
					invalid++;
					assertThat(ResidentIdNumber.problem(number)).contains("the check digit is wrong (GB 11643)");
				}
				else if (!ResidentIdNumber.birthDate(number).orElseThrow().equals(birthDate)) {
					birthMismatch++;
				}
				if (!ResidentIdNumber.gender(number).equals(result.getString(3))) {
					genderMismatch++;
				}
				assertThat(number).startsWith(DemoGeography.COUNTY_CODE);
			}
		}
		assertThat(members).isEqualTo(summary.members());
		assertThat(invalid).isEqualTo(summary.fault(DemoFault.WRONG_CHECK_DIGIT));
		assertThat(birthMismatch).isEqualTo(summary.fault(DemoFault.BIRTH_DATE_MISMATCH));
		assertThat(genderMismatch).isZero();
	}

	@Test
	void everyFaultKindOccursAsOftenAsTheSummarySaysAndRarely() throws SQLException {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		String weighted = IntStream.range(0, 17)
			.mapToObj((i) -> "SUBSTRING(id_number, " + (i + 1) + ", 1) * " + weights[i])
			.collect(Collectors.joining(" + "));
		Map<DemoFault, Long> counted = Map.of(DemoFault.WRONG_CHECK_DIGIT,
				count("SELECT COUNT(*) FROM member WHERE SUBSTRING('10X98765432', MOD("
						+ weighted + ", 11) + 1, 1) <> UPPER(SUBSTRING(id_number, 18, 1))"),
				DemoFault.BIRTH_DATE_MISMATCH,
				count("SELECT COUNT(*) FROM member"
						+ " WHERE birth_date <> STR_TO_DATE(SUBSTRING(id_number, 7, 8), '%Y%m%d')"),
				DemoFault.DUPLICATE_ID_ACROSS_HOUSEHOLDS,
				count("SELECT COUNT(*) FROM (SELECT id_number FROM member GROUP BY id_number"
						+ " HAVING COUNT(DISTINCT household_id) > 1) d"),
				DemoFault.SCHOOL_AGE_NOT_IN_SCHOOL,
				count("SELECT COUNT(*) FROM member WHERE TIMESTAMPDIFF(YEAR, birth_date, " + AS_OF
						+ ") BETWEEN 6 AND 15 AND schooling IN ('DROPPED_OUT', 'NOT_SCHOOL_AGE')"),
				DemoFault.RISK_ELIMINATED_UNDER_LINE,
				count("SELECT COUNT(*) FROM household WHERE risk_status = 'ELIMINATED' AND income_per_capita < 7500"));
		for (DemoFault fault : DemoFault.values()) {
			long planted = summary.fault(fault);
			assertThat(counted.get(fault)).as(fault.name()).isEqualTo(planted);
			// about 0.2-0.5% of households each
			assertThat(planted).as(fault.name()).isBetween(HOUSEHOLDS / 500L, HOUSEHOLDS / 200L);
		}
		// A duplicate is one person in two households, never two rows in one household or
		// three households.
		assertThat(count("SELECT COUNT(*) FROM (SELECT id_number FROM member GROUP BY id_number"
				+ " HAVING COUNT(*) > 2 OR COUNT(DISTINCT household_id) < COUNT(*)) d"))
			.isZero();
		// The only school-age children out of compulsory school are the planted ones.
		assertThat(count("SELECT COUNT(*) FROM member WHERE TIMESTAMPDIFF(YEAR, birth_date, " + AS_OF
				+ ") BETWEEN 6 AND 15 AND schooling <> 'COMPULSORY'"))
			.isEqualTo(summary.fault(DemoFault.SCHOOL_AGE_NOT_IN_SCHOOL));
	}

	@Test
	void theHeadIsAMemberWithTheHouseholdsHeadFields() throws SQLException {
		assertThat(count("SELECT COUNT(*) FROM member WHERE relation = 'HEAD'")).isEqualTo(HOUSEHOLDS);
		assertThat(count("SELECT COUNT(*) FROM household h JOIN member m ON m.household_id = h.id"
				+ " AND m.relation = 'HEAD' AND m.name = h.head_name AND m.id_number = h.head_id_number"))
			.isEqualTo(HOUSEHOLDS);
		assertThat(count(
				"SELECT COUNT(*) FROM member m LEFT JOIN household h ON h.id = m.household_id" + " WHERE h.id IS NULL"))
			.isZero();
	}

	@Test
	void geographyAndCodesFollowTheDivisionCodes() throws SQLException {
		assertThat(rows(dataSource, "SELECT code FROM town ORDER BY code LIMIT 1")).containsExactly("411024100");
		assertThat(rows(dataSource, "SELECT code FROM village ORDER BY code LIMIT 1")).containsExactly("411024100201");
		assertThat(count("SELECT COUNT(*) FROM town WHERE name NOT LIKE '%镇'")).isZero();
		assertThat(count(
				"SELECT COUNT(*) FROM village" + " WHERE name NOT LIKE '%村' OR code NOT LIKE CONCAT(town_code, '___')"))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM household h JOIN village v ON v.code = h.village_code"
				+ " WHERE h.town_code <> v.town_code OR h.code NOT REGEXP CONCAT('^', v.code, '[0-9]{4}$')"
				+ " OR h.address NOT REGEXP CONCAT('^', v.name, '[0-9]+组[0-9]+号$')"))
			.isZero();
		assertThat(average("SELECT AVG(n) FROM (SELECT COUNT(*) n FROM household GROUP BY village_code) v"))
			.isCloseTo(55, within(2.0));
		assertThat(count("SELECT MIN(n) FROM (SELECT COUNT(*) n FROM household GROUP BY village_code) v"))
			.isGreaterThanOrEqualTo(30);
		assertThat(count(
				"SELECT COUNT(*) FROM household" + " WHERE phone IS NOT NULL AND phone NOT REGEXP '^1[3-9][0-9]{9}$'"))
			.isZero();
	}

	@Test
	void householdsAreShapedLikeTheCountysRecords() throws SQLException {
		double monitored = share("category = 'MONITORED'", "1 = 1");
		assertThat(monitored).isBetween(0.10, 0.14);
		assertThat(count("SELECT COUNT(*) FROM household WHERE category NOT IN ('ALLEVIATED', 'MONITORED')")).isZero();
		assertThat(share("monitoring_type = 'UNSTABLE_ALLEVIATED'", "category = 'MONITORED'")).isBetween(0.34, 0.46);
		assertThat(share("monitoring_type = 'MARGINAL'", "category = 'MONITORED'")).isBetween(0.34, 0.46);
		assertThat(share("monitoring_type = 'SUDDEN_HARDSHIP'", "category = 'MONITORED'")).isBetween(0.15, 0.25);
		assertThat(share("risk_status = 'ELIMINATED'", "category = 'MONITORED'")).isBetween(0.54, 0.66);
		assertThat(count("SELECT COUNT(*) FROM household WHERE category = 'ALLEVIATED' AND (monitoring_type IS NOT NULL"
				+ " OR risk_status IS NOT NULL OR identified_via IS NOT NULL"
				+ " OR id IN (SELECT household_id FROM household_risk_cause))"))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM household WHERE category = 'MONITORED' AND (monitoring_type IS NULL"
				+ " OR identified_via NOT IN ('SELF_REPORT', 'CADRE_SCREENING', 'DEPARTMENT_WARNING')"
				+ " OR identified_on NOT BETWEEN '2022-01-01' AND '2023-12-31'"
				+ " OR (risk_status = 'ELIMINATED') <> (risk_eliminated_on BETWEEN '2023-01-01' AND '2023-12-31'"
				+ " AND risk_eliminated_on > identified_on)"
				+ " OR (risk_status = 'NOT_ELIMINATED') <> (risk_eliminated_on IS NULL))"))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM household h WHERE category = 'MONITORED' AND"
				+ " (SELECT COUNT(*) FROM household_risk_cause c WHERE c.household_id = h.id) NOT BETWEEN 1 AND 3"))
			.isZero();
		assertThat(count("SELECT COUNT(DISTINCT cause) FROM household_risk_cause")).isEqualTo(9);

		assertThat(median("category = 'ALLEVIATED'")).isBetween(10_000.0, 12_000.0);
		assertThat(median("category = 'MONITORED'")).isBetween(7_000.0, 8_800.0);
		// the screening list of item 1: not monitored, yet under the line
		assertThat(share("income_per_capita < 7500", "category = 'ALLEVIATED'")).isBetween(0.01, 0.08);
		assertThat(count("SELECT COUNT(*) FROM household WHERE income_year <> 2023 OR version <> 0")).isZero();

		assertThat(share("policy_support", "1 = 1")).isBetween(0.8, 0.97);
		assertThat(share("minimum_allowance", "1 = 1")).isBetween(0.06, 0.10);
		assertThat(share("extreme_poverty", "1 = 1")).isBetween(0.01, 0.03);
		assertThat(share("warning_source IS NOT NULL AND screened_on IS NULL", "1 = 1")).isBetween(0.005, 0.03);
		assertThat(count("SELECT COUNT(*) FROM household"
				+ " WHERE (warning_source IS NULL) <> (warning_received_on IS NULL)"
				+ " OR screened_on < warning_received_on OR (screened_on IS NOT NULL AND warning_source IS NULL)"))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM household WHERE assigned_cadre IS NULL")).isZero();

		assertThat(share("housing_grade IN ('A', 'B')", "1 = 1")).isGreaterThan(0.95);
		assertThat(share("housing_grade = 'C'", "1 = 1")).isBetween(0.02, 0.045);
		assertThat(share("housing_grade = 'D'", "1 = 1")).isBetween(0.001, 0.012);
		assertThat(share("housing_inspected_on >= '2023-10-01'", "1 = 1")).isBetween(0.9, 0.98);
		assertThat(share("water_safe", "1 = 1")).isBetween(0.95, 0.995);
		assertThat(share("water_checked_on >= '2023-11-01'", "1 = 1")).isBetween(0.9, 0.98);
		assertThat(count("SELECT COUNT(*) FROM household WHERE housing_inspected_on > " + AS_OF
				+ " OR water_checked_on > " + AS_OF))
			.isZero();
	}

	@Test
	void membersAreShapedLikeFamilies() throws SQLException {
		assertThat(average("SELECT AVG(n) FROM (SELECT COUNT(*) n FROM member GROUP BY household_id) h")).isBetween(3.3,
				3.7);
		assertThat(count("SELECT MAX(n) FROM (SELECT COUNT(*) n FROM member GROUP BY household_id) h")).isEqualTo(7);
		assertThat(count("SELECT MIN(n) FROM (SELECT COUNT(*) n FROM member GROUP BY household_id) h")).isEqualTo(1);
		assertThat(rows(dataSource, "SELECT DISTINCT relation FROM member ORDER BY relation")).containsExactly("CHILD",
				"GRANDCHILD", "HEAD", "OTHER", "PARENT", "SIBLING", "SPOUSE");
		String age = "TIMESTAMPDIFF(YEAR, birth_date, " + AS_OF + ")";
		// The birth dates that the planted fault shifted are adults' and stay adults'.
		assertThat(count("SELECT COUNT(*) FROM member WHERE " + age + " < 6 AND schooling <> 'NOT_SCHOOL_AGE'"))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM member WHERE " + age + " > 22 AND schooling <> 'GRADUATED'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM member WHERE " + age + " BETWEEN 16 AND 22"
				+ " AND schooling NOT IN ('HIGH_SCHOOL', 'VOCATIONAL', 'COLLEGE', 'DROPPED_OUT', 'GRADUATED')"))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM member WHERE " + age + " < 0 OR " + age + " > 100")).isZero();
		assertThat(count("SELECT COUNT(*) FROM member m JOIN member h ON h.household_id = m.household_id"
				+ " AND h.relation = 'HEAD'"
				+ " WHERE m.relation = 'CHILD' AND TIMESTAMPDIFF(YEAR, h.birth_date, m.birth_date) < 18"))
			.isLessThanOrEqualTo(summary.fault(DemoFault.BIRTH_DATE_MISMATCH));
		assertThat(count("SELECT COUNT(*) FROM member m JOIN member h ON h.household_id = m.household_id"
				+ " AND h.relation = 'HEAD' WHERE m.relation = 'SPOUSE' AND m.gender = h.gender"))
			.isZero();

		assertThat(count("SELECT COUNT(*) FROM member WHERE (health = 'DISABLED') <> (disability_grade IS NOT NULL)"
				+ " OR disability_grade NOT BETWEEN 1 AND 4"))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM member"
				+ " WHERE health NOT IN ('HEALTHY', 'CHRONIC', 'SERIOUS_ILLNESS', 'DISABLED')"))
			.isZero();
		assertThat(share(dataSource, "member", "health = 'HEALTHY'", "1 = 1")).isBetween(0.75, 0.92);
		assertThat(count("SELECT COUNT(*) FROM member WHERE " + age + " < 16 AND labour_capacity <> 'NONE'")).isZero();
		assertThat(count("SELECT COUNT(*) FROM member WHERE labour_capacity = 'NONE' AND willing_to_work")).isZero();
		assertThat(count("SELECT COUNT(*) FROM member WHERE health = 'SERIOUS_ILLNESS' AND labour_capacity <> 'NONE'"))
			.isZero();
		assertThat(share(dataSource, "member", "willing_to_work",
				"labour_capacity = 'FULL' AND " + age + " BETWEEN 18 AND 59"))
			.isGreaterThan(0.85);
		assertThat(share(dataSource, "member", "labour_capacity = 'FULL'",
				age + " BETWEEN 25 AND 55 AND health = 'HEALTHY'"))
			.isGreaterThan(0.9);
		// Causes have a reason in the family.
		assertThat(count("SELECT COUNT(*) FROM household_risk_cause c WHERE c.cause = 'DISABILITY' AND NOT EXISTS"
				+ " (SELECT 1 FROM member m WHERE m.household_id = c.household_id AND m.health = 'DISABLED')"))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM household_risk_cause c WHERE c.cause = 'ILLNESS' AND NOT EXISTS"
				+ " (SELECT 1 FROM member m WHERE m.household_id = c.household_id"
				+ " AND m.health IN ('CHRONIC', 'SERIOUS_ILLNESS'))"))
			.isZero();
	}

	@Test
	void refusesADatabaseThatAlreadyHasData() {
		assertThatIllegalStateException().isThrownBy(() -> new DemoDataGenerator(dataSource).generate(1, 10, (line) -> {
		})).withMessageContaining("already has rows");
	}

	@Test
	void sessionSettingsAreRestoredOnTheConnectionItUsed() throws SQLException {
		DataSource empty = DemoDatabases.fresh("demo_gen_session");
		try (Connection connection = empty.getConnection()) {
			DataSource same = new SingleConnectionDataSource(connection, true);
			new DemoDataGenerator(same).generate(5, 100, (line) -> {
			});
			// a pooled connection must come back with checks on and the real clock
			assertThat(rows(same, "SELECT CONCAT(@@SESSION.foreign_key_checks + 0, @@SESSION.unique_checks + 0,"
					+ " @@SESSION.timestamp > UNIX_TIMESTAMP('2025-01-01'))"))
				.containsExactly("111");
			assertThat(connection.getAutoCommit()).isTrue();
			assertThat(rows(same, "SELECT DISTINCT CONCAT(UNIX_TIMESTAMP(created_at), '/', UNIX_TIMESTAMP(updated_at))"
					+ " FROM member"))
				.containsExactly("1704024000.000/1704024000.000");
		}
	}

	private static String digest(DataSource dataSource) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		for (String query : List.of("SELECT * FROM town ORDER BY code", "SELECT * FROM village ORDER BY code",
				"SELECT * FROM household ORDER BY id",
				"SELECT * FROM household_risk_cause ORDER BY household_id, cause",
				"SELECT * FROM member ORDER BY id")) {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(query)) {
				ResultSetMetaData meta = result.getMetaData();
				while (result.next()) {
					for (int c = 1; c <= meta.getColumnCount(); c++) {
						digest.update(String.valueOf(result.getString(c)).getBytes(StandardCharsets.UTF_8));
						digest.update((byte) 0);
					}
				}
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static long count(String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static double average(String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getDouble(1);
		}
	}

	private static double share(String condition, String within) throws SQLException {
		return share(dataSource, "household", condition, within);
	}

	private static double share(DataSource dataSource, String table, String condition, String within)
			throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT AVG(CASE WHEN " + condition
						+ " THEN 1.0 ELSE 0.0 END) FROM " + table + " WHERE " + within)) {
			result.next();
			return result.getDouble(1);
		}
	}

	private static double median(String within) throws SQLException {
		List<BigDecimal> incomes = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT income_per_capita FROM household WHERE " + within + " ORDER BY income_per_capita")) {
			while (result.next()) {
				incomes.add(result.getBigDecimal(1));
			}
		}
		return incomes.get(incomes.size() / 2).doubleValue();
	}

	private static List<String> rows(DataSource dataSource, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

}
