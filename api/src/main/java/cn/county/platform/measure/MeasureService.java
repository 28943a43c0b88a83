package cn.county.platform.measure;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Page;
import cn.county.platform.common.PageRequest;
import cn.county.platform.common.PlatformProperties;
import cn.county.platform.common.Violations;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assistance measures: reads bounded by the caller's scope, and writes that record a
 * measure, correct it and move it along its legal order. Each write checks its whole
 * input, then locks what it changes, then writes in one transaction; a refusal leaves
 * nothing behind.
 */
@Service
public class MeasureService {

	/**
	 * Who records help: the county, and town and village staff within their scope (the
	 * lock checks the scope).
	 */
	static final String WRITERS = "hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL', 'VILLAGE_CADRE')";

	private static final String SORT_KEY = "startDate:DESC";

	private final MeasureMapper measures;

	private final HouseholdMapper households;

	private final IdGenerator ids;

	private final PlatformProperties properties;

	private final AuditTrail audit;

	MeasureService(MeasureMapper measures, HouseholdMapper households, IdGenerator ids, PlatformProperties properties,
			AuditTrail audit) {
		this.measures = measures;
		this.households = households;
		this.ids = ids;
		this.properties = properties;
		this.audit = audit;
	}

	/**
	 * The categories outside the rows of a caller: the health records
	 * ({@link MeasureCategory#HEALTH_RECORDS}) when the caller may not read health
	 * ({@code FieldPolicy.readsHealth}), else none.
	 */
	static Collection<MeasureCategory> hidden(boolean readsHealth) {
		return readsHealth ? Set.of() : MeasureCategory.HEALTH_RECORDS;
	}

	public Page<Measure> page(Caller caller, boolean readsHealth, MeasureFilter filter, Integer first, String after) {
		PageRequest request = PageRequest.of(first, after, SORT_KEY, this.properties.maxPageSize());
		List<Measure> rows = this.measures.selectPage((filter != null) ? filter : MeasureFilter.NONE, caller.scope(),
				hidden(readsHealth), request.afterValue(LocalDate::parse), request.afterId(), request.limit());
		return Page.of(rows, request, (row) -> row.startDate().toString(), Measure::id);
	}

	public long count(Caller caller, boolean readsHealth, MeasureFilter filter) {
		return this.measures.count((filter != null) ? filter : MeasureFilter.NONE, caller.scope(), hidden(readsHealth));
	}

	/**
	 * Measures of many households at once, keyed by household id, for the batch loader.
	 */
	public Map<Long, List<Measure>> measuresOf(Collection<Long> householdIds, boolean readsHealth) {
		if (householdIds.isEmpty()) {
			return Map.of();
		}
		return this.measures.selectByHouseholdIds(householdIds, hidden(readsHealth))
			.stream()
			.collect(Collectors.groupingBy(Measure::householdId));
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public Measure record(Caller caller, Inputs.RecordMeasureInput input) {
		Violations violations = new Violations();
		violations.required(input.householdId(), "input.householdId")
			.required(input.category(), "input.category")
			.text(input.description(), "input.description", 500)
			.text(input.responsibleDepartment(), "input.responsibleDepartment", 64)
			.required(input.startDate(), "input.startDate");
		checkEnd(input.startDate(), input.endDate(), "input.endDate", violations);
		MeasureStatus status = (input.status() != null) ? input.status() : MeasureStatus.PLANNED;
		if (!status.isOpen()) {
			violations.badRequest("input.status",
					"must be PLANNED or IN_PROGRESS: a measure is recorded before it ends, then moved on");
		}
		violations.yuan(input.amount(), "input.amount", false, Violations.MAX_YUAN);
		violations.throwIfAny();
		// In scope or NOT_FOUND; the row lock also orders this insert after any write to
		// the household under way.
		if (this.households.lockVersion(input.householdId(), caller.scope()) == null) {
			throw DomainException.notFound("input.householdId", "household " + input.householdId());
		}
		long id = this.ids.nextId();
		this.measures.insert(new Measure(id, input.householdId(), input.category(), input.description().strip(),
				input.responsibleDepartment().strip(), input.startDate(), input.endDate(), status, input.amount(),
				caller.username(), 0, null));
		Measure recorded = this.measures.selectById(id);
		this.audit.record(caller, "recordMeasure", "Measure", id, null, recorded);
		return recorded;
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public Measure update(Caller caller, Inputs.UpdateMeasureInput input) {
		Violations violations = new Violations();
		violations.optionalText(input.description(), "input.description", 500)
			.optionalText(input.responsibleDepartment(), "input.responsibleDepartment", 64);
		checkEnd(input.startDate(), input.endDate(), "input.endDate", violations);
		violations.yuan(input.amount(), "input.amount", false, Violations.MAX_YUAN);
		violations.throwIfAny();
		Measure current = lock(caller, input.id(), input.version());
		LocalDate start = (input.startDate() != null) ? input.startDate() : current.startDate();
		LocalDate end = (input.endDate() != null) ? input.endDate() : current.endDate();
		new Violations().updatedPeriod(start, end, input.endDate() != null).throwIfAny();
		this.measures.update(current.id(),
				new Inputs.UpdateMeasureInput(current.id(), input.version(), input.category(),
						Violations.strip(input.description()), Violations.strip(input.responsibleDepartment()),
						input.startDate(), input.endDate(), input.amount()));
		return audited(caller, "updateMeasure", current);
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public Measure changeStatus(Caller caller, Inputs.ChangeMeasureStatusInput input) {
		Violations.require(input.status(), "input.status");
		Measure current = lock(caller, input.id(), input.version());
		Violations violations = new Violations();
		if (!current.status().canMoveTo(input.status())) {
			violations.conflict("input.status", "a measure " + current.status() + " cannot become " + input.status()
					+ "; the order is PLANNED → IN_PROGRESS → COMPLETED, or CANCELLED while PLANNED or IN_PROGRESS");
		}
		checkEnd(current.startDate(), input.endDate(), "input.endDate", violations);
		violations.throwIfAny();
		this.measures.updateStatus(current.id(), input.status(), input.endDate());
		return audited(caller, "changeMeasureStatus", current);
	}

	/** The measure as it now is, with the write recorded in the audit trail. */
	private Measure audited(Caller caller, String operation, Measure before) {
		Measure after = this.measures.selectById(before.id());
		this.audit.record(caller, operation, "Measure", before.id(), before, after);
		return after;
	}

	/**
	 * Locks the measure after checking that its household is in the caller's scope (else
	 * NOT_FOUND, as if it did not exist) and, when the caller sent the version it read,
	 * that nobody changed it since.
	 */
	private Measure lock(Caller caller, Long id, Integer expectedVersion) {
		Measure measure = this.measures.lock(Violations.require(id, "input.id"), caller.scope());
		if (measure == null) {
			throw DomainException.notFound("input.id", "measure " + id);
		}
		Violations.notStale(expectedVersion, measure.version(), "measure");
		return measure;
	}

	private static void checkEnd(LocalDate start, LocalDate end, String field, Violations violations) {
		violations.notBefore(end, start, field, "the start date " + start);
	}

}
