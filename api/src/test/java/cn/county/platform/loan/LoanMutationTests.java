package cn.county.platform.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.county.platform.loan.LoanFixtures.assertRefused;
import static cn.county.platform.loan.LoanFixtures.today;
import static cn.county.platform.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class LoanMutationTests extends AbstractPlatformTests {

	HttpGraphQlTester finance;

	@BeforeEach
	void setUp() {
		this.finance = this.clients.financeOfficer();
	}

	@Test
	void financeOfficerIssuesALoanWithItsIssueEvent() {
		Map<String, Object> input = LoanFixtures.issueInput(LoanFixtures.household(admin()));
		GraphQlTester.Response response = this.finance.documentName("issueLoan")
			.fragmentName("loanFields")
			.variable("input", input)
			.execute();
		LocalDate issued = LocalDate.parse((String) input.get("issuedOn"));
		response.path("issueLoan.loan.status").entity(String.class).isEqualTo("ACTIVE");
		response.path("issueLoan.loan.balance").entity(Double.class).isEqualTo(30000.0);
		response.path("issueLoan.loan.maturityDate").entity(String.class).isEqualTo(issued.plusMonths(24).toString());
		response.path("issueLoan.loan.borrower.name").entity(String.class).isEqualTo("张伟");
		response.path("issueLoan.loan.contractNumber")
			.entity(String.class)
			.isEqualTo((String) input.get("contractNumber"));
		response.path("issueLoan.loan.events[0].kind").entity(String.class).isEqualTo("ISSUE");
		response.path("issueLoan.loan.events[0].amount").entity(Double.class).isEqualTo(30000.0);
		response.path("issueLoan.loan.events[0].recordedBy").entity(String.class).isEqualTo("finance.officer");
		response.path("issueLoan.loan.events").entityList(Object.class).hasSize(1);
		LoanFixtures.assertLedgersAgree(this.jdbc);
	}

	@Test
	void repaymentsLowerTheBalanceAndTheLastOneRepaysTheLoan() {
		long id = LoanFixtures.issue(this.finance, LoanFixtures.issueInput(LoanFixtures.household(admin())));
		String on = today().minusDays(100).toString();
		this.finance.documentName("recordRepayment")
			.fragmentName("loanFields")
			.variable("input", Map.of("loanId", id, "amount", 12000.5, "repaidOn", on, "note", "第一期"))
			.execute()
			.path("recordRepayment.loan.balance")
			.entity(Double.class)
			.isEqualTo(17999.5);
		GraphQlTester.Response last = this.finance.documentName("recordRepayment")
			.fragmentName("loanFields")
			.variable("input", Map.of("loanId", id, "amount", 17999.5, "repaidOn", on))
			.execute();
		last.path("recordRepayment.loan.balance").entity(Double.class).isEqualTo(0.0);
		last.path("recordRepayment.loan.status").entity(String.class).isEqualTo("REPAID");
		last.path("recordRepayment.loan.repaid").entity(Double.class).isEqualTo(30000.0);
		last.path("recordRepayment.loan.events[*].kind")
			.entityList(String.class)
			.containsExactly("ISSUE", "REPAYMENT", "REPAYMENT");
		last.path("recordRepayment.loan.events[1].note").entity(String.class).isEqualTo("第一期");
		LoanFixtures.assertLedgersAgree(this.jdbc);
		assertThat(this.jdbc.queryForList("SELECT operation FROM audit_log WHERE entity_type = 'Loan' AND entity_id = ?"
				+ " AND actor = 'finance.officer' ORDER BY occurred_at, id", String.class, id))
			.containsExactly("issueLoan", "recordRepayment", "recordRepayment");
		assertThat(
				this.jdbc.queryForObject(
						"SELECT after_state FROM audit_log WHERE entity_id = ?"
								+ " AND operation = 'recordRepayment' ORDER BY occurred_at DESC, id LIMIT 1",
						String.class, id))
			.contains("\"status\":\"REPAID\"");
	}

	@Test
	void anExtensionMovesMaturityForwardAndMarksTheLoanExtended() {
		Map<String, Object> input = LoanFixtures.issueInput(LoanFixtures.household(admin()));
		LocalDate issued = LocalDate.parse((String) input.get("issuedOn"));
		long id = LoanFixtures.issue(this.finance, input);
		String newMaturity = issued.plusMonths(30).toString();
		GraphQlTester.Response response = this.finance.documentName("extendLoan")
			.fragmentName("loanFields")
			.variable("input", Map.of("loanId", id, "newMaturityDate", newMaturity, "extendedOn", today().toString()))
			.execute();
		response.path("extendLoan.loan.status").entity(String.class).isEqualTo("EXTENDED");
		response.path("extendLoan.loan.maturityDate").entity(String.class).isEqualTo(newMaturity);
		response.path("extendLoan.loan.events[1].kind").entity(String.class).isEqualTo("EXTENSION");
		response.path("extendLoan.loan.events[1].amount").valueIsNull();
		response.path("extendLoan.loan.events[1].maturityAfter").entity(String.class).isEqualTo(newMaturity);
		response.path("extendLoan.loan.balance").entity(Double.class).isEqualTo(30000.0);
	}

	@Test
	void aRenewalClosesTheOldLoanAndOpensALinkedOneCarryingTheBalance() {
		long id = LoanFixtures.issue(this.finance, LoanFixtures.issueInput(LoanFixtures.household(admin())));
		this.finance.documentName("recordRepayment")
			.fragmentName("loanFields")
			.variable("input", Map.of("loanId", id, "amount", 10000, "repaidOn", today().minusDays(30).toString()))
			.execute()
			.errors()
			.verify();
		String contract = LoanFixtures.contract();
		GraphQlTester.Response response = this.finance.documentName("renewLoan")
			.fragmentName("loanFields")
			.variable("input",
					Map.of("loanId", id, "renewedOn", today().toString(), "contractNumber", contract, "termMonths", 12,
							"note", "无还本续贷"))
			.execute();
		response.path("renewLoan.previous.status").entity(String.class).isEqualTo("RENEWED");
		response.path("renewLoan.previous.balance").entity(Double.class).isEqualTo(0.0);
		response.path("renewLoan.previous.events[2].kind").entity(String.class).isEqualTo("RENEWAL");
		response.path("renewLoan.previous.events[2].amount").entity(Double.class).isEqualTo(20000.0);
		long renewal = response.path("renewLoan.loan.id").entity(Long.class).get();
		response.path("renewLoan.previous.renewedBy.id").entity(Long.class).isEqualTo(renewal);
		response.path("renewLoan.loan.renewedFrom.id").entity(Long.class).isEqualTo(id);
		response.path("renewLoan.loan.renewedFrom.status").entity(String.class).isEqualTo("RENEWED");
		response.path("renewLoan.loan.status").entity(String.class).isEqualTo("ACTIVE");
		response.path("renewLoan.loan.amountIssued").entity(Double.class).isEqualTo(20000.0);
		response.path("renewLoan.loan.balance").entity(Double.class).isEqualTo(20000.0);
		response.path("renewLoan.loan.bank").entity(String.class).isEqualTo("县农村商业银行");
		response.path("renewLoan.loan.purpose").entity(String.class).isEqualTo("养牛");
		response.path("renewLoan.loan.contractNumber").entity(String.class).isEqualTo(contract);
		response.path("renewLoan.loan.maturityDate").entity(String.class).isEqualTo(today().plusMonths(12).toString());
		LoanFixtures.assertLedgersAgree(this.jdbc);
	}

	@Test
	void aTopUpRaisesTheBalanceWithinTheLimit() {
		long id = LoanFixtures.issue(this.finance, LoanFixtures.issueInput(LoanFixtures.household(admin())));
		GraphQlTester.Response response = this.finance.documentName("topUpLoan")
			.fragmentName("loanFields")
			.variable("input", Map.of("loanId", id, "amount", 20000, "toppedUpOn", today().toString()))
			.execute();
		response.path("topUpLoan.loan.balance").entity(Double.class).isEqualTo(50000.0);
		response.path("topUpLoan.loan.toppedUp").entity(Double.class).isEqualTo(20000.0);
		response.path("topUpLoan.loan.amountIssued").entity(Double.class).isEqualTo(30000.0);
		response.path("topUpLoan.loan.events[1].kind").entity(String.class).isEqualTo("TOP_UP");
		assertRefused(this.jdbc,
				() -> this.finance.documentName("topUpLoan")
					.fragmentName("loanFields")
					.variable("input", Map.of("loanId", id, "amount", 0.01, "toppedUpOn", today().toString()))
					.execute(),
				"input.amount", "BAD_REQUEST");
	}

	static Stream<Arguments> invalidIssues() {
		return Stream.of(Arguments.of("a zero amount", "amount", 0, "input.amount"),
				Arguments.of("a negative amount", "amount", -100, "input.amount"),
				Arguments.of("more than 50,000 yuan", "amount", 50000.01, "input.amount"),
				Arguments.of("fractions of a fen", "amount", 1000.005, "input.amount"),
				Arguments.of("a term of 0 months", "termMonths", 0, "input.termMonths"),
				Arguments.of("a term over 36 months", "termMonths", 37, "input.termMonths"),
				Arguments.of("an issue date in the future", "issuedOn", today().plusDays(1).toString(),
						"input.issuedOn"),
				Arguments.of("a blank bank", "bank", " ", "input.bank"),
				Arguments.of("a malformed contract number", "contractNumber", "合同 1", "input.contractNumber"),
				Arguments.of("a negative subsidy", "interestSubsidy", -1, "input.interestSubsidy"),
				Arguments.of("a blank purpose", "purpose", "", "input.purpose"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidIssues")
	void anIssueWithBadInputIsRefusedNamingTheFieldAndNothingIsWritten(String why, String field, Object value,
			String reported) {
		Map<String, Object> input = with(LoanFixtures.issueInput(LoanFixtures.household(admin())), field, value);
		assertRefused(this.jdbc,
				() -> this.finance.documentName("issueLoan")
					.fragmentName("loanFields")
					.variable("input", input)
					.execute(),
				reported, "BAD_REQUEST");
	}

	@Test
	void aMemberOfAnotherHouseholdCannotBorrowForThisOne() {
		long[] household = LoanFixtures.household(admin());
		long stranger = LoanFixtures.household(admin())[1];
		Map<String, Object> input = with(LoanFixtures.issueInput(household), "borrowerId", stranger);
		assertRefused(this.jdbc,
				() -> this.finance.documentName("issueLoan")
					.fragmentName("loanFields")
					.variable("input", input)
					.execute(),
				"input.borrowerId", "BAD_REQUEST");
	}

	@Test
	void aChildCannotBorrow() {
		long[] household = LoanFixtures.household(admin());
		long child = admin().documentName("addMember")
			.variable("input",
					Map.of("householdId", household[0], "relation", "CHILD", "member",
							with(Fixtures.member("张小明", Fixtures.idNumber(today().minusYears(17))), "schooling",
									"HIGH_SCHOOL")))
			.execute()
			.path("addMember.member.id")
			.entity(Long.class)
			.get();
		Map<String, Object> input = with(LoanFixtures.issueInput(household), "borrowerId", child);
		assertRefused(this.jdbc,
				() -> this.finance.documentName("issueLoan")
					.fragmentName("loanFields")
					.variable("input", input)
					.execute(),
				"input.borrowerId", "BAD_REQUEST");
	}

	@Test
	void aSecondOpenLoanForTheHouseholdOrAReusedContractIsAConflict() {
		long[] household = LoanFixtures.household(admin());
		Map<String, Object> first = LoanFixtures.issueInput(household);
		LoanFixtures.issue(this.finance, first);
		assertRefused(this.jdbc,
				() -> this.finance.documentName("issueLoan")
					.fragmentName("loanFields")
					.variable("input", LoanFixtures.issueInput(household))
					.execute(),
				"input.householdId", "CONFLICT");
		Map<String, Object> reused = with(LoanFixtures.issueInput(LoanFixtures.household(admin())), "contractNumber",
				first.get("contractNumber"));
		assertRefused(this.jdbc,
				() -> this.finance.documentName("issueLoan")
					.fragmentName("loanFields")
					.variable("input", reused)
					.execute(),
				"input.contractNumber", "CONFLICT");
		// the same number at another bank is another contract
		LoanFixtures.issue(this.finance, with(reused, "bank", "中国邮政储蓄银行"));
	}

	@Test
	void anUnknownHouseholdOrLoanIsNotFound() {
		assertRefused(this.jdbc,
				() -> this.finance.documentName("issueLoan")
					.fragmentName("loanFields")
					.variable("input", LoanFixtures.issueInput(new long[] { 12345, 12346 }))
					.execute(),
				"input.householdId", "NOT_FOUND");
		assertRefused(this.jdbc,
				() -> this.finance.documentName("recordRepayment")
					.fragmentName("loanFields")
					.variable("input", Map.of("loanId", 12345, "amount", 1, "repaidOn", today().toString()))
					.execute(),
				"input.loanId", "NOT_FOUND");
	}

	@Test
	void ledgerRulesRefuseBadEventsAndWriteNothing() {
		Map<String, Object> input = LoanFixtures.issueInput(LoanFixtures.household(admin()));
		LocalDate issued = LocalDate.parse((String) input.get("issuedOn"));
		long id = LoanFixtures.issue(this.finance, input);
		String today = today().toString();
		String maturity = issued.plusMonths(24).toString();
		refused("recordRepayment", Map.of("loanId", id, "amount", 30000.01, "repaidOn", today), "input.amount",
				"BAD_REQUEST");
		refused("recordRepayment", Map.of("loanId", id, "amount", 0, "repaidOn", today), "input.amount", "BAD_REQUEST");
		refused("recordRepayment", Map.of("loanId", id, "amount", 100, "repaidOn", issued.minusDays(1).toString()),
				"input.repaidOn", "BAD_REQUEST");
		refused("recordRepayment", Map.of("loanId", id, "amount", 100, "repaidOn", today().plusDays(1).toString()),
				"input.repaidOn", "BAD_REQUEST");
		refused("topUpLoan", Map.of("loanId", id, "amount", 20000.01, "toppedUpOn", today), "input.amount",
				"BAD_REQUEST");
		refused("extendLoan", Map.of("loanId", id, "newMaturityDate", maturity, "extendedOn", today),
				"input.newMaturityDate", "BAD_REQUEST");
		refused("extendLoan", Map.of("loanId", id, "newMaturityDate", issued.plusMonths(36).plusDays(1).toString(),
				"extendedOn", today), "input.newMaturityDate", "BAD_REQUEST");
		refused("renewLoan", Map.of("loanId", id, "renewedOn", today, "contractNumber", input.get("contractNumber"),
				"termMonths", 12), "input.contractNumber", "CONFLICT");
		refused("renewLoan",
				Map.of("loanId", id, "renewedOn", today, "contractNumber", LoanFixtures.contract(), "termMonths", 40),
				"input.termMonths", "BAD_REQUEST");
		// a later event sets the earliest date of the next one
		this.finance.documentName("recordRepayment")
			.fragmentName("loanFields")
			.variable("input", Map.of("loanId", id, "amount", 100, "repaidOn", today().minusDays(10).toString()))
			.execute()
			.errors()
			.verify();
		refused("topUpLoan", Map.of("loanId", id, "amount", 100, "toppedUpOn", today().minusDays(11).toString()),
				"input.toppedUpOn", "BAD_REQUEST");
	}

	@Test
	void aClosedLoanTakesNoFurtherEvents() {
		long id = LoanFixtures.issue(this.finance, LoanFixtures.issueInput(LoanFixtures.household(admin())));
		String today = today().toString();
		this.finance.documentName("recordRepayment")
			.fragmentName("loanFields")
			.variable("input", Map.of("loanId", id, "amount", 30000, "repaidOn", today))
			.execute()
			.errors()
			.verify();
		refused("recordRepayment", Map.of("loanId", id, "amount", 1, "repaidOn", today), "input.loanId", "CONFLICT");
		refused("topUpLoan", Map.of("loanId", id, "amount", 1, "toppedUpOn", today), "input.loanId", "CONFLICT");
		refused("extendLoan",
				Map.of("loanId", id, "newMaturityDate", today().plusYears(1).toString(), "extendedOn", today),
				"input.loanId", "CONFLICT");
		refused("renewLoan",
				Map.of("loanId", id, "renewedOn", today, "contractNumber", LoanFixtures.contract(), "termMonths", 12),
				"input.loanId", "CONFLICT");
	}

	@Test
	void anOverdueLoanCanStillBeExtendedAndRepaid() {
		Map<String, Object> input = with(LoanFixtures.issueInput(LoanFixtures.household(admin())), "termMonths", 12);
		long id = LoanFixtures.issue(this.finance, input);
		this.finance.documentName("loan")
			.fragmentName("loanFields")
			.variable("id", id)
			.execute()
			.path("loan.status")
			.entity(String.class)
			.isEqualTo("OVERDUE");
		LocalDate issued = LocalDate.parse((String) input.get("issuedOn"));
		GraphQlTester.Response extended = this.finance.documentName("extendLoan")
			.fragmentName("loanFields")
			.variable("input",
					Map.of("loanId", id, "newMaturityDate", issued.plusMonths(24).toString(), "extendedOn",
							today().toString()))
			.execute();
		extended.path("extendLoan.loan.status").entity(String.class).isEqualTo("EXTENDED");
	}

	/**
	 * Twenty repayments of 2,000 yuan race for a balance of 30,000: the row lock lets
	 * exactly fifteen through, and the balance ends at 0, never below.
	 */
	@Test
	void concurrentRepaymentsNeverOverdrawTheBalance() throws Exception {
		long id = LoanFixtures.issue(this.finance, LoanFixtures.issueInput(LoanFixtures.household(admin())));
		String on = today().toString();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> repayments = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				repayments.add(() -> {
					GraphQlTester.Response response = this.finance.documentName("recordRepayment")
						.fragmentName("loanFields")
						.variable("input", Map.of("loanId", id, "amount", 2000, "repaidOn", on))
						.execute();
					List<Object> errors = new ArrayList<>();
					response.errors().satisfy(errors::addAll);
					return errors.isEmpty();
				});
			}
			long accepted = 0;
			for (Future<Boolean> result : pool.invokeAll(repayments)) {
				accepted += result.get() ? 1 : 0;
			}
			assertThat(accepted).isEqualTo(15);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.queryForMap("SELECT balance, status FROM loan WHERE id = ?", id))
			.containsEntry("status", "REPAID")
			.hasEntrySatisfying("balance", (balance) -> assertThat(((BigDecimal) balance).signum()).isZero());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM loan_event WHERE loan_id = ? AND kind = 'REPAYMENT'",
				Long.class, id))
			.isEqualTo(15);
		LoanFixtures.assertLedgersAgree(this.jdbc);
	}

	private void refused(String document, Map<String, Object> input, String field, String classification) {
		assertRefused(this.jdbc,
				() -> this.finance.documentName(document).fragmentName("loanFields").variable("input", input).execute(),
				field, classification);
	}

	/**
	 * Households are registered by the county; loans then go through the finance officer.
	 */
	private HttpGraphQlTester admin() {
		return this.admin;
	}

}
