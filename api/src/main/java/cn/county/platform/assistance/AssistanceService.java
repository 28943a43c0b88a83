package cn.county.platform.assistance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Violations;
import cn.county.platform.household.RecordTarget;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Scope;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Social assistance (item 11), kept by civil affairs: enrolments in the minimum living
 * allowance, extreme-poverty support and temporary relief, with their payment months.
 * <p>
 * The household's {@code minimumAllowance} and {@code extremePoverty} flags are derived:
 * every write here sets them, in its own transaction, from the household's enrolments
 * running today. End dates are never in the future (an enrolment is ended on the day it
 * ends), so a flag set today stays true until the write that ends the enrolment.
 */
@Service
public class AssistanceService {

	/** The county, town officials in their town, and civil affairs county-wide. */
	static final String WRITERS = "hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL')"
			+ " or @departments.is(authentication, 'CIVIL_AFFAIRS')";

	static final String ENTITY = "AssistanceEnrolment";

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private final AssistanceMapper enrolments;

	private final RecordTarget targets;

	private final IdGenerator ids;

	private final Clock clock;

	private final AuditTrail audit;

	AssistanceService(AssistanceMapper enrolments, RecordTarget targets, IdGenerator ids, Clock clock,
			AuditTrail audit) {
		this.enrolments = enrolments;
		this.targets = targets;
		this.ids = ids;
		this.clock = clock;
		this.audit = audit;
	}

	/** The enrolments of many households, keyed by household id, for the batch loader. */
	public Map<Long, List<AssistanceEnrolment>> enrolmentsOf(Collection<Long> householdIds) {
		return this.enrolments.selectByHouseholdIds(householdIds)
			.stream()
			.collect(Collectors.groupingBy(AssistanceEnrolment::householdId));
	}

	/** The payment months of many enrolments, keyed by enrolment id. */
	public Map<Long, List<String>> paymentMonthsOf(Collection<Long> enrolmentIds) {
		return this.enrolments.selectPayments(enrolmentIds)
			.stream()
			.collect(Collectors.groupingBy(AssistancePayment::enrolmentId,
					Collectors.mapping(AssistancePayment::month, Collectors.toList())));
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public AssistanceEnrolment enrol(Caller caller, Inputs.EnrolAssistanceInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(input.householdId(), "input.householdId").required(input.kind(), "input.kind");
		violations.required(input.startDate(), "input.startDate")
			.notFuture(input.startDate(), "input.startDate", today)
			.notBefore(input.startDate(), EARLIEST, "input.startDate", EARLIEST.toString());
		violations.notFuture(input.endDate(), "input.endDate", today)
			.notBefore(input.endDate(), input.startDate(), "input.endDate",
					"the start date (" + input.startDate() + ")");
		violations.optionalText(input.reason(), "input.reason", 200);
		if (input.kind() != null && input.kind().monthly()) {
			violations.required(input.monthlyAmount(), "input.monthlyAmount")
				.yuan(input.monthlyAmount(), "input.monthlyAmount", true, Violations.MAX_YUAN);
			if (input.oneOffAmount() != null) {
				violations.badRequest("input.oneOffAmount",
						"is for TEMPORARY_RELIEF only; " + input.kind() + " is paid monthly (input.monthlyAmount)");
			}
		}
		else if (input.kind() != null) {
			violations.required(input.oneOffAmount(), "input.oneOffAmount")
				.yuan(input.oneOffAmount(), "input.oneOffAmount", true, Violations.MAX_YUAN);
			if (input.monthlyAmount() != null) {
				violations.badRequest("input.monthlyAmount", "TEMPORARY_RELIEF is granted once (input.oneOffAmount)");
			}
			if (input.endDate() != null) {
				violations.badRequest("input.endDate", "TEMPORARY_RELIEF is granted once, on its start date");
			}
		}
		violations.throwIfAny();
		this.targets.lock(caller, input.householdId(), "input.householdId");
		LocalDate end = input.kind().monthly() ? input.endDate() : input.startDate();
		if (input.kind().monthly()
				&& this.enrolments.countOverlapping(input.householdId(), input.kind(), input.startDate(), end) > 0) {
			throw DomainException.conflict("input.startDate", "household " + input.householdId() + " already has a "
					+ input.kind() + " enrolment over this period");
		}
		long id = this.ids.nextId();
		this.enrolments.insert(new AssistanceEnrolment(id, input.householdId(), input.kind(), input.startDate(), end,
				input.monthlyAmount(), input.oneOffAmount(), Violations.blankToNull(input.reason()), caller.username(),
				null, 0, null));
		AssistanceEnrolment inserted = this.enrolments.selectById(id);
		if (!input.kind().monthly()) {
			// relief is paid once, in the month it is granted
			this.enrolments.insertPayments(inserted, List.of(YearMonth.from(input.startDate()).toString()),
					input.oneOffAmount(), caller.username());
		}
		this.enrolments.deriveHouseholdFlags(input.householdId(), today);
		AssistanceEnrolment enrolled = this.enrolments.selectById(id);
		this.audit.record(caller, "enrolAssistance", ENTITY, id, null, enrolled);
		return enrolled;
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public AssistanceEnrolment end(Caller caller, Inputs.EndAssistanceEnrolmentInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(input.endDate(), "input.endDate").notFuture(input.endDate(), "input.endDate", today);
		violations.throwIfAny();
		AssistanceEnrolment current = lock(caller, input.id(), input.version());
		if (!current.kind().monthly() || current.endDate() != null) {
			throw DomainException.conflict("input.id", "the enrolment has already ended"
					+ ((current.endDate() != null) ? " on " + current.endDate() : ""));
		}
		if (input.endDate().isBefore(current.startDate())) {
			throw DomainException.badRequest("input.endDate",
					"must not be before the start date (" + current.startDate() + ")");
		}
		if (this.enrolments.countPaymentsAfter(current.id(), YearMonth.from(input.endDate()).toString()) > 0) {
			throw DomainException.conflict("input.endDate", "months after " + YearMonth.from(input.endDate())
					+ " have been paid; the enrolment cannot end before them");
		}
		this.enrolments.end(current.id(), input.endDate());
		this.enrolments.deriveHouseholdFlags(current.householdId(), today);
		return audited(caller, "endAssistanceEnrolment", current);
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public AssistanceEnrolment recordPayments(Caller caller, Inputs.RecordAssistancePaymentsInput input) {
		YearMonth thisMonth = YearMonth.now(this.clock);
		Violations violations = new Violations();
		TreeSet<YearMonth> months = new TreeSet<>();
		if (input.months() == null || input.months().isEmpty()) {
			violations.badRequest("input.months", "must name at least one month");
		}
		else {
			for (int i = 0; i < input.months().size(); i++) {
				String field = "input.months[" + i + "]";
				YearMonth month = parse(input.months().get(i));
				if (month == null) {
					violations.badRequest(field, "must be a month as YYYY-MM");
				}
				else if (month.isAfter(thisMonth)) {
					violations.badRequest(field, "must not be in the future");
				}
				else if (!months.add(month)) {
					violations.badRequest(field, "is named twice");
				}
			}
		}
		violations.throwIfAny();
		AssistanceEnrolment current = lock(caller, input.id(), input.version());
		if (!current.kind().monthly()) {
			throw DomainException.conflict("input.months", "TEMPORARY_RELIEF was paid once, when granted");
		}
		YearMonth first = YearMonth.from(current.startDate());
		YearMonth last = (current.endDate() != null) ? YearMonth.from(current.endDate()) : thisMonth;
		List<String> paid = this.enrolments.selectPayments(List.of(current.id()))
			.stream()
			.map(AssistancePayment::month)
			.toList();
		for (int i = 0; i < input.months().size(); i++) {
			YearMonth month = YearMonth.parse(input.months().get(i));
			if (month.isBefore(first) || month.isAfter(last)) {
				violations.badRequest("input.months[" + i + "]",
						"is outside the enrolment, " + first + " to " + ((current.endDate() != null) ? last : "now"));
			}
			else if (paid.contains(month.toString())) {
				violations.conflict("input.months[" + i + "]", "has already been paid");
			}
		}
		violations.throwIfAny();
		try {
			this.enrolments.insertPayments(current, months.stream().map(YearMonth::toString).toList(),
					current.monthlyAmount(), caller.username());
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("input.months", "a month has just been paid by another request");
		}
		this.enrolments.touch(current.id());
		return audited(caller, "recordAssistancePayments", current);
	}

	private AssistanceEnrolment audited(Caller caller, String operation, AssistanceEnrolment before) {
		AssistanceEnrolment after = this.enrolments.selectById(before.id());
		this.audit.record(caller, operation, ENTITY, before.id(), before, after);
		return after;
	}

	/**
	 * Locks the enrolment: NOT_FOUND when absent, FORBIDDEN when its household is outside
	 * the caller's scope, CONFLICT when the version sent is stale.
	 */
	private AssistanceEnrolment lock(Caller caller, Long id, Integer expectedVersion) {
		long enrolmentId = Violations.require(id, "input.id");
		AssistanceEnrolment found = this.enrolments.selectById(enrolmentId);
		if (found == null) {
			throw DomainException.notFound("input.id", "assistance enrolment " + id);
		}
		this.targets.lock(caller, found.householdId(), "input.id");
		AssistanceEnrolment record = this.enrolments.lock(enrolmentId, Scope.COUNTY);
		Violations.notStale(expectedVersion, record.version(), "enrolment");
		return record;
	}

	private static YearMonth parse(String month) {
		if (month == null || !month.matches("\\d{4}-\\d{2}")) {
			return null;
		}
		try {
			return YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
