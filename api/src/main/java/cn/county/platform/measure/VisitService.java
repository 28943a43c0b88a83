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
 * Visits of assistance day (item 21). A visit is recorded once and never changed. Recording asks for little, since
 * cadres record from a phone in the village: the household, and whatever else they have.
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
		if (input.householdId() == null) {
			violations.badRequest("input.householdId", "is required");
		}
		LocalDate visitedOn = (input.visitedOn() != null) ? input.visitedOn() : today;
		if (visitedOn.isAfter(today)) {
			violations.badRequest("input.visitedOn", "must not be in the future");
		}
		if (input.cadre() != null && input.cadre().isBlank()) {
			violations.badRequest("input.cadre", "must not be blank; leave it out to record the caller as the cadre");
		}
		checkLength(input.cadre(), "input.cadre", 64, violations);
		checkLength(input.notes(), "input.notes", 2000, violations);
		checkLength(input.followUp(), "input.followUp", 500, violations);
		if (input.followUpOn() != null && input.followUpOn().isBefore(visitedOn)) {
			violations.badRequest("input.followUpOn", "must not be before the visit on " + visitedOn);
		}
		violations.throwIfAny();
		if (this.households.lockVersion(input.householdId(), caller.scope()) == null) {
			throw DomainException.notFound("input.householdId", "household " + input.householdId());
		}
		long id = this.ids.nextId();
		String cadre = (input.cadre() != null) ? input.cadre().strip() : caller.username();
		this.visits.insert(new Visit(id, input.householdId(), cadre, visitedOn, blankToNull(input.notes()),
				blankToNull(input.followUp()), input.followUpOn(), caller.username(), null));
		Visit recorded = this.visits.selectById(id);
		this.audit.record(caller, "recordVisit", "Visit", id, null, recorded);
		return recorded;
	}

	private static VisitFilter checked(VisitFilter filter) {
		if (filter == null) {
			return VisitFilter.NONE;
		}
		if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
			throw DomainException.badRequest("filter.to", "must not be before filter.from");
		}
		return filter;
	}

	private static void checkLength(String value, String field, int maxLength, Violations violations) {
		if (value != null && value.strip().length() > maxLength) {
			violations.badRequest(field, "must be at most " + maxLength + " characters");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
