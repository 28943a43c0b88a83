package cn.county.platform.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import cn.county.platform.demo.DemoChunk;
import cn.county.platform.demo.DemoContext;
import cn.county.platform.demo.DemoHousehold;
import cn.county.platform.demo.DemoMember;
import cn.county.platform.demo.DemoSection;
import cn.county.platform.demo.DemoTable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Microcredit loans for about one household in five (200k loans for a million
 * households), each written with the ledger that explains its balance, as of the demo's
 * day: some repaid, some active, some maturing within 30, 60 or 90 days, some extended,
 * some renewed (two loans, linked), some topped up, and a few past maturity with a
 * balance still recorded ACTIVE, the fault the monthly data screening (item 3) looks for.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public final class LoanDemoSection implements DemoSection {

	/**
	 * The planted fault: a loan past its maturity date with a balance, still recorded
	 * ACTIVE.
	 */
	public static final String FAULT = "LOAN_PAST_MATURITY_STILL_ACTIVE";

	static final double SHARE_OF_HOUSEHOLDS = 0.20;

	private static final String RECORDED_BY = "finance.officer";

	private static final String[] BANKS = { "县农村商业银行", "县农村商业银行", "县农村商业银行", "县农村商业银行", "中国邮政储蓄银行", "中国邮政储蓄银行",
			"中国农业银行", "中国农业银行", "县村镇银行", "中国农业银行" };

	private static final String[] PURPOSES = { "养牛", "养羊", "养猪", "养鸡", "蔬菜大棚", "种植果树", "种植中药材", "农产品加工", "开办农家小店",
			"乡村旅游" };

	private static final BigDecimal SUBSIDY_RATE = new BigDecimal("0.0435");

	private long contracts;

	private DemoTable loans;

	private DemoTable events;

	@Override
	public String name() {
		return "loans";
	}

	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		this.loans = context.table("loan", "id", "household_id", "borrower_id", "bank", "contract_number",
				"amount_issued", "issued_on", "term_months", "maturity_date", "interest_subsidy", "purpose", "status",
				"balance", "renewed_from_id", "recorded_by");
		this.events = context.table("loan_event", "id", "loan_id", "seq", "kind", "occurred_on", "amount",
				"balance_after", "maturity_after", "note", "recorded_by");
		SplittableRandom random = context.random();
		for (DemoHousehold household : chunk.households()) {
			if (random.nextDouble() >= SHARE_OF_HOUSEHOLDS) {
				continue;
			}
			DemoMember borrower = borrower(household);
			if (borrower != null) {
				write(household, borrower, random, context);
			}
		}
	}

	/**
	 * The head when of working age, else the oldest member of working age; null when
	 * there is none.
	 */
	private static DemoMember borrower(DemoHousehold household) {
		DemoMember head = household.head();
		if (head.age() >= 18 && head.age() <= 65) {
			return head;
		}
		return household.members().stream().filter((m) -> m.age() >= 18 && m.age() <= 65).findFirst().orElse(null);
	}

	private void write(DemoHousehold household, DemoMember borrower, SplittableRandom random, DemoContext context)
			throws SQLException {
		LocalDate asOf = context.asOf();
		double scenario = random.nextDouble();
		int term = new int[] { 12, 24, 36, 36 }[random.nextInt(4)];
		BigDecimal amount = BigDecimal.valueOf(1000L * (10 + 5 * random.nextInt(9)));
		if (scenario < 0.28) {
			// repaid: matured before the demo's day, paid off in one to three instalments
			LocalDate issued = asOf.minusMonths(term).minusDays(random.nextInt(15, 700));
			Ledger loan = issue(household, borrower, amount, issued, term, random, context);
			LocalDate last = min(loan.maturity, asOf);
			int instalments = 1 + random.nextInt(3);
			for (int i = 1; i < instalments; i++) {
				loan.add(LoanEventKind.REPAYMENT, between(random, loan.lastOn, last), part(loan.balance, random), null);
			}
			loan.add(LoanEventKind.REPAYMENT, between(random, loan.lastOn, last), loan.balance, null);
			loan.status = LoanStatus.REPAID;
			write(loan);
		}
		else if (scenario < 0.38) {
			// renewed (续贷) shortly before maturity; the new loan carries the balance on
			LocalDate renewedOn = asOf.minusDays(random.nextInt(0, 540));
			LocalDate oldMaturity = renewedOn.plusDays(random.nextInt(0, 20));
			Ledger old = issue(household, borrower, amount, oldMaturity.minusMonths(term), term, random, context);
			if (random.nextBoolean()) {
				old.add(LoanEventKind.REPAYMENT, between(random, old.lastOn, renewedOn), part(old.balance, random),
						null);
			}
			BigDecimal carried = old.balance;
			old.add(LoanEventKind.RENEWAL, renewedOn, carried, "续贷");
			old.status = LoanStatus.RENEWED;
			write(old);
			int newTerm = renewedOn.plusMonths(12).isAfter(asOf) ? 12 : 36;
			Ledger renewal = issue(household, borrower, carried, renewedOn, newTerm, random, context);
			renewal.renewedFrom = old.id;
			renewal.bank = old.bank;
			renewal.purpose = old.purpose;
			write(renewal);
		}
		else if (scenario < 0.48) {
			// extended (展期) around its first maturity, within 36 months of issue
			int shortTerm = (term == 36) ? 24 : term;
			LocalDate maturity = asOf.plusDays(random.nextInt(-60, 45));
			Ledger loan = issue(household, borrower, amount, maturity.minusMonths(shortTerm), shortTerm, random,
					context);
			LocalDate extendedOn = between(random, min(loan.maturity, asOf).minusDays(30), min(loan.maturity, asOf));
			extendedOn = max(extendedOn, loan.lastOn);
			LocalDate latest = loan.issued.plusMonths(36);
			LocalDate newMaturity = min(loan.maturity.plusMonths(random.nextBoolean() ? 6 : 12), latest);
			loan.maturity = newMaturity;
			loan.add(LoanEventKind.EXTENSION, extendedOn, null, "展期");
			loan.status = LoanStatus.EXTENDED;
			write(loan);
		}
		else if (scenario < 0.55) {
			// topped up (追加贷款) within the 50,000-yuan limit
			BigDecimal small = BigDecimal.valueOf(1000L * (10 + 5 * random.nextInt(5)));
			LocalDate issued = asOf.minusDays(random.nextInt(60, 300));
			Ledger loan = issue(household, borrower, small, issued, 36, random, context);
			BigDecimal room = new BigDecimal("50000").subtract(small);
			BigDecimal topUp = room.min(BigDecimal.valueOf(5000L * (1 + random.nextInt(3))));
			loan.add(LoanEventKind.TOP_UP, between(random, loan.lastOn, asOf), topUp, "追加贷款");
			write(loan);
		}
		else if (scenario < 0.58) {
			// the fault: past maturity with a balance, never marked repaid, renewed or
			// extended
			LocalDate maturity = asOf.minusDays(random.nextInt(1, 200));
			Ledger loan = issue(household, borrower, amount, maturity.minusMonths(term), term, random, context);
			if (random.nextBoolean()) {
				loan.add(LoanEventKind.REPAYMENT, between(random, loan.lastOn, maturity), part(loan.balance, random),
						null);
			}
			write(loan);
			context.fault(FAULT);
		}
		else if (scenario < 0.72) {
			// maturing within 90 days of the demo's day: the dashboard's 30/60/90-day
			// lists
			LocalDate maturity = asOf.plusDays(random.nextInt(1, 91));
			Ledger loan = issue(household, borrower, amount, maturity.minusMonths(term), term, random, context);
			if (random.nextDouble() < 0.4) {
				loan.add(LoanEventKind.REPAYMENT, between(random, loan.lastOn, asOf), part(loan.balance, random), null);
			}
			write(loan);
		}
		else {
			// active, maturing later
			LocalDate issued = asOf.minusDays(random.nextInt(0, Math.max(1, term * 30 - 100)));
			Ledger loan = issue(household, borrower, amount, issued, term, random, context);
			if (random.nextDouble() < 0.4 && issued.isBefore(asOf)) {
				loan.add(LoanEventKind.REPAYMENT, between(random, loan.lastOn, asOf), part(loan.balance, random), null);
			}
			write(loan);
		}
	}

	private Ledger issue(DemoHousehold household, DemoMember borrower, BigDecimal amount, LocalDate issued, int term,
			SplittableRandom random, DemoContext context) {
		Ledger loan = new Ledger(context, household.id(), borrower.id(), issued, term);
		loan.bank = BANKS[random.nextInt(BANKS.length)];
		this.contracts++;
		loan.contract = String.format("XD%d-%07d", issued.getYear(), this.contracts);
		loan.purpose = PURPOSES[random.nextInt(PURPOSES.length)];
		loan.amount = amount;
		loan.subsidy = amount.multiply(SUBSIDY_RATE)
			.multiply(BigDecimal.valueOf(term))
			.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
		loan.add(LoanEventKind.ISSUE, issued, amount, null);
		return loan;
	}

	private void write(Ledger loan) throws SQLException {
		this.loans.row(loan.id, loan.household, loan.borrower, loan.bank, loan.contract, loan.amount, loan.issued,
				loan.term, loan.maturity, loan.subsidy, "发展" + loan.purpose, loan.status.name(), loan.balance,
				loan.renewedFrom, RECORDED_BY);
		for (Object[] event : loan.rows) {
			this.events.row(event);
		}
	}

	/** Between 10% and 40% of the balance, in whole hundreds, leaving something owed. */
	private static BigDecimal part(BigDecimal balance, SplittableRandom random) {
		BigDecimal part = balance.multiply(BigDecimal.valueOf(random.nextInt(10, 41)))
			.divide(BigDecimal.valueOf(100 * 100), 0, RoundingMode.DOWN)
			.multiply(BigDecimal.valueOf(100));
		return (part.signum() > 0 && part.compareTo(balance) < 0) ? part
				: balance.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
	}

	private static LocalDate between(SplittableRandom random, LocalDate from, LocalDate to) {
		long days = ChronoUnit.DAYS.between(from, to);
		return (days <= 0) ? from : from.plusDays(random.nextLong(days + 1));
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	/**
	 * A loan being written, with its ledger applied event by event exactly as the service
	 * applies it.
	 */
	private static final class Ledger {

		final long id;

		final long household;

		final long borrower;

		final LocalDate issued;

		final int term;

		LocalDate maturity;

		String bank;

		String contract;

		String purpose;

		BigDecimal amount;

		BigDecimal subsidy;

		BigDecimal balance = BigDecimal.ZERO;

		LoanStatus status = LoanStatus.ACTIVE;

		Long renewedFrom;

		LocalDate lastOn;

		private final DemoContext context;

		final List<Object[]> rows = new ArrayList<>();

		Ledger(DemoContext context, long household, long borrower, LocalDate issued, int term) {
			this.context = context;
			this.id = context.ids().nextId();
			this.household = household;
			this.borrower = borrower;
			this.issued = issued;
			this.term = term;
			this.maturity = issued.plusMonths(term);
		}

		void add(LoanEventKind kind, LocalDate on, BigDecimal amount, String note) {
			this.balance = kind.apply(this.balance, amount);
			this.lastOn = on;
			this.rows.add(new Object[] { this.context.ids().nextId(), this.id, this.rows.size() + 1, kind.name(), on,
					amount, this.balance, this.maturity, note, RECORDED_BY });
		}

	}

}
