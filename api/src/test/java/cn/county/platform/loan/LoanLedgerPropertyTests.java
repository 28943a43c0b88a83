package cn.county.platform.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.ResidentIdNumber;
import cn.county.platform.common.Violation;
import cn.county.platform.security.Caller;
import cn.county.platform.security.CallerAuthentication;
import cn.county.platform.security.Role;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The ledger's invariant over random histories. Seeded sequences of repayments, top-ups,
 * extensions and renewals, with invalid events mixed in, go through {@link LoanService}
 * against the real database. A small model of the rules predicts each answer; after every
 * step the stored loan must match the model, a refused event must leave the loan and its
 * ledger exactly as they were, and no loan's balance may differ from what its ledger adds
 * up to or be negative.
 */
class LoanLedgerPropertyTests extends AbstractPlatformTests {

	private static final long SEED = 20231231L;

	private static final int SEQUENCES = 300;

	private static final int MAX_STEPS = 12;

	private static final BigDecimal LIMIT = new BigDecimal("50000");

	private static final int MAX_TERM = 36;

	@Autowired
	LoanService loans;

	@Autowired
	IdGenerator ids;

	private final Caller finance = new Caller("ledger-test", "finance.officer", Set.of(Role.DEPARTMENT_OFFICER), null,
			null, "FINANCE", null);

	private final AtomicLong contracts = new AtomicLong();

	@BeforeEach
	void actAsFinanceOfficer() {
		Jwt jwt = Jwt.withTokenValue("ledger-test").header("alg", "RS256").subject("ledger-test").build();
		SecurityContextHolder.getContext()
			.setAuthentication(new CallerAuthentication(jwt,
					List.of(new SimpleGrantedAuthority(Role.DEPARTMENT_OFFICER.authority())), this.finance));
	}

	@AfterEach
	void forget() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void randomHistoriesKeepTheLedgerInvariantAndRefuseEveryInvalidEvent() {
		LocalDate today = LoanFixtures.today();
		int accepted = 0;
		int refused = 0;
		List<long[]> households = households(SEQUENCES);
		for (int s = 0; s < SEQUENCES; s++) {
			SplittableRandom random = new SplittableRandom(SEED + s);
			Model loan = issue(households.get(s), today, random);
			int steps = 1 + random.nextInt(MAX_STEPS);
			for (int step = 0; step < steps; step++) {
				Step next = step(loan, today, random);
				String context = "sequence " + s + " (seed " + (SEED + s) + ") step " + step + ": " + next.describe;
				try {
					Object result = next.action.run();
					assertThat(next.expectedField).as(context + " was accepted but should be refused").isNull();
					accepted++;
					BigDecimal carried = loan.balance;
					next.apply.run();
					if (result instanceof LoanService.Renewal renewal) {
						loan.assertStored(this, context);
						loan = new Model(renewal.loan().id(), next.renewal.date, carried,
								next.renewal.date.plusMonths(next.renewal.term), next.renewal.contract);
					}
				}
				catch (DomainException ex) {
					Violation violation = ex.violations().get(0);
					if (next.expectedField == null) {
						fail(context + " was refused: " + ex.getMessage());
					}
					assertThat(violation.field()).as(context).isEqualTo(next.expectedField);
					refused++;
				}
				loan.assertStored(this, context);
			}
		}
		LoanFixtures.assertLedgersAgree(this.jdbc);
		// the generator must really mix both kinds, or the property says little
		assertThat(accepted).isGreaterThan(SEQUENCES);
		assertThat(refused).isGreaterThan(SEQUENCES / 2);
	}

	private Model issue(long[] household, LocalDate today, SplittableRandom random) {
		int term = 1 + random.nextInt(MAX_TERM);
		BigDecimal amount = BigDecimal.valueOf(100L * (1 + random.nextInt(500)));
		LocalDate issued = today.minusDays(random.nextInt(0, 1100));
		String contract = contract();
		Loan loan = this.loans.issue(this.finance, new Inputs.IssueLoanInput(household[0], household[1], "县农村商业银行",
				contract, amount, issued, term, BigDecimal.ZERO, "养羊", null));
		return new Model(loan.id(), issued, amount, issued.plusMonths(term), contract);
	}

	/**
	 * The next event, valid or not, with the field the model expects a refusal to name
	 * (null: accepted).
	 */
	private Step step(Model loan, LocalDate today, SplittableRandom random) {
		Step step = new Step();
		LocalDate on = loan.lastOn.plusDays(random.nextInt(0, 60));
		int kind = random.nextInt(10);
		boolean badDate = random.nextInt(8) == 0;
		if (badDate) {
			on = random.nextBoolean() ? today.plusDays(1 + random.nextInt(30))
					: loan.lastOn.minusDays(1 + random.nextInt(30));
		}
		if (on.isAfter(today) && !badDate) {
			on = today;
		}
		LocalDate date = on;
		String dateField;
		if (kind < 4) {
			BigDecimal amount = amount(loan.balance, random);
			dateField = "input.repaidOn";
			step.describe = "repay " + amount + " on " + date;
			step.action = () -> this.loans.repay(this.finance,
					new Inputs.RecordRepaymentInput(loan.id, amount, date, null));
			step.expectedField = expected(loan, date, today, dateField, amount,
					(amount.compareTo(loan.balance) > 0) ? "input.amount" : null);
			step.apply = () -> loan.apply(LoanEventKind.REPAYMENT, date, amount, null);
		}
		else if (kind < 6) {
			BigDecimal amount = amount(LIMIT.subtract(loan.totalLent), random);
			dateField = "input.toppedUpOn";
			step.describe = "top up " + amount + " on " + date;
			step.action = () -> this.loans.topUp(this.finance, new Inputs.TopUpLoanInput(loan.id, amount, date, null));
			step.expectedField = expected(loan, date, today, dateField, amount,
					(loan.totalLent.add(amount).compareTo(LIMIT) > 0) ? "input.amount" : null);
			step.apply = () -> loan.apply(LoanEventKind.TOP_UP, date, amount, null);
		}
		else if (kind < 9) {
			LocalDate latest = loan.issued.plusMonths(MAX_TERM);
			long room = ChronoUnit.DAYS.between(loan.maturity, latest);
			LocalDate maturity = loan.maturity.plusDays(random.nextLong(-30, Math.max(room, 0) + 30));
			dateField = "input.extendedOn";
			step.describe = "extend to " + maturity + " on " + date;
			step.action = () -> this.loans.extend(this.finance,
					new Inputs.ExtendLoanInput(loan.id, maturity, date, null));
			String rule = (!maturity.isAfter(loan.maturity) || !maturity.isAfter(date) || maturity.isAfter(latest))
					? "input.newMaturityDate" : null;
			step.expectedField = expected(loan, date, today, dateField, null, rule);
			step.apply = () -> loan.apply(LoanEventKind.EXTENSION, date, null, maturity);
		}
		else {
			boolean reused = random.nextInt(4) == 0;
			String contract = reused ? loan.contract : contract();
			int term = random.nextInt(4) == 0 ? MAX_TERM + 1 : 1 + random.nextInt(MAX_TERM);
			dateField = "input.renewedOn";
			step.describe = "renew for " + term + " months on " + date + (reused ? " reusing the contract" : "");
			step.action = () -> this.loans.renew(this.finance,
					new Inputs.RenewLoanInput(loan.id, date, contract, term, null, null, null, null));
			String early = (term > MAX_TERM) ? "input.termMonths" : null;
			step.expectedField = (early != null && !date.isAfter(today)) ? early
					: expected(loan, date, today, dateField, null, reused ? "input.contractNumber" : null);
			step.apply = () -> loan.apply(LoanEventKind.RENEWAL, date, loan.balance, null);
			step.renewal = new Renewal(date, term, contract);
		}
		return step;
	}

	/**
	 * The service's order of checks: the input on its own (a future date), then the loan
	 * (closed), then the loan's history (a date before its latest event), then the rule
	 * of the event itself.
	 */
	private static String expected(Model loan, LocalDate date, LocalDate today, String dateField, BigDecimal amount,
			String rule) {
		if (amount != null && amount.signum() <= 0) {
			return "input.amount";
		}
		if (date.isAfter(today)) {
			return dateField;
		}
		if (!loan.status(today).isOpen()) {
			return "input.loanId";
		}
		if (date.isBefore(loan.lastOn)) {
			return dateField;
		}
		return rule;
	}

	/** Usually within {@code room}, sometimes over it, now and then zero. */
	private static BigDecimal amount(BigDecimal room, SplittableRandom random) {
		int pick = random.nextInt(10);
		if (pick == 0) {
			return BigDecimal.ZERO;
		}
		if (pick == 1 || room.signum() <= 0) {
			return room.max(BigDecimal.ZERO).add(new BigDecimal("0.01"));
		}
		if (pick == 2) {
			return room;
		}
		long cents = room.movePointRight(2).longValueExact();
		return BigDecimal.valueOf(1 + random.nextLong(cents), 2);
	}

	/**
	 * Households with an adult head to lend to, one per sequence, written in two
	 * statements.
	 */
	private List<long[]> households(int count) {
		List<long[]> households = new ArrayList<>();
		List<Object[]> householdRows = new ArrayList<>();
		List<Object[]> memberRows = new ArrayList<>();
		LocalDate born = LocalDate.of(1970, 1, 1);
		for (int i = 0; i < count; i++) {
			long household = this.ids.nextId();
			long member = this.ids.nextId();
			String idNumber = Fixtures.idNumber(born);
			householdRows.add(new Object[] { household, "L" + Long.toString(household, 36), Fixtures.TOWN,
					Fixtures.VILLAGE, idNumber });
			memberRows.add(new Object[] { member, household, idNumber, ResidentIdNumber.gender(idNumber), born });
			households.add(new long[] { household, member });
		}
		this.jdbc.batchUpdate("INSERT INTO household (id, code, town_code, village_code, address, head_name,"
				+ " head_id_number, category, income_per_capita, income_year)"
				+ " VALUES (?, ?, ?, ?, '测试地址', '李明', ?, 'ALLEVIATED', 8000, 2023)", householdRows);
		this.jdbc.batchUpdate("INSERT INTO member (id, household_id, name, id_number, relation, gender, birth_date,"
				+ " schooling, health, labour_capacity)"
				+ " VALUES (?, ?, '李明', ?, 'HEAD', ?, ?, 'GRADUATED', 'HEALTHY', 'FULL')", memberRows);
		return households;
	}

	private String contract() {
		return "P" + SEED + "-" + this.contracts.incrementAndGet() + "-"
				+ Long.toString(System.nanoTime() % 1_000_000, 36);
	}

	private static final class Step {

		String describe;

		ThrowingAction action;

		String expectedField;

		Runnable apply;

		Renewal renewal;

	}

	private record Renewal(LocalDate date, int term, String contract) {
	}

	@FunctionalInterface
	private interface ThrowingAction {

		Object run();

	}

	/** What the rules say the loan should be after the events accepted so far. */
	private static final class Model {

		final long id;

		final LocalDate issued;

		final String contract;

		BigDecimal balance;

		BigDecimal totalLent;

		LocalDate maturity;

		LocalDate lastOn;

		LoanStatus recorded = LoanStatus.ACTIVE;

		int events = 1;

		int version;

		Model(long id, LocalDate issued, BigDecimal amount, LocalDate maturity, String contract) {
			this.id = id;
			this.contract = contract;
			this.issued = issued;
			this.balance = amount;
			this.totalLent = amount;
			this.maturity = maturity;
			this.lastOn = issued;
		}

		LoanStatus status(LocalDate today) {
			boolean open = this.recorded == LoanStatus.ACTIVE || this.recorded == LoanStatus.EXTENDED;
			return (open && this.balance.signum() > 0 && this.maturity.isBefore(today)) ? LoanStatus.OVERDUE
					: this.recorded;
		}

		void apply(LoanEventKind kind, LocalDate on, BigDecimal amount, LocalDate newMaturity) {
			this.balance = kind.apply(this.balance, amount);
			this.lastOn = on;
			this.events++;
			this.version++;
			switch (kind) {
				case TOP_UP -> this.totalLent = this.totalLent.add(amount);
				case EXTENSION -> {
					this.maturity = newMaturity;
					this.recorded = LoanStatus.EXTENDED;
				}
				case RENEWAL -> this.recorded = LoanStatus.RENEWED;
				default -> {
				}
			}
			if (this.balance.signum() == 0 && kind == LoanEventKind.REPAYMENT) {
				this.recorded = LoanStatus.REPAID;
			}
		}

		/**
		 * One read through the service: what is stored, and the status as it reads today.
		 */
		void assertStored(LoanLedgerPropertyTests test, String context) {
			Loan read = test.loans.byId(test.finance, this.id);
			assertThat(read.balance()).as(context + ": balance")
				.isEqualByComparingTo(this.balance)
				.isGreaterThanOrEqualTo(BigDecimal.ZERO);
			assertThat(read.recordedStatus()).as(context + ": status").isEqualTo(this.recorded);
			assertThat(read.status()).as(context + ": status as read").isEqualTo(status(LoanFixtures.today()));
			assertThat(read.maturityDate()).as(context + ": maturity").isEqualTo(this.maturity);
			assertThat(read.lastSequence()).as(context + ": events").isEqualTo(this.events);
			// a refused event leaves no trace: the version moves only with an accepted
			// one
			assertThat(read.version()).as(context + ": version").isEqualTo(this.version);
			if (this.recorded != LoanStatus.RENEWED) {
				assertThat(read.balance()).as(context + ": ledger")
					.isEqualByComparingTo(read.totalLent().subtract(read.repaid()));
			}
		}

	}

}
