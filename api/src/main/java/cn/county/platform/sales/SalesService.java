package cn.county.platform.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Page;
import cn.county.platform.common.PageRequest;
import cn.county.platform.common.PlatformProperties;
import cn.county.platform.common.Violations;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Scope;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales records, monthly reports and amendments (消费帮扶 monthly reporting, item 17). A
 * seller's month is open until its report is submitted, once; from then on its sales are
 * locked: a sale added to it or changed in it goes in only as an amendment that records
 * why, who, when, and the sale before and after.
 * <p>
 * Every write locks the seller's row first, so a submission and a sale for the same
 * seller run one after the other and a sale can never slip into a month after its report
 * went in.
 */
@Service
public class SalesService {

	private static final String SALE_KEY = "month";

	private static final String REPORT_KEY = "seller";

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	private static final BigDecimal MAX_QUANTITY = new BigDecimal("99999999999.999");

	private static final int MAX_HOUSEHOLDS = 1_000_000;

	private final SaleMapper sales;

	private final SellerMapper sellers;

	private final SalesReportMapper reports;

	private final SaleAmendmentMapper amendments;

	private final IdGenerator ids;

	private final Clock clock;

	private final PlatformProperties properties;

	private final AuditTrail audit;

	SalesService(SaleMapper sales, SellerMapper sellers, SalesReportMapper reports, SaleAmendmentMapper amendments,
			IdGenerator ids, Clock clock, PlatformProperties properties, AuditTrail audit) {
		this.audit = audit;
		this.sales = sales;
		this.sellers = sellers;
		this.reports = reports;
		this.amendments = amendments;
		this.ids = ids;
		this.clock = clock;
		this.properties = properties;
	}

	public Sale byId(Caller caller, long id) {
		return this.sales.selectById(id, caller.scope());
	}

	public Page<Sale> page(Caller caller, SaleFilter filter, Integer first, String after) {
		PageRequest request = PageRequest.of(first, after, SALE_KEY, this.properties.maxPageSize());
		List<Sale> rows = this.sales.selectPage(checked(filter), caller.scope(), request.afterValue(),
				request.afterId(), request.limit());
		return Page.of(rows, request, Sale::month, Sale::id);
	}

	public long count(Caller caller, SaleFilter filter) {
		return this.sales.count(checked(filter), caller.scope());
	}

	/** Sales of household sellers, keyed by household id, for the batch loader. */
	public Map<Long, List<Sale>> salesOf(Collection<Long> householdIds) {
		if (householdIds.isEmpty()) {
			return Map.of();
		}
		return this.sales.selectByHouseholdIds(householdIds).stream().collect(Collectors.groupingBy(Sale::householdId));
	}

	/** Amendments of many sales at once, keyed by sale id, for the batch loader. */
	public Map<Long, List<SaleAmendment>> amendmentsOf(Collection<Long> saleIds) {
		if (saleIds.isEmpty()) {
			return Map.of();
		}
		return this.amendments.selectBySaleIds(saleIds).stream().collect(Collectors.groupingBy(SaleAmendment::saleId));
	}

	public Page<SalesReport> reports(Caller caller, String month, Boolean submitted, String townCode, Integer first,
			String after) {
		YearMonth due = checkedMonth(month);
		PageRequest request = PageRequest.of(first, after, REPORT_KEY, this.properties.maxPageSize());
		List<SalesReport> rows = this.reports.selectPage(due.toString(), due.atEndOfMonth(), submitted, townCode,
				caller.scope(), request.afterValue(), request.afterId(), request.limit());
		return Page.of(rows, request, SalesReport::sellerName, SalesReport::sellerId);
	}

	public long countReports(Caller caller, String month, Boolean submitted, String townCode) {
		YearMonth due = checkedMonth(month);
		return this.reports.count(due.toString(), due.atEndOfMonth(), submitted, townCode, caller.scope());
	}

	@Transactional
	@PreAuthorize(SellerService.WRITERS)
	public Sale record(Caller caller, Inputs.RecordSaleInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(input.sellerId(), "input.sellerId");
		SaleSnapshot sale = trimmed(input.snapshot());
		checkFields(sale, "input.", true, today, violations);
		String reason = Violations.blankToNull(input.amendmentReason());
		checkReason(reason, "input.amendmentReason", false, violations);
		violations.throwIfAny();
		Seller seller = lockSeller(caller, input.sellerId());
		checkAgainstSeller(seller, sale, "input.", violations);
		boolean submitted = this.reports.isSubmitted(seller.id(), sale.month());
		if (submitted && reason == null) {
			violations.conflict("input.month", "the report of " + sale.month()
					+ " is submitted and locked; give an amendmentReason to add the sale as a recorded amendment");
		}
		else if (!submitted && reason != null) {
			violations.badRequest("input.amendmentReason",
					"is only for a month whose report is submitted; " + sale.month() + " is still open");
		}
		violations.throwIfAny();
		long id = this.ids.nextId();
		this.sales.insert(id, seller.id(), sale, caller.username());
		if (submitted) {
			this.amendments.insert(this.ids.nextId(), id, reason, caller.username(), null, sale);
		}
		Sale recorded = this.sales.selectById(id, Scope.COUNTY);
		this.audit.record(caller, "recordSale", "Sale", id, null, recorded);
		return recorded;
	}

	/**
	 * Changes a sale of a month still open; a sale of a submitted month changes only
	 * through {@link #amend}.
	 */
	@Transactional
	@PreAuthorize(SellerService.WRITERS)
	public Sale update(Caller caller, Inputs.UpdateSaleInput input) {
		return change(caller, "updateSale", input.id(), input.changes(), null);
	}

	/**
	 * Changes a sale whatever its month, recording the change with its reason as an
	 * amendment.
	 */
	@Transactional
	@PreAuthorize(SellerService.WRITERS)
	public AmendedSale amend(Caller caller, Inputs.AmendSaleInput input) {
		String reason = Violations.blankToNull(input.reason());
		Violations violations = new Violations();
		checkReason(reason, "input.reason", true, violations);
		violations.throwIfAny();
		Sale sale = change(caller, "amendSale", input.id(), input.changes(), reason);
		List<SaleAmendment> recorded = this.amendments.selectBySaleIds(List.of(sale.id()));
		return new AmendedSale(sale, recorded.get(recorded.size() - 1));
	}

	private Sale change(Caller caller, String operation, Long id, Inputs.SaleChanges changes, String reason) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(id, "input.id").required(changes, "input.changes");
		if (changes != null) {
			checkFields(trimmed(changes.given()), "input.changes.", false, today, violations);
		}
		violations.throwIfAny();
		Sale sale = this.sales.lock(id, caller.scope());
		if (sale == null) {
			throw DomainException.notFound("input.id", "sale " + id);
		}
		Seller seller = this.sellers.lock(sale.sellerId(), Scope.COUNTY);
		SaleSnapshot before = sale.snapshot();
		SaleSnapshot after = changes.applyTo(before);
		if (after.changedFrom(before).isEmpty()) {
			throw DomainException.badRequest("input.changes", "change nothing");
		}
		checkAgainstSeller(seller, after, "input.changes.", violations);
		violations.throwIfAny();
		if (reason == null) {
			if (sale.locked()) {
				throw DomainException.conflict("input.id", "belongs to the submitted report of " + sale.month()
						+ "; change it with amendSale and a reason");
			}
			if (!after.month().equals(before.month()) && this.reports.isSubmitted(seller.id(), after.month())) {
				throw DomainException.conflict("input.changes.month",
						"the report of " + after.month() + " is submitted and locked; move the sale with amendSale");
			}
		}
		this.sales.update(sale.id(), after);
		if (reason != null) {
			this.amendments.insert(this.ids.nextId(), sale.id(), reason, caller.username(), before, after);
		}
		Sale changed = this.sales.selectById(sale.id(), Scope.COUNTY);
		this.audit.record(caller, operation, "Sale", sale.id(), sale, changed);
		return changed;
	}

	@Transactional
	@PreAuthorize(SellerService.WRITERS)
	public SalesReport submit(Caller caller, Inputs.SubmitMonthlyReportInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(input.sellerId(), "input.sellerId");
		YearMonth month = Months.check(input.month(), "input.month", today, violations);
		violations.throwIfAny();
		Seller seller = lockSeller(caller, input.sellerId());
		if (month.isBefore(YearMonth.from(seller.registeredOn()))) {
			throw DomainException.badRequest("input.month",
					"is before the seller was registered (" + YearMonth.from(seller.registeredOn()) + ")");
		}
		if (this.reports.isSubmitted(seller.id(), month.toString())) {
			throw DomainException.conflict("input.month", "the report of " + month + " is already submitted");
		}
		this.reports.insert(seller.id(), month.toString(), caller.username());
		SalesReport report = this.reports.select(seller.id(), month.toString());
		// a report has no id of its own: the entry names the seller, the month is in the
		// state
		this.audit.record(caller, "submitMonthlyReport", "SalesReport", seller.id(), null, report);
		return report;
	}

	/** A sale and the amendment that just changed it. */
	public record AmendedSale(Sale sale, SaleAmendment amendment) {
	}

	private Seller lockSeller(Caller caller, Long id) {
		Seller seller = this.sellers.lock(id, caller.scope());
		if (seller == null) {
			throw DomainException.notFound("input.sellerId", "seller " + id);
		}
		return seller;
	}

	/**
	 * The rules a sale's fields obey on their own; {@code all} when every field is
	 * required (a new sale).
	 */
	private static void checkFields(SaleSnapshot sale, String prefix, boolean all, LocalDate today,
			Violations violations) {
		checkText(sale.product(), prefix + "product", 100, all, violations);
		if (all) {
			violations.required(sale.category(), prefix + "category").required(sale.channel(), prefix + "channel");
		}
		if (all || sale.month() != null) {
			Months.check(sale.month(), prefix + "month", today, violations);
		}
		checkNumber(sale.quantity(), prefix + "quantity", 3, MAX_QUANTITY, all, violations);
		checkText(sale.unit(), prefix + "unit", 16, all, violations);
		checkNumber(sale.amount(), prefix + "amount", 2, MAX_AMOUNT, all, violations);
		Integer households = sale.householdsBenefiting();
		if (all) {
			violations.required(households, prefix + "householdsBenefiting");
		}
		violations.between(households, prefix + "householdsBenefiting", 0, MAX_HOUSEHOLDS);
	}

	/**
	 * The rules that depend on the seller: no month before its registration, the platform
	 * only for its suppliers.
	 */
	private static void checkAgainstSeller(Seller seller, SaleSnapshot sale, String prefix, Violations violations) {
		YearMonth registered = YearMonth.from(seller.registeredOn());
		if (YearMonth.parse(sale.month()).isBefore(registered)) {
			violations.badRequest(prefix + "month", "is before the seller was registered (" + registered + ")");
		}
		if (sale.channel() == SalesChannel.PURCHASE_PLATFORM && seller.platformSupplierId() == null) {
			violations.conflict(prefix + "channel", "the seller is not registered on the purchase platform (农购网)");
		}
	}

	/**
	 * A quantity or an amount of a sale: more than 0, in words of its own that name the
	 * places and the limit.
	 */
	private static void checkNumber(BigDecimal value, String field, int decimals, BigDecimal max, boolean required,
			Violations violations) {
		if (required) {
			violations.required(value, field);
		}
		violations.decimal(value, field, true, decimals, max,
				"must have at most " + decimals + " decimals and be at most " + max.toPlainString());
	}

	/**
	 * A text of a sale: a new sale gives every one ({@code required}), a change only
	 * those it changes.
	 */
	private static void checkText(String text, String field, int max, boolean required, Violations violations) {
		if (required) {
			violations.text(text, field, max);
		}
		else {
			violations.optionalText(text, field, max);
		}
	}

	private static void checkReason(String reason, String field, boolean required, Violations violations) {
		if (required && reason == null) {
			violations.badRequest(field, "must say why the sale is amended");
		}
		violations.optionalText(reason, field, 500);
	}

	private YearMonth checkedMonth(String month) {
		Violations violations = new Violations();
		YearMonth value = Months.check(month, "month", LocalDate.now(this.clock), violations);
		violations.throwIfAny();
		return value;
	}

	private SaleFilter checked(SaleFilter filter) {
		SaleFilter effective = (filter != null) ? filter : SaleFilter.NONE;
		if (effective.month() != null) {
			Violations violations = new Violations();
			Months.check(effective.month(), "filter.month", LocalDate.now(this.clock), violations);
			violations.throwIfAny();
		}
		return effective;
	}

	/**
	 * Text fields stripped, blanks kept blank so that they are refused rather than taken
	 * as left out.
	 */
	private static SaleSnapshot trimmed(SaleSnapshot sale) {
		return new SaleSnapshot(Violations.strip(sale.product()), sale.category(), sale.channel(),
				Violations.strip(sale.month()), sale.quantity(), Violations.strip(sale.unit()), sale.amount(),
				sale.householdsBenefiting());
	}

}
