package cn.county.platform.courtyard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Page;
import cn.county.platform.common.PageRequest;
import cn.county.platform.common.PlatformProperties;
import cn.county.platform.common.Violation;
import cn.county.platform.common.Violations;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.region.RegionMapper;
import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The courtyard economy of item 14: demonstration households, one record per household
 * and year, moving from candidate to approved or revoked; and each town's demonstration
 * village, one per town and year. Each write checks its whole input first and writes in
 * one transaction; the unique keys settle a race the checks cannot see.
 */
@Service
public class CourtyardService {

	/**
	 * The county, town officials within their town (the scope checks see to that) and the
	 * agriculture bureau.
	 */
	static final String WRITERS = "hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL')"
			+ " or @departments.is(authentication, 'AGRICULTURE')";

	private static final String SORT_KEY = "year:DESC";

	private static final BigDecimal MAX_AREA = new BigDecimal("99999999.99");

	private static final int FIRST_YEAR = 2000;

	private final CourtyardHouseholdMapper records;

	private final DemonstrationVillageMapper villages;

	private final HouseholdMapper households;

	private final RegionMapper regions;

	private final IdGenerator ids;

	private final Clock clock;

	private final PlatformProperties properties;

	private final AuditTrail audit;

	CourtyardService(CourtyardHouseholdMapper records, DemonstrationVillageMapper villages, HouseholdMapper households,
			RegionMapper regions, IdGenerator ids, Clock clock, PlatformProperties properties, AuditTrail audit) {
		this.audit = audit;
		this.records = records;
		this.villages = villages;
		this.households = households;
		this.regions = regions;
		this.ids = ids;
		this.clock = clock;
		this.properties = properties;
	}

	public Page<CourtyardHousehold> page(Caller caller, CourtyardFilter filter, Integer first, String after) {
		PageRequest request = PageRequest.of(first, after, SORT_KEY, this.properties.maxPageSize());
		List<CourtyardHousehold> rows = this.records.selectPage((filter != null) ? filter : CourtyardFilter.NONE,
				caller.scope(), request.afterValue(Integer::valueOf), request.afterId(), request.limit());
		return Page.of(rows, request, (row) -> Integer.toString(row.year()), CourtyardHousehold::id);
	}

	public long count(Caller caller, CourtyardFilter filter) {
		return this.records.count((filter != null) ? filter : CourtyardFilter.NONE, caller.scope());
	}

	/**
	 * Records of many households at once, keyed by household id, for the batch loader.
	 */
	public Map<Long, List<CourtyardHousehold>> recordsOf(Collection<Long> householdIds) {
		if (householdIds.isEmpty()) {
			return Map.of();
		}
		return this.records.selectByHouseholdIds(householdIds)
			.stream()
			.collect(Collectors.groupingBy(CourtyardHousehold::householdId));
	}

	public List<DemonstrationVillage> demonstrationVillages(int year) {
		return this.villages.selectByYear(year);
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public CourtyardHousehold nominate(Caller caller, Inputs.NominateCourtyardInput input) {
		Violations violations = new Violations();
		violations.required(input.householdId(), "input.householdId");
		checkYear(input.year(), "input.year", violations);
		violations.required(input.category(), "input.category").required(input.area(), "input.area");
		checkArea(input.area(), "input.area", violations);
		violations.required(input.income(), "input.income")
			.yuan(input.income(), "input.income", false, Violations.MAX_YUAN);
		violations.throwIfAny();
		if (this.households.lockVersion(input.householdId(), caller.scope()) == null) {
			throw DomainException.notFound("input.householdId", "household " + input.householdId());
		}
		if (this.records.exists(input.householdId(), input.year())) {
			throw alreadyNominated(input);
		}
		long id = this.ids.nextId();
		try {
			this.records.insert(new CourtyardHousehold(id, input.householdId(), input.year(), input.category(),
					CourtyardStatus.CANDIDATE, input.area(), input.income(), caller.username(), null, null, 0, null));
		}
		catch (DuplicateKeyException ex) {
			throw alreadyNominated(input);
		}
		CourtyardHousehold nominated = this.records.selectById(id);
		this.audit.record(caller, "nominateCourtyardHousehold", "CourtyardHousehold", id, null, nominated);
		return nominated;
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public CourtyardHousehold update(Caller caller, Inputs.UpdateCourtyardInput input) {
		Violations violations = new Violations();
		checkArea(input.area(), "input.area", violations);
		violations.yuan(input.income(), "input.income", false, Violations.MAX_YUAN);
		violations.throwIfAny();
		CourtyardHousehold current = lock(caller, input.id(), input.version());
		this.records.update(current.id(), input);
		return audited(caller, "updateCourtyardHousehold", current);
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public CourtyardHousehold changeStatus(Caller caller, Inputs.ChangeCourtyardStatusInput input) {
		Violations.require(input.status(), "input.status");
		CourtyardHousehold current = lock(caller, input.id(), input.version());
		if (!current.status().canMoveTo(input.status())) {
			throw DomainException.conflict("input.status", "a record " + current.status() + " cannot become "
					+ input.status() + "; the order is CANDIDATE → APPROVED → REVOKED, or CANDIDATE → REVOKED");
		}
		this.records.updateStatus(current.id(), input.status(), caller.username(), LocalDate.now(this.clock));
		return audited(caller, "changeCourtyardStatus", current);
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public DemonstrationVillage designate(Caller caller, Inputs.DesignateDemonstrationVillageInput input) {
		Violations violations = new Violations();
		Town town = (input.townCode() != null) ? this.regions.selectTown(input.townCode()) : null;
		if (town == null) {
			violations.badRequest("input.townCode", "is not a town of the county");
		}
		Village village = (input.villageCode() != null) ? this.regions.selectVillage(input.villageCode()) : null;
		if (village == null) {
			violations.badRequest("input.villageCode", "is not a village of the county");
		}
		else if (town != null && !village.townCode().equals(town.code())) {
			violations.badRequest("input.villageCode", "is not a village of town " + town.code());
		}
		checkYear(input.year(), "input.year", violations);
		violations.throwIfAny();
		if (!caller.scope().covers(town.code(), village.code())) {
			throw new DomainException(
					new Violation("input.townCode", "is outside the caller's town", ErrorClassification.FORBIDDEN));
		}
		DemonstrationVillage existing = this.villages.selectOne(town.code(), input.year());
		if (existing != null) {
			throw DomainException.conflict("input.townCode", "town " + town.code() + " already designated "
					+ existing.villageName() + " (" + existing.villageCode() + ") for " + input.year());
		}
		try {
			this.villages.insert(town.code(), input.year(), village.code(), caller.username());
		}
		catch (DuplicateKeyException ex) {
			// designated concurrently, after the check above; this transaction's snapshot
			// cannot see which village
			throw DomainException.conflict("input.townCode",
					"town " + town.code() + " has just designated a village for " + input.year());
		}
		DemonstrationVillage designated = this.villages.selectOne(town.code(), input.year());
		// keyed by town and year, not by an id: the audit entry has no entity id and says
		// which in its state
		this.audit.record(caller, "designateDemonstrationVillage", "DemonstrationVillage", null, null, designated);
		return designated;
	}

	/** The record as it now is, with the write recorded in the audit trail. */
	private CourtyardHousehold audited(Caller caller, String operation, CourtyardHousehold before) {
		CourtyardHousehold after = this.records.selectById(before.id());
		this.audit.record(caller, operation, "CourtyardHousehold", before.id(), before, after);
		return after;
	}

	/**
	 * Locks the record after checking that its household is in the caller's scope (else
	 * NOT_FOUND, as if it did not exist) and, when the caller sent the version it read,
	 * that nobody changed it since.
	 */
	private CourtyardHousehold lock(Caller caller, Long id, Integer expectedVersion) {
		CourtyardHousehold record = this.records.lock(Violations.require(id, "input.id"), caller.scope());
		if (record == null) {
			throw DomainException.notFound("input.id", "courtyard record " + id);
		}
		Violations.notStale(expectedVersion, record.version(), "record");
		return record;
	}

	private void checkYear(Integer year, String field, Violations violations) {
		int last = LocalDate.now(this.clock).getYear() + 1;
		violations.required(year, field).between(year, field, FIRST_YEAR, last);
	}

	/**
	 * Square metres, more than zero; this feature alone says "must be positive" for a
	 * value not above zero.
	 */
	private static void checkArea(BigDecimal area, String field, Violations violations) {
		if (area != null && area.signum() <= 0) {
			violations.badRequest(field, "must be positive");
		}
		else {
			violations.decimal(area, field, true, 2, MAX_AREA, "must be square metres with at most 2 decimals");
		}
	}

	private static DomainException alreadyNominated(Inputs.NominateCourtyardInput input) {
		return DomainException.conflict("input.year",
				"household " + input.householdId() + " already has a courtyard record for " + input.year());
	}

}
