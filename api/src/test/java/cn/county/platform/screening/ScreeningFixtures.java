package cn.county.platform.screening;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.county.platform.support.Fixtures;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two households in the first demo village, written straight into the tables as a legacy
 * import would (the API refuses most of these faults), so that every rule and both
 * screening reasons have a hit of known shape. Their codes start with T, as every test
 * fixture's do, so tests about the demo data alone leave them out.
 */
final class ScreeningFixtures {

	private static final AtomicInteger sequence = new AtomicInteger();

	private ScreeningFixtures() {
	}

	/**
	 * @param underLine alleviated, income 5,000 for 2023; its members break the check
	 * digit, birth date, school-age and job rules; its head shares an ID number with
	 * {@code eliminated}'s head
	 * @param eliminated monitored with risk eliminated at 6,000 yuan; warned after its
	 * last screening; an ACTIVE loan past maturity
	 * @param farAbove alleviated, income 30,000 for 2023, on the minimum allowance
	 * ({@code allowance}) and with a house graded D 120 days ago ({@code dInspection})
	 * and no renovation project
	 */
	record Planted(long underLine, String underLineCode, long eliminated, String eliminatedCode, long wrongCheckDigit,
			long birthDateMismatch, long outOfSchool, long sharedIdHead, long otherSharedIdHead, long loan,
			long droppedOut, long farAbove, long allowance, long dInspection) {
	}

	static Planted plant(JdbcTemplate jdbc, LocalDate today) {
		String suffix = Long.toString(System.nanoTime() % 100_000_000L) + sequence.incrementAndGet();
		long h1 = id();
		long h2 = id();
		String code1 = "TSQ" + suffix + "A";
		String code2 = "TSQ" + suffix + "B";
		String shared = Fixtures.idNumber(LocalDate.of(1980, 6, 1));
		household(jdbc, h1, code1, shared, "ALLEVIATED", null, null, "5000.00", null, null, null);
		household(jdbc, h2, code2, shared, "MONITORED", "ELIMINATED", LocalDate.of(2023, 8, 1), "6000.00",
				"CIVIL_AFFAIRS", LocalDate.of(2023, 11, 2), LocalDate.of(2023, 6, 1));
		long head1 = id();
		member(jdbc, head1, h1, "刘大", shared, "HEAD", LocalDate.of(1980, 6, 1), "GRADUATED", "FULL", true);
		String valid = Fixtures.idNumber(LocalDate.of(1985, 2, 3));
		char wrong = (valid.charAt(17) == '0') ? '1' : '0';
		long badCheck = id();
		member(jdbc, badCheck, h1, "刘二", valid.substring(0, 17) + wrong, "SPOUSE", LocalDate.of(1985, 2, 3),
				"GRADUATED", "NONE", false);
		long mismatch = id();
		member(jdbc, mismatch, h1, "刘三", Fixtures.idNumber(LocalDate.of(1990, 4, 5)), "SIBLING",
				LocalDate.of(1990, 4, 6), "GRADUATED", "NONE", false);
		long child = id();
		LocalDate tenYearsOld = today.minusYears(10).minusDays(3);
		member(jdbc, child, h1, "刘小", Fixtures.idNumber(tenYearsOld), "CHILD", tenYearsOld, "DROPPED_OUT", "NONE",
				false);
		// the child's history: in school, then dropped out two months ago, no return (the
		// finding names the drop-out); a sibling who returned and one never recorded in
		// school are no finding
		schooling(jdbc, child, h1, "ENROLLED", today.minusYears(3));
		long droppedOut = schooling(jdbc, child, h1, "DROPPED_OUT", today.minusMonths(2));
		long returned = id();
		LocalDate nineYearsOld = today.minusYears(9);
		member(jdbc, returned, h1, "刘小二", Fixtures.idNumber(nineYearsOld), "CHILD", nineYearsOld, "COMPULSORY", "NONE",
				false);
		schooling(jdbc, returned, h1, "ENROLLED", today.minusYears(2));
		schooling(jdbc, returned, h1, "DROPPED_OUT", today.minusMonths(5));
		schooling(jdbc, returned, h1, "RETURNED", today.minusMonths(1));
		schooling(jdbc, mismatch, h1, "DROPPED_OUT", LocalDate.of(2005, 9, 1));
		long head2 = id();
		member(jdbc, head2, h2, "刘大", shared, "HEAD", LocalDate.of(1980, 6, 1), "GRADUATED", "NONE", false);
		long loan = id();
		jdbc.update("INSERT INTO loan (id, household_id, borrower_id, bank, contract_number, amount_issued, issued_on,"
				+ " term_months, maturity_date, purpose, status, balance, recorded_by)"
				+ " VALUES (?, ?, ?, '县农村商业银行', ?, 30000, '2020-01-10', 24, '2022-01-10', '养羊', 'ACTIVE', 12000,"
				+ " 'fixture')", loan, h2, head2, "SQ-" + suffix);
		long h3 = id();
		String head3Id = Fixtures.idNumber(LocalDate.of(1970, 3, 3));
		household(jdbc, h3, "TSQ" + suffix + "C", head3Id, "ALLEVIATED", null, null, "30000.00", null, null, null);
		member(jdbc, id(), h3, "刘富", head3Id, "HEAD", LocalDate.of(1970, 3, 3), "GRADUATED", "NONE", false);
		long allowance = id();
		jdbc.update(
				"INSERT INTO assistance_enrolment (id, household_id, kind, start_date, monthly_amount,"
						+ " recorded_by) VALUES (?, ?, 'MINIMUM_ALLOWANCE', ?, 450, 'fixture')",
				allowance, h3, today.minusYears(1));
		long inspection = id();
		jdbc.update("INSERT INTO housing_inspection (id, household_id, inspected_on, inspector, grade, recorded_by)"
				+ " VALUES (?, ?, ?, '鉴定员', 'D', 'fixture')", inspection, h3, today.minusDays(120));
		jdbc.update("UPDATE household SET minimum_allowance = TRUE, housing_grade = 'D', housing_inspected_on = ?"
				+ " WHERE id = ?", today.minusDays(120), h3);
		return new Planted(h1, code1, h2, code2, badCheck, mismatch, child, head1, head2, loan, droppedOut, h3,
				allowance, inspection);
	}

	private static void household(JdbcTemplate jdbc, long id, String code, String headId, String category,
			String riskStatus, LocalDate eliminatedOn, String income, String warningSource, LocalDate warningOn,
			LocalDate screenedOn) {
		jdbc.update(
				"INSERT INTO household (id, code, town_code, village_code, address, head_name, head_id_number,"
						+ " phone, category, monitoring_type, risk_status, risk_eliminated_on, policy_support,"
						+ " income_per_capita, income_year, warning_source, warning_received_on, screened_on)"
						+ " VALUES (?, ?, ?, ?, '北街村5组1号', '刘大', ?, '13900001111', ?, ?, ?, ?, TRUE, ?, 2023, ?, ?, ?)",
				id, code, Fixtures.TOWN, Fixtures.VILLAGE, headId, category,
				(riskStatus != null) ? "UNSTABLE_ALLEVIATED" : null, riskStatus, eliminatedOn,
				new java.math.BigDecimal(income), warningSource, warningOn, screenedOn);
	}

	private static void member(JdbcTemplate jdbc, long id, long household, String name, String idNumber,
			String relation, LocalDate birth, String schooling, String labour, boolean willing) {
		jdbc.update("INSERT INTO member (id, household_id, name, id_number, relation, gender, birth_date, schooling,"
				+ " health, labour_capacity, willing_to_work) VALUES (?, ?, ?, ?, ?, 'MALE', ?, ?, 'HEALTHY', ?, ?)",
				id, household, name, idNumber, relation, birth, schooling, labour, willing);
	}

	private static long schooling(JdbcTemplate jdbc, long member, long household, String status, LocalDate on) {
		long id = id();
		jdbc.update(
				"INSERT INTO schooling_record (id, member_id, household_id, status, level, school, effective_on,"
						+ " recorded_by) VALUES (?, ?, ?, ?, ?, '北街小学', ?, 'fixture')",
				id, member, household, status, "DROPPED_OUT".equals(status) ? null : "COMPULSORY", on);
		return id;
	}

	private static long id() {
		return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 62);
	}

}
