package cn.county.platform.loan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import cn.county.platform.support.Fixtures;
import cn.county.platform.support.Refusals;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Households to lend to, loan inputs, and the check that a refused write names its field
 * and writes nothing.
 */
final class LoanFixtures {

	static final String[] TABLES = { "loan", "loan_event", "household", "member", "audit_log" };

	private static final AtomicInteger contracts = new AtomicInteger((int) (System.nanoTime() % 100_000));

	private LoanFixtures() {
	}

	/** The county's today, as the API computes it. */
	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	static String contract() {
		return "T" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-" + contracts.incrementAndGet();
	}

	/**
	 * A new household of the first demo village, with Zhang Wei (born 1968) as head:
	 * {household id, head id}.
	 */
	static long[] household(HttpGraphQlTester admin) {
		Fixtures.Household created = Fixtures.createHousehold(admin);
		return new long[] { created.id(), created.headId() };
	}

	/**
	 * 30,000 yuan for 24 months to the head, issued 400 days ago: matures about a year
	 * from now.
	 */
	static Map<String, Object> issueInput(long[] household) {
		Map<String, Object> input = new HashMap<>();
		input.put("householdId", household[0]);
		input.put("borrowerId", household[1]);
		input.put("bank", "县农村商业银行");
		input.put("contractNumber", contract());
		input.put("amount", 30000);
		input.put("issuedOn", today().minusDays(400).toString());
		input.put("termMonths", 24);
		input.put("interestSubsidy", 2610.00);
		input.put("purpose", "养牛");
		return input;
	}

	static long issue(HttpGraphQlTester tester, Map<String, Object> input) {
		return Fixtures.create(tester, "issueLoan", "loanFields", input, "issueLoan.loan.id");
	}

	/**
	 * Refused, naming the field and classification, with no table of the feature (nor its
	 * parents) changed.
	 */
	static void assertRefused(JdbcTemplate jdbc, Supplier<GraphQlTester.Response> request, String field,
			String classification) {
		Refusals.assertRefused(jdbc, request, field, classification, TABLES);
	}

	/**
	 * The stored balance equals what the ledger adds up to, and the last event's balance,
	 * for every loan.
	 */
	static void assertLedgersAgree(JdbcTemplate jdbc) {
		Long disagreeing = jdbc.queryForObject(
				"""
						SELECT COUNT(*) FROM loan l
						WHERE l.balance < 0
						   OR l.balance <> (SELECT COALESCE(SUM(CASE e.kind WHEN 'ISSUE' THEN e.amount WHEN 'TOP_UP' THEN e.amount
						        WHEN 'REPAYMENT' THEN -e.amount WHEN 'RENEWAL' THEN -e.amount ELSE 0 END), 0)
						      FROM loan_event e WHERE e.loan_id = l.id)
						   OR l.balance <> l.amount_issued
						        + (SELECT COALESCE(SUM(e.amount), 0) FROM loan_event e WHERE e.loan_id = l.id AND e.kind = 'TOP_UP')
						        - (SELECT COALESCE(SUM(e.amount), 0) FROM loan_event e WHERE e.loan_id = l.id AND e.kind IN ('REPAYMENT', 'RENEWAL'))
						   OR l.balance <> (SELECT e.balance_after FROM loan_event e WHERE e.loan_id = l.id ORDER BY e.seq DESC LIMIT 1)
						   OR l.maturity_date <> (SELECT e.maturity_after FROM loan_event e WHERE e.loan_id = l.id ORDER BY e.seq DESC LIMIT 1)
						   OR (l.balance = 0) <> (l.status IN ('REPAID', 'RENEWED'))
						""",
				Long.class);
		assertThat(disagreeing).as("loans whose stored balance disagrees with their ledger").isZero();
	}

}
