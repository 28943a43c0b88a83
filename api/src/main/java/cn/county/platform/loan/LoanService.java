package cn.county.platform.loan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Page;
import cn.county.platform.common.PageRequest;
import cn.county.platform.common.PlatformProperties;
import cn.county.platform.common.Violations;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.household.Member;
import cn.county.platform.household.MemberMapper;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Scope;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Microcredit loans and their ledger. Every write checks its input first, then locks the
 * loan row, checks the loan's state, and writes the event and the loan's new balance,
 * status and maturity in one transaction, so the stored balance always equals what the
 * ledger adds up to and concurrent writes to one loan cannot interleave.
 */
@Service
public class LoanService {

	static final String WRITERS = "hasRole('COUNTY_ADMIN') or @departments.is(authentication, 'FINANCE')";

	private static final String SORT_KEY = "maturity";

	private static final Pattern CONTRACT = Pattern.compile("[0-9A-Za-z/-]{4,40}");

	/** The longest bank name (the column is VARCHAR(64)). */
	private static final int BANK_LENGTH = 64;

	private final LoanMapper loans;

	private final LoanEventMapper events;

	private final HouseholdMapper households;

	private final MemberMapper members;

	private final IdGenerator ids;

	private final Clock clock;

	private final LoanProperties limits;

	private final PlatformProperties properties;

	private final AuditTrail audit;

	LoanService(LoanMapper loans, LoanEventMapper events, HouseholdMapper households, MemberMapper members,
			IdGenerator ids, Clock clock, LoanProperties limits, PlatformProperties properties, AuditTrail audit) {
		this.audit = audit;
		this.loans = loans;
		this.events = events;
		this.households = households;
		this.members = members;
		this.ids = ids;
		this.clock = clock;
		this.limits = limits;
		this.properties = properties;
	}

	public Loan byId(Caller caller, long id) {
		return this.loans.selectById(id, caller.scope(), today());
	}

	public List<Loan> byIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : this.loans.selectByIds(ids, today());
	}

	public Page<Loan> page(Caller caller, LoanFilter filter, Integer first, String after) {
		LoanFilter effective = checked(filter);
		PageRequest request = PageRequest.of(first, after, SORT_KEY, this.properties.maxPageSize());
		LocalDate today = today();
		List<Loan> rows = this.loans.selectPage(effective, caller.scope(), today, maturingBy(effective, today),
				request.afterValue(LocalDate::parse), request.afterId(), request.limit());
		return Page.of(rows, request, (row) -> row.maturityDate().toString(), Loan::id);
	}

	public long count(Caller caller, LoanFilter filter) {
		LoanFilter effective = checked(filter);
		LocalDate today = today();
		return this.loans.count(effective, caller.scope(), today, maturingBy(effective, today));
	}

	/** Loans of many households at once, keyed by household id, for the batch loader. */
	public Map<Long, List<Loan>> loansOf(Collection<Long> householdIds) {
		if (householdIds.isEmpty()) {
			return Map.of();
		}
		return this.loans.selectByHouseholdIds(householdIds, today())
			.stream()
			.collect(Collectors.groupingBy(Loan::householdId));
	}

	/** Ledgers of many loans at once, keyed by loan id, for the batch loader. */
	public Map<Long, List<LoanEvent>> eventsOf(Collection<Long> loanIds) {
		if (loanIds.isEmpty()) {
			return Map.of();
		}
		return this.events.selectByLoanIds(loanIds).stream().collect(Collectors.groupingBy(LoanEvent::loanId));
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public Loan issue(Caller caller, Inputs.IssueLoanInput input) {
		LocalDate today = today();
		Violations violations = new Violations();
		violations.required(input.householdId(), "input.householdId");
		violations.required(input.borrowerId(), "input.borrowerId");
		violations.text(input.bank(), "input.bank", BANK_LENGTH);
		checkContract(input.contractNumber(), "input.contractNumber", violations);
		violations.required(input.amount(), "input.amount")
			.yuan(input.amount(), "input.amount", true, Violations.MAX_YUAN);
		if (input.amount() != null && input.amount().compareTo(this.limits.maxAmount()) > 0) {
			violations.badRequest("input.amount",
					"must be at most the limit of " + this.limits.maxAmount().toPlainString() + " yuan");
		}
		violations.required(input.issuedOn(), "input.issuedOn").notFuture(input.issuedOn(), "input.issuedOn", today);
		checkTerm(input.termMonths(), "input.termMonths", violations);
		violations.yuan(input.interestSubsidy(), "input.interestSubsidy", false, Violations.MAX_YUAN);
		violations.text(input.purpose(), "input.purpose", 200);
		violations.optionalText(Violations.blankToNull(input.note()), "input.note", 500);
		violations.throwIfAny();

		// The household row lock serialises issues to one household, so two cannot both
		// find it without a loan.
		if (this.households.lockVersion(input.householdId(), caller.scope()) == null) {
			throw DomainException.notFound("input.householdId", "household " + input.householdId());
		}
		Member borrower = this.members.selectById(input.borrowerId(), Scope.COUNTY);
		if (borrower == null || borrower.householdId() != input.householdId()) {
			violations.badRequest("input.borrowerId", "is not a member of household " + input.householdId());
		}
		else if (Period.between(borrower.birthDate(), input.issuedOn()).getYears() < 18) {
			violations.badRequest("input.borrowerId", "must be 18 or older on the issue date");
		}
		List<Long> open = this.loans.selectOpenLoanIds(input.householdId());
		if (!open.isEmpty()) {
			violations.conflict("input.householdId",
					"already holds open loan " + open.get(0) + "; top it up or renew it instead");
		}
		String bank = input.bank().strip();
		String contract = input.contractNumber().strip();
		if (this.loans.contractExists(bank, contract)) {
			violations.conflict("input.contractNumber", "is already used by another loan of " + bank);
		}
		violations.throwIfAny();

		long id = this.ids.nextId();
		LocalDate maturity = input.issuedOn().plusMonths(input.termMonths());
		BigDecimal amount = input.amount();
		Loan loan = new Loan(id, input.householdId(), input.borrowerId(), bank, contract, amount, input.issuedOn(),
				input.termMonths(), maturity, subsidy(input.interestSubsidy()), input.purpose().strip(),
				LoanStatus.ACTIVE, LoanStatus.ACTIVE, amount, BigDecimal.ZERO, BigDecimal.ZERO, null, null, 0, null, 0,
				null);
		this.loans.insert(loan, caller.username());
		this.events.insert(
				event(loan, 1, LoanEventKind.ISSUE, input.issuedOn(), amount, amount, maturity, input.note(), caller));
		Loan issued = this.loans.selectById(id, Scope.COUNTY, today);
		this.audit.record(caller, "issueLoan", "Loan", id, null, issued);
		return issued;
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public Loan repay(Caller caller, Inputs.RecordRepaymentInput input) {
		LocalDate today = today();
		Violations violations = new Violations();
		violations.required(input.amount(), "input.amount")
			.yuan(input.amount(), "input.amount", true, Violations.MAX_YUAN);
		violations.required(input.repaidOn(), "input.repaidOn").notFuture(input.repaidOn(), "input.repaidOn", today);
		violations.optionalText(Violations.blankToNull(input.note()), "input.note", 500);
		violations.throwIfAny();
		Loan loan = lockOpen(caller, input.loanId(), today);
		checkAfterLatest(loan, input.repaidOn(), "input.repaidOn");
		if (input.amount().compareTo(loan.balance()) > 0) {
			throw DomainException.badRequest("input.amount",
					"exceeds the outstanding balance of " + loan.balance().toPlainString() + " yuan");
		}
		BigDecimal balance = LoanEventKind.REPAYMENT.apply(loan.balance(), input.amount());
		LoanStatus status = (balance.signum() == 0) ? LoanStatus.REPAID : loan.recordedStatus();
		record(caller, loan, LoanEventKind.REPAYMENT, input.repaidOn(), input.amount(), balance, status,
				loan.maturityDate(), input.note());
		return audited(caller, "recordRepayment", loan, today);
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public Loan extend(Caller caller, Inputs.ExtendLoanInput input) {
		LocalDate today = today();
		Violations violations = new Violations();
		violations.required(input.extendedOn(), "input.extendedOn")
			.notFuture(input.extendedOn(), "input.extendedOn", today);
		violations.required(input.newMaturityDate(), "input.newMaturityDate");
		violations.optionalText(Violations.blankToNull(input.note()), "input.note", 500);
		violations.throwIfAny();
		Loan loan = lockOpen(caller, input.loanId(), today);
		checkAfterLatest(loan, input.extendedOn(), "input.extendedOn");
		LocalDate newMaturity = input.newMaturityDate();
		LocalDate latest = loan.issuedOn().plusMonths(this.limits.maxTermMonths());
		if (!newMaturity.isAfter(loan.maturityDate())) {
			throw DomainException.badRequest("input.newMaturityDate",
					"must be after the current maturity " + loan.maturityDate());
		}
		if (!newMaturity.isAfter(input.extendedOn())) {
			throw DomainException.badRequest("input.newMaturityDate", "must be after the extension date");
		}
		if (newMaturity.isAfter(latest)) {
			throw DomainException.badRequest("input.newMaturityDate", "must be on or before " + latest
					+ ": an extended loan runs at most " + this.limits.maxTermMonths() + " months from its issue");
		}
		record(caller, loan, LoanEventKind.EXTENSION, input.extendedOn(), null, loan.balance(), LoanStatus.EXTENDED,
				newMaturity, input.note());
		return audited(caller, "extendLoan", loan, today);
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public Renewal renew(Caller caller, Inputs.RenewLoanInput input) {
		LocalDate today = today();
		Violations violations = new Violations();
		violations.required(input.renewedOn(), "input.renewedOn")
			.notFuture(input.renewedOn(), "input.renewedOn", today);
		checkContract(input.contractNumber(), "input.contractNumber", violations);
		checkTerm(input.termMonths(), "input.termMonths", violations);
		violations.optionalText(input.bank(), "input.bank", BANK_LENGTH);
		violations.yuan(input.interestSubsidy(), "input.interestSubsidy", false, Violations.MAX_YUAN);
		violations.optionalText(Violations.blankToNull(input.purpose()), "input.purpose", 200);
		violations.optionalText(Violations.blankToNull(input.note()), "input.note", 500);
		violations.throwIfAny();
		Loan old = lockOpen(caller, input.loanId(), today);
		checkAfterLatest(old, input.renewedOn(), "input.renewedOn");
		String bank = (input.bank() != null) ? input.bank().strip() : old.bank();
		String contract = input.contractNumber().strip();
		if (this.loans.contractExists(bank, contract)) {
			throw DomainException.conflict("input.contractNumber", "is already used by another loan of " + bank);
		}
		BigDecimal carried = old.balance();
		record(caller, old, LoanEventKind.RENEWAL, input.renewedOn(), carried,
				LoanEventKind.RENEWAL.apply(carried, carried), LoanStatus.RENEWED, old.maturityDate(), input.note());

		long id = this.ids.nextId();
		LocalDate maturity = input.renewedOn().plusMonths(input.termMonths());
		String purpose = (input.purpose() != null && !input.purpose().isBlank()) ? input.purpose().strip()
				: old.purpose();
		Loan renewal = new Loan(id, old.householdId(), old.borrowerId(), bank, contract, carried, input.renewedOn(),
				input.termMonths(), maturity, subsidy(input.interestSubsidy()), purpose, LoanStatus.ACTIVE,
				LoanStatus.ACTIVE, carried, BigDecimal.ZERO, BigDecimal.ZERO, old.id(), null, 0, null, 0, null);
		this.loans.insert(renewal, caller.username());
		this.events.insert(event(renewal, 1, LoanEventKind.ISSUE, input.renewedOn(), carried, carried, maturity,
				"Renewal of loan " + old.id(), caller));
		Loan opened = this.loans.selectById(id, Scope.COUNTY, today);
		this.audit.record(caller, "renewLoan", "Loan", id, null, opened);
		return new Renewal(audited(caller, "renewLoan", old, today), opened);
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public Loan topUp(Caller caller, Inputs.TopUpLoanInput input) {
		LocalDate today = today();
		Violations violations = new Violations();
		violations.required(input.amount(), "input.amount")
			.yuan(input.amount(), "input.amount", true, Violations.MAX_YUAN);
		violations.required(input.toppedUpOn(), "input.toppedUpOn")
			.notFuture(input.toppedUpOn(), "input.toppedUpOn", today);
		violations.optionalText(Violations.blankToNull(input.note()), "input.note", 500);
		violations.throwIfAny();
		Loan loan = lockOpen(caller, input.loanId(), today);
		checkAfterLatest(loan, input.toppedUpOn(), "input.toppedUpOn");
		BigDecimal room = this.limits.maxAmount().subtract(loan.totalLent());
		if (input.amount().compareTo(room) > 0) {
			throw DomainException.badRequest("input.amount",
					"would lend " + loan.totalLent().add(input.amount()).toPlainString()
							+ " yuan in all, over the limit of " + this.limits.maxAmount().toPlainString()
							+ " (at most " + room.max(BigDecimal.ZERO).toPlainString() + " more)");
		}
		BigDecimal balance = LoanEventKind.TOP_UP.apply(loan.balance(), input.amount());
		record(caller, loan, LoanEventKind.TOP_UP, input.toppedUpOn(), input.amount(), balance, loan.recordedStatus(),
				loan.maturityDate(), input.note());
		return audited(caller, "topUpLoan", loan, today);
	}

	/** The old loan, closed, and the loan that carries its balance on. */
	public record Renewal(Loan previous, Loan loan) {
	}

	/**
	 * The loan as it now stands, with the audit entry of the write that changed it from
	 * {@code before}.
	 */
	private Loan audited(Caller caller, String operation, Loan before, LocalDate today) {
		Loan after = this.loans.selectById(before.id(), Scope.COUNTY, today);
		this.audit.record(caller, operation, "Loan", before.id(), before, after);
		return after;
	}

	/**
	 * Locks a loan in the caller's scope (else NOT_FOUND, as if it did not exist) and
	 * requires it open.
	 */
	private Loan lockOpen(Caller caller, Long id, LocalDate today) {
		Loan loan = this.loans.lock(Violations.require(id, "input.loanId"), caller.scope(), today);
		if (loan == null) {
			throw DomainException.notFound("input.loanId", "loan " + id);
		}
		if (!loan.status().isOpen()) {
			throw DomainException.conflict("input.loanId", "is " + loan.status() + " and closed to further events");
		}
		return loan;
	}

	private void record(Caller caller, Loan loan, LoanEventKind kind, LocalDate on, BigDecimal amount,
			BigDecimal balance, LoanStatus status, LocalDate maturity, String note) {
		if (balance.signum() < 0) {
			// the checks above make this unreachable; the ledger must never show a
			// negative balance even so
			throw new IllegalStateException("Loan " + loan.id() + " would go negative");
		}
		this.events.insert(event(loan, loan.lastSequence() + 1, kind, on, amount, balance, maturity, note, caller));
		this.loans.updateLedger(loan.id(), status, balance, maturity);
	}

	private LoanEvent event(Loan loan, int sequence, LoanEventKind kind, LocalDate on, BigDecimal amount,
			BigDecimal balance, LocalDate maturity, String note, Caller caller) {
		return new LoanEvent(this.ids.nextId(), loan.id(), loan.householdId(), sequence, kind, on, amount, balance,
				maturity, Violations.blankToNull(note), caller.username(), null);
	}

	private static void checkAfterLatest(Loan loan, LocalDate date, String field) {
		if (loan.lastEventOn() != null && date.isBefore(loan.lastEventOn())) {
			throw DomainException.badRequest(field, "is before the loan's latest event on " + loan.lastEventOn());
		}
	}

	private LoanFilter checked(LoanFilter filter) {
		LoanFilter effective = (filter != null) ? filter : LoanFilter.NONE;
		new Violations().between(effective.maturingWithinDays(), "filter.maturingWithinDays", 0, 366).throwIfAny();
		return effective;
	}

	private static LocalDate maturingBy(LoanFilter filter, LocalDate today) {
		return (filter.maturingWithinDays() != null) ? today.plusDays(filter.maturingWithinDays()) : null;
	}

	private void checkTerm(Integer months, String field, Violations violations) {
		if (months == null) {
			violations.badRequest(field, "is required");
		}
		else if (months < 1 || months > this.limits.maxTermMonths()) {
			violations.badRequest(field, "must be between 1 and " + this.limits.maxTermMonths() + " months");
		}
	}

	private static void checkContract(String contract, String field, Violations violations) {
		if (contract == null || !CONTRACT.matcher(contract.strip()).matches()) {
			violations.badRequest(field, "must be 4 to 40 letters, digits, '-' or '/'");
		}
	}

	private static BigDecimal subsidy(BigDecimal subsidy) {
		return (subsidy != null) ? subsidy : BigDecimal.ZERO;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
