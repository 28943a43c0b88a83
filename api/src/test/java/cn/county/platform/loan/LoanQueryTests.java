package cn.county.platform.loan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.county.platform.common.SqlStatementCounter;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.county.platform.loan.LoanFixtures.today;
import static cn.county.platform.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loans nested under households and as a filtered, paged list, over the demo data and
 * loans made here.
 */
class LoanQueryTests extends AbstractPlatformTests {

	/** Open loans past maturity with a balance, as SQL; {@code ?} is today. */
	private static final String OVERDUE = "l.status IN ('ACTIVE', 'EXTENDED') AND l.balance > 0 AND l.maturity_date < ?";

	@Autowired
	SqlStatementCounter statements;

	@Test
	void theDemoLedgersAddUpAndIncludeEveryKindOfHistory() {
		LoanFixtures.assertLedgersAgree(this.jdbc);
		List<String> kinds = this.jdbc.queryForList("SELECT DISTINCT kind FROM loan_event ORDER BY kind", String.class);
		assertThat(kinds).containsExactly("EXTENSION", "ISSUE", "RENEWAL", "REPAYMENT", "TOP_UP");
		List<String> statuses = this.jdbc.queryForList("SELECT DISTINCT status FROM loan ORDER BY status",
				String.class);
		assertThat(statuses).containsExactly("ACTIVE", "EXTENDED", "RENEWED", "REPAID");
		// demo households have numeric codes; tests register others
		long households = this.jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE code REGEXP '^[0-9]+$'",
				Long.class);
		long borrowing = this.jdbc.queryForObject("SELECT COUNT(DISTINCT l.household_id) FROM loan l JOIN household h"
				+ " ON h.id = l.household_id WHERE h.code REGEXP '^[0-9]+$'", Long.class);
		assertThat(borrowing).isBetween(households * 15 / 100, households * 25 / 100);
		// the planted fault: past the demo's day with a balance, still recorded ACTIVE
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM loan WHERE status = 'ACTIVE' AND balance > 0"
				+ " AND maturity_date < '2023-12-31'", Long.class))
			.isPositive();
	}

	@Test
	void aHouseholdShowsItsRenewedAndRenewingLoansWithTheirLedgers() {
		long loanId = this.jdbc.queryForObject("SELECT MIN(id) FROM loan WHERE renewed_from_id IS NOT NULL",
				Long.class);
		Map<String, Object> renewal = this.jdbc
			.queryForMap("SELECT household_id, renewed_from_id FROM loan WHERE id = ?", loanId);
		long oldId = ((Number) renewal.get("renewed_from_id")).longValue();
		GraphQlTester.Response response = this.admin.documentName("householdLoans")
			.fragmentName("loanFields")
			.variable("id", renewal.get("household_id"))
			.execute();
		List<Long> ids = response.path("household.loans[*].id").entityList(Long.class).get();
		assertThat(ids).contains(loanId, oldId);
		int newer = ids.indexOf(loanId);
		int older = ids.indexOf(oldId);
		assertThat(newer).as("newest first").isLessThan(older);
		response.path("household.loans[" + newer + "].renewedFrom.id").entity(Long.class).isEqualTo(oldId);
		response.path("household.loans[" + older + "].renewedBy.id").entity(Long.class).isEqualTo(loanId);
		response.path("household.loans[" + older + "].status").entity(String.class).isEqualTo("RENEWED");
		response.path("household.loans[" + older + "].balance").entity(Double.class).isEqualTo(0.0);
		long events = this.jdbc.queryForObject("SELECT COUNT(*) FROM loan_event WHERE loan_id = ?", Long.class, oldId);
		response.path("household.loans[" + older + "].events").entityList(Object.class).hasSize((int) events);
		response.path("household.loans[" + older + "].events[0].kind").entity(String.class).isEqualTo("ISSUE");
		response.path("household.loans[" + older + "].events[" + (events - 1) + "].kind")
			.entity(String.class)
			.isEqualTo("RENEWAL");
		response.path("household.loans[" + newer + "].borrower.name")
			.entity(String.class)
			.isEqualTo(this.jdbc.queryForObject(
					"SELECT m.name FROM loan l JOIN member m ON m.id = l.borrower_id WHERE l.id = ?", String.class,
					loanId));
	}

	@Test
	void aLoanRecordedActivePastMaturityReadsOverdueAndTheFilterFindsExactlyThose() {
		LocalDate today = today();
		long overdue = this.jdbc.queryForObject("SELECT COUNT(*) FROM loan l WHERE " + OVERDUE, Long.class, today);
		assertThat(overdue).isPositive();
		GraphQlTester.Response response = this.admin.documentName("loans")
			.variable("filter", Map.of("status", "OVERDUE"))
			.variable("first", 100)
			.execute();
		response.path("loans.totalCount").entity(Long.class).isEqualTo(overdue);
		response.path("loans.edges[*].node.status")
			.entityList(String.class)
			.satisfies((statuses) -> assertThat(statuses).isNotEmpty().containsOnly("OVERDUE"));
		long fault = this.jdbc.queryForObject("SELECT MIN(id) FROM loan l WHERE l.status = 'ACTIVE' AND " + OVERDUE,
				Long.class, today);
		this.admin.documentName("loan")
			.fragmentName("loanFields")
			.variable("id", fault)
			.execute()
			.path("loan.status")
			.entity(String.class)
			.isEqualTo("OVERDUE");
	}

	@ParameterizedTest
	@EnumSource(LoanStatus.class)
	void everyStatusFilterFindsWhatReadsAsThatStatus(LoanStatus status) {
		LocalDate today = today();
		String condition = switch (status) {
			case OVERDUE -> OVERDUE;
			case ACTIVE, EXTENDED -> "l.status = '" + status + "' AND NOT (" + OVERDUE + ")";
			default -> "l.status = '" + status + "' AND ? IS NOT NULL";
		};
		long expected = this.jdbc.queryForObject("SELECT COUNT(*) FROM loan l WHERE " + condition, Long.class, today);
		List<String> shown = new ArrayList<>();
		String after = null;
		long total = -1;
		do {
			GraphQlTester.Response page = this.admin.documentName("loans")
				.variable("filter", Map.of("status", status.name()))
				.variable("first", 100)
				.variable("after", after)
				.execute();
			total = page.path("loans.totalCount").entity(Long.class).get();
			shown.addAll(page.path("loans.edges[*].node.status").entityList(String.class).get());
			after = page.path("loans.pageInfo.hasNextPage").entity(Boolean.class).get()
					? page.path("loans.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		assertThat(total).isEqualTo(expected);
		assertThat(shown).hasSize((int) expected).allMatch(status.name()::equals);
	}

	@Test
	void loansMaturingWithinDaysAreOpenAndDueInThatWindow() {
		LocalDate today = today();
		Map<String, Object> input = with(LoanFixtures.issueInput(LoanFixtures.household(this.admin)), "issuedOn",
				today.plusDays(20).minusMonths(24).toString());
		long soon = LoanFixtures.issue(this.clients.financeOfficer(), input);
		for (int days : new int[] { 30, 60, 90 }) {
			long expected = this.jdbc.queryForObject("SELECT COUNT(*) FROM loan WHERE status IN ('ACTIVE', 'EXTENDED')"
					+ " AND maturity_date BETWEEN ? AND ?", Long.class, today, today.plusDays(days));
			GraphQlTester.Response response = this.admin.documentName("loans")
				.variable("filter", Map.of("maturingWithinDays", days))
				.variable("first", 100)
				.execute();
			response.path("loans.totalCount").entity(Long.class).isEqualTo(expected);
			response.path("loans.edges[*].node.id").entityList(Long.class).contains(soon);
			response.path("loans.edges[*].node.maturityDate")
				.entityList(String.class)
				.satisfies((dates) -> dates
					.forEach((date) -> assertThat(LocalDate.parse(date)).isBetween(today, today.plusDays(days))));
		}
		this.admin.documentName("loans")
			.variable("filter", Map.of("maturingWithinDays", 10))
			.execute()
			.path("loans.edges[*].node.id")
			.entityList(Long.class)
			.doesNotContain(soon);
		this.admin.documentName("loans")
			.variable("filter", Map.of("maturingWithinDays", 400))
			.execute()
			.errors()
			.satisfy(
					(errors) -> assertThat(errors).singleElement()
						.satisfies((error) -> assertThat(error.getExtensions())
							.containsEntry("field", "filter.maturingWithinDays")
							.containsEntry("classification", "BAD_REQUEST")));
	}

	@Test
	void townVillageAndBankFiltersMatchTheDatabase() {
		long inTown = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM loan l JOIN household h ON h.id = l.household_id" + " WHERE h.town_code = ?",
				Long.class, Fixtures.OTHER_TOWN);
		long inVillage = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM loan l JOIN household h ON h.id = l.household_id" + " WHERE h.village_code = ?",
				Long.class, Fixtures.VILLAGE);
		long atBank = this.jdbc.queryForObject("SELECT COUNT(*) FROM loan WHERE bank = '中国邮政储蓄银行'", Long.class);
		assertThat(inTown).isPositive();
		assertThat(count(Map.of("townCode", Fixtures.OTHER_TOWN))).isEqualTo(inTown);
		assertThat(count(Map.of("villageCode", Fixtures.VILLAGE))).isEqualTo(inVillage);
		assertThat(count(Map.of("bank", "中国邮政储蓄银行"))).isEqualTo(atBank).isPositive();
		this.admin.documentName("loans")
			.variable("filter", Map.of("townCode", Fixtures.OTHER_TOWN))
			.variable("first", 50)
			.execute()
			.path("loans.edges[*].node.household.town.code")
			.entityList(String.class)
			.satisfies((towns) -> assertThat(towns).isNotEmpty().containsOnly(Fixtures.OTHER_TOWN));
	}

	@Test
	void walkingThePagesVisitsEveryLoanOnceInMaturityOrder() {
		List<Long> expected = this.jdbc.queryForList("SELECT l.id FROM loan l JOIN household h ON h.id = l.household_id"
				+ " WHERE h.town_code = ? ORDER BY l.maturity_date, l.id", Long.class, Fixtures.OTHER_TOWN);
		List<Long> visited = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			GraphQlTester.Response page = this.admin.documentName("loans")
				.variable("filter", Map.of("townCode", Fixtures.OTHER_TOWN))
				.variable("first", 37)
				.variable("after", after)
				.execute();
			visited.addAll(page.path("loans.edges[*].node.id").entityList(Long.class).get());
			hasNext = page.path("loans.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("loans.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(expected).hasSizeGreaterThan(37);
		assertThat(visited).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
	}

	/**
	 * {@code Household.loans} under many households: reached here through the loans list
	 * (each loan's household, then all of that household's loans), so the households of a
	 * page come from one batch whatever its size.
	 */
	@Test
	void householdsWithTheirLoansLedgersAndBorrowersCostAFixedNumberOfStatementsWhateverThePageSize() {
		// the page, its households, their loans, the borrowers (members), the loans
		// renewed, the events: at most
		// six, for three households as for fifteen (the renewed ones cost none on a page
		// without renewals); the
		// query-cost limit keeps nested lists of lists small
		assertThat(statementsFor(3)).isLessThanOrEqualTo(6);
		assertThat(statementsFor(15)).isLessThanOrEqualTo(6);
	}

	private long statementsFor(int first) {
		long before = this.statements.count();
		this.admin.documentName("householdsWithLoans")
			.variable("first", first)
			.execute()
			.path("loans.edges[*].node.household.loans[*].events[*].kind")
			.entityList(String.class)
			.hasSizeGreaterThan(first - 1);
		return this.statements.count() - before;
	}

	@Test
	void aListOfLoansWithHouseholdsBorrowersAndLedgersCostsTheSameStatementsFor10And60() {
		long before = this.statements.count();
		this.admin.documentName("loansWithLedgers").variable("first", 10).execute().errors().verify();
		long for10 = this.statements.count() - before;
		before = this.statements.count();
		this.admin.documentName("loansWithLedgers").variable("first", 60).execute().errors().verify();
		assertThat(this.statements.count() - before).isEqualTo(for10);
		// the page, its households, their members (for borrowers), the events
		assertThat(for10).isEqualTo(4);
	}

	@Test
	void townOfficialsAndCadresSeeOnlyLoansOfTheirTownOrVillage() {
		long inTown = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM loan l JOIN household h ON h.id = l.household_id" + " WHERE h.town_code = ?",
				Long.class, Fixtures.TOWN);
		long inVillage = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM loan l JOIN household h ON h.id = l.household_id" + " WHERE h.village_code = ?",
				Long.class, Fixtures.VILLAGE);
		HttpGraphQlTester official = this.clients.townOfficial();
		official.documentName("loans").execute().path("loans.totalCount").entity(Long.class).isEqualTo(inTown);
		official.documentName("loans")
			.variable("filter", Map.of("townCode", Fixtures.OTHER_TOWN))
			.execute()
			.path("loans.totalCount")
			.entity(Long.class)
			.isEqualTo(0L);
		this.clients.villageCadre()
			.documentName("loans")
			.execute()
			.path("loans.totalCount")
			.entity(Long.class)
			.isEqualTo(inVillage);
		long elsewhere = this.jdbc.queryForObject(
				"SELECT MIN(l.id) FROM loan l JOIN household h ON h.id = l.household_id" + " WHERE h.town_code = ?",
				Long.class, Fixtures.OTHER_TOWN);
		official.documentName("loan")
			.fragmentName("loanFields")
			.variable("id", elsewhere)
			.execute()
			.path("loan")
			.valueIsNull();
	}

	@Test
	void dashboardViewersReadNoLoans() {
		this.clients.dashboardViewer()
			.documentName("loans")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors)
				.anySatisfy((error) -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")))
			.path("loans")
			.valueIsNull();
	}

	private long count(Map<String, Object> filter) {
		return this.admin.documentName("loans")
			.variable("filter", filter)
			.execute()
			.path("loans.totalCount")
			.entity(Long.class)
			.get();
	}

}
