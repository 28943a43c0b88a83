package cn.county.platform.measure;

import java.time.Clock;
import java.time.LocalDate;
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
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits of assistance day (item 21). A visit is recorded once and never changed.
 * Recording asks for little, since cadres record from a phone in the village: the
 * household, and whatever else they have.
 */
@Service
public class VisitService {

	private static final String SORT_KEY = "visitedOn:DESC";

	private final VisitMapper visits;

	private final HouseholdMapper households;

	private final IdGenerator ids;

	private final Clock clock;

	private final PlatformProperties properties;

	private final AuditTrail audit;

	VisitService(VisitMapper visits, HouseholdMapper households, IdGenerator ids, Clock clock,
			PlatformProperties properties, AuditTrail audit) {
		this.visits = visits;
		this.households = households;
		this.ids = ids;
		this.clock = clock;
		this.properties = properties;
		this.audit = audit;
	}

	public Page<Visit> page(Caller caller, VisitFilter filter, Integer first, String after) {
		VisitFilter effective = checked(filter);
		PageRequest request = PageRequest.of(first, after, SORT_KEY, this.properties.maxPageSize());
		List<Visit> rows = this.visits.selectPage(effective, caller.scope(), request.afterValue(LocalDate::parse),
				request.afterId(), request.limit());
		return Page.of(rows, request, (row) -> row.visitedOn().toString(), Visit::id);
	}

	public long count(Caller caller, VisitFilter filter) {
		return this.visits.count(checked(filter), caller.scope());
	}

	/** Visits of many households at once, keyed by household id, for the batch loader. */
	public Map<Long, List<Visit>> visitsOf(Collection<Long> householdIds) {
		if (householdIds.isEmpty()) {
			return Map.of();
		}
		return this.visits.selectByHouseholdIds(householdIds)
			.stream()
			.collect(Collectors.groupingBy(Visit::householdId));
	}

	@Transactional
	@PreAuthorize(MeasureService.WRITERS)
	public Visit record(Caller caller, Inputs.RecordVisitInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(input.householdId(), "input.householdId");
		LocalDate visitedOn = (input.visitedOn() != null) ? input.visitedOn() : today;
		violations.notFuture(visitedOn, "input.visitedOn", today);
		if (input.cadre() != null && input.cadre().isBlank()) {
			violations.badRequest("input.cadre", "must not be blank; leave it out to record the caller as the cadre");
		}
		// notes and follow-up may be blank, stored as nothing: only their length is
		// checked
		violations.optionalText(Violations.blankToNull(input.cadre()), "input.cadre", 64)
			.optionalText(Violations.blankToNull(input.notes()), "input.notes", 2000)
			.optionalText(Violations.blankToNull(input.followUp()), "input.followUp", 500)
			.notBefore(input.followUpOn(), visitedOn, "input.followUpOn", "the visit on " + visitedOn);
		violations.throwIfAny();
		if (this.households.lockVersion(input.householdId(), caller.scope()) == null) {
			throw DomainException.notFound("input.householdId", "household " + input.householdId());
		}
		long id = this.ids.nextId();
		String cadre = (input.cadre() != null) ? input.cadre().strip() : caller.username();
		this.visits.insert(new Visit(id, input.householdId(), cadre, visitedOn, Violations.blankToNull(input.notes()),
				Violations.blankToNull(input.followUp()), input.followUpOn(), caller.username(), null));
		Visit recorded = this.visits.selectById(id);
		this.audit.record(caller, "recordVisit", "Visit", id, null, recorded);
		return recorded;
	}

	private static VisitFilter checked(VisitFilter filter) {
		if (filter == null) {
			return VisitFilter.NONE;
		}
		new Violations().notBefore(filter.to(), filter.from(), "filter.to", "filter.from").throwIfAny();
		return filter;
	}

}
