package cn.county.platform.water;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.Batches;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Violations;
import cn.county.platform.household.RecordTarget;
import cn.county.platform.region.RegionMapper;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safe drinking water (item 9): supply points per village, their monthly facility checks
 * and twice-yearly water-quality tests, and the households each point serves.
 * <p>
 * State is derived, in the writing transaction: a point is safe when the newest facility
 * check and the newest quality test (those it has) both passed, and its households'
 * {@code waterSafe} and {@code waterCheckedOn} are the point's safety and newest facility
 * check. A household without a point keeps the values it was registered or imported with.
 */
@Service
public class WaterService {

	/**
	 * Points and their households: the county, town officials in their town and WATER.
	 */
	static final String KEEPERS = "hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL')"
			+ " or @departments.is(authentication, 'WATER')";

	/** Checks and tests: the keepers, and village cadres in their village. */
	static final String CHECKERS = "hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL', 'VILLAGE_CADRE')"
			+ " or @departments.is(authentication, 'WATER')";

	static final String POINT = "WaterSupplyPoint";

	private static final int MAX_LINKED = 500;

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private final WaterMapper water;

	private final RegionMapper regions;

	private final IdGenerator ids;

	private final Clock clock;

	private final AuditTrail audit;

	WaterService(WaterMapper water, RegionMapper regions, IdGenerator ids, Clock clock, AuditTrail audit) {
		this.water = water;
		this.regions = regions;
		this.ids = ids;
		this.clock = clock;
		this.audit = audit;
	}

	public List<WaterSupplyPoint> pointsOf(Caller caller, String villageCode) {
		return this.water.selectByVillage(villageCode, caller.scope());
	}

	public Map<Long, List<WaterCheck>> checksOf(Collection<Long> pointIds) {
		return this.water.selectChecks(pointIds).stream().collect(Collectors.groupingBy(WaterCheck::pointId));
	}

	/**
	 * Each household's supply point, keyed by household id (households without one left
	 * out).
	 */
	public Map<Long, WaterSupplyPoint> pointsOfHouseholds(Collection<Long> householdIds) {
		List<Map<String, Object>> links = this.water.selectPointIdsOfHouseholds(householdIds);
		if (links.isEmpty()) {
			return Map.of();
		}
		Map<Long, WaterSupplyPoint> points = Batches.byId(
				this.water.selectByIds(
						links.stream().map((link) -> ((Number) link.get("point_id")).longValue()).distinct().toList()),
				WaterSupplyPoint::id);
		return links.stream()
			.collect(Collectors.toMap((link) -> ((Number) link.get("household_id")).longValue(),
					(link) -> points.get(((Number) link.get("point_id")).longValue())));
	}

	@Transactional
	@PreAuthorize(KEEPERS)
	public WaterSupplyPoint register(Caller caller, Inputs.RegisterWaterSupplyPointInput input) {
		Violations violations = new Violations();
		Village village = (input.villageCode() != null) ? this.regions.selectVillage(input.villageCode()) : null;
		if (village == null) {
			violations.badRequest("input.villageCode", "is not a village of the county");
		}
		violations.text(input.name(), "input.name", 100).required(input.kind(), "input.kind");
		violations.required(input.populationServed(), "input.populationServed")
			.between(input.populationServed(), "input.populationServed", 0, 1_000_000);
		violations.throwIfAny();
		RecordTarget.requireInScope(caller, village.townCode(), village.code(), "input.villageCode");
		long id = this.ids.nextId();
		this.water.insert(new WaterSupplyPoint(id, village.townCode(), village.code(), Violations.strip(input.name()),
				input.kind(), input.populationServed(), null, null, null, caller.username(), 0, null));
		WaterSupplyPoint registered = this.water.selectById(id);
		this.audit.record(caller, "registerWaterSupplyPoint", POINT, id, null, registered);
		return registered;
	}

	@Transactional
	@PreAuthorize(CHECKERS)
	public WaterCheck recordCheck(Caller caller, Inputs.RecordWaterCheckInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(input.pointId(), "input.pointId").required(input.kind(), "input.kind");
		violations.required(input.checkedOn(), "input.checkedOn")
			.notFuture(input.checkedOn(), "input.checkedOn", today)
			.notBefore(input.checkedOn(), EARLIEST, "input.checkedOn", EARLIEST.toString());
		violations.required(input.passed(), "input.passed").optionalText(input.findings(), "input.findings", 500);
		violations.throwIfAny();
		WaterSupplyPoint point = lock(caller, input.pointId(), null, "input.pointId");
		long id = this.ids.nextId();
		this.water.insertCheck(new WaterCheck(id, point.id(), point.townCode(), input.kind(), input.checkedOn(),
				input.passed(), Violations.blankToNull(input.findings()), caller.username(), null));
		derive(point.id());
		WaterCheck recorded = this.water.selectCheck(id);
		this.audit.record(caller, "recordWaterCheck", "WaterCheck", id, null, recorded);
		return recorded;
	}

	@Transactional
	@PreAuthorize(KEEPERS)
	public WaterSupplyPoint link(Caller caller, Inputs.LinkHouseholdsToWaterPointInput input) {
		Violations violations = new Violations();
		if (input.householdIds() == null || input.householdIds().isEmpty()) {
			violations.badRequest("input.householdIds", "must name at least one household");
		}
		else if (input.householdIds().size() > MAX_LINKED) {
			violations.badRequest("input.householdIds", "must name at most " + MAX_LINKED + " households");
		}
		violations.throwIfAny();
		WaterSupplyPoint point = lock(caller, input.pointId(), input.version(), "input.pointId");
		Set<Long> ids = new LinkedHashSet<>(input.householdIds());
		Map<Long, String> villages = this.water.selectHouseholdVillages(ids)
			.stream()
			.collect(Collectors.toMap((row) -> ((Number) row.get("id")).longValue(),
					(row) -> (String) row.get("village_code")));
		List<Long> householdIds = new ArrayList<>(input.householdIds());
		for (int i = 0; i < householdIds.size(); i++) {
			String village = villages.get(householdIds.get(i));
			if (village == null) {
				violations.add(new cn.county.platform.common.Violation("input.householdIds[" + i + "]",
						"household " + householdIds.get(i) + " not found",
						cn.county.platform.common.ErrorClassification.NOT_FOUND));
			}
			else if (!village.equals(point.villageCode())) {
				violations.badRequest("input.householdIds[" + i + "]",
						"is not in the point's village " + point.villageCode());
			}
		}
		violations.throwIfAny();
		this.water.lockHouseholds(ids);
		this.water.linkHouseholds(point.id(), ids);
		this.water.deriveHouseholds(point.id());
		this.water.touch(point.id());
		WaterSupplyPoint after = this.water.selectById(point.id());
		this.audit.record(caller, "linkHouseholdsToWaterPoint", POINT, point.id(), point, after);
		return after;
	}

	/**
	 * The point's state from its newest check and test, then its households' from the
	 * point's.
	 */
	private void derive(long pointId) {
		WaterCheck check = this.water.selectNewest(pointId, WaterCheckKind.FACILITY_CHECK);
		WaterCheck test = this.water.selectNewest(pointId, WaterCheckKind.QUALITY_TEST);
		Boolean safe = (check == null && test == null) ? null
				: (check == null || check.passed()) && (test == null || test.passed());
		this.water.updatePointState(pointId, safe, (check != null) ? check.checkedOn() : null,
				(test != null) ? test.checkedOn() : null);
		this.water.deriveHouseholds(pointId);
	}

	/**
	 * Locks the point: NOT_FOUND when absent, FORBIDDEN outside the caller's town or
	 * village, CONFLICT when the version sent is stale.
	 */
	private WaterSupplyPoint lock(Caller caller, Long id, Integer version, String field) {
		long pointId = Violations.require(id, field);
		WaterSupplyPoint found = this.water.selectById(pointId);
		if (found == null) {
			throw DomainException.notFound(field, "water supply point " + pointId);
		}
		RecordTarget.requireInScope(caller, found.townCode(), found.villageCode(), field);
		WaterSupplyPoint point = this.water.lock(pointId);
		Violations.notStale(version, point.version(), "water supply point");
		return point;
	}

}
