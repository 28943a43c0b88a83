package cn.county.platform.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Violations;
import cn.county.platform.household.RecordTarget;
import cn.county.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Housing safety (item 8): every inspection as a record, and the renovation projects of
 * the six priority groups with their state.
 * <p>
 * The household's {@code housingGrade} and {@code housingInspectedOn} are derived: each
 * inspection recorded sets them, in its own transaction, from the household's latest
 * inspection (latest day, then the later recorded), so a late entry of an older
 * inspection leaves them as they were.
 */
@Service
public class HousingService {

	/**
	 * Inspections: the county, town officials in their town, village cadres in their
	 * village (they inspect on their visits) and the HOUSING department county-wide.
	 */
	static final String INSPECTORS = "hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL', 'VILLAGE_CADRE')"
			+ " or @departments.is(authentication, 'HOUSING')";

	/** Renovation projects: the county, town officials in their town and HOUSING. */
	static final String RENOVATORS = "hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL')"
			+ " or @departments.is(authentication, 'HOUSING')";

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private final HousingMapper housing;

	private final RecordTarget targets;

	private final IdGenerator ids;

	private final Clock clock;

	private final AuditTrail audit;

	HousingService(HousingMapper housing, RecordTarget targets, IdGenerator ids, Clock clock, AuditTrail audit) {
		this.housing = housing;
		this.targets = targets;
		this.ids = ids;
		this.clock = clock;
		this.audit = audit;
	}

	public Map<Long, List<HousingInspection>> inspectionsOf(Collection<Long> householdIds) {
		return this.housing.selectInspections(householdIds)
			.stream()
			.collect(Collectors.groupingBy(HousingInspection::householdId));
	}

	public Map<Long, List<RenovationProject>> projectsOf(Collection<Long> householdIds) {
		return this.housing.selectProjects(householdIds)
			.stream()
			.collect(Collectors.groupingBy(RenovationProject::householdId));
	}

	@Transactional
	@PreAuthorize(INSPECTORS)
	public HousingInspection recordInspection(Caller caller, Inputs.RecordHousingInspectionInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(input.householdId(), "input.householdId");
		violations.required(input.inspectedOn(), "input.inspectedOn")
			.notFuture(input.inspectedOn(), "input.inspectedOn", today)
			.notBefore(input.inspectedOn(), EARLIEST, "input.inspectedOn", EARLIEST.toString());
		violations.text(input.inspector(), "input.inspector", 64).required(input.grade(), "input.grade");
		violations.optionalText(input.findings(), "input.findings", 500);
		violations.throwIfAny();
		this.targets.lock(caller, input.householdId(), "input.householdId");
		long id = this.ids.nextId();
		this.housing.insertInspection(
				new HousingInspection(id, input.householdId(), input.inspectedOn(), Violations.strip(input.inspector()),
						input.grade(), Violations.blankToNull(input.findings()), caller.username(), null));
		HousingInspection latest = this.housing.selectLatestInspection(input.householdId());
		this.housing.deriveHouseholdGrade(input.householdId(), latest.grade(), latest.inspectedOn());
		HousingInspection recorded = this.housing.selectInspection(id);
		this.audit.record(caller, "recordHousingInspection", "HousingInspection", id, null, recorded);
		return recorded;
	}

	@Transactional
	@PreAuthorize(RENOVATORS)
	public RenovationProject planRenovation(Caller caller, Inputs.PlanRenovationInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(input.householdId(), "input.householdId")
			.required(input.priorityGroup(), "input.priorityGroup");
		violations.text(input.description(), "input.description", 200);
		violations.required(input.plannedOn(), "input.plannedOn")
			.notFuture(input.plannedOn(), "input.plannedOn", today)
			.notBefore(input.plannedOn(), EARLIEST, "input.plannedOn", EARLIEST.toString());
		violations.yuan(input.subsidy(), "input.subsidy", false, Violations.MAX_YUAN);
		violations.throwIfAny();
		this.targets.lock(caller, input.householdId(), "input.householdId");
		if (this.housing.countOpenProjects(input.householdId()) > 0) {
			throw DomainException.conflict("input.householdId",
					"household " + input.householdId() + " already has an open renovation project");
		}
		long id = this.ids.nextId();
		this.housing.insertProject(new RenovationProject(id, input.householdId(), input.priorityGroup(),
				RenovationStatus.PLANNED, Violations.strip(input.description()), input.subsidy(), input.plannedOn(),
				input.plannedOn(), caller.username(), null, caller.username(), 0, null));
		RenovationProject planned = this.housing.selectProject(id);
		this.audit.record(caller, "planRenovation", "RenovationProject", id, null, planned);
		return planned;
	}

	@Transactional
	@PreAuthorize(RENOVATORS)
	public RenovationProject changeStatus(Caller caller, Inputs.ChangeRenovationStatusInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(input.status(), "input.status").notFuture(input.on(), "input.on", today);
		violations.yuan(input.subsidy(), "input.subsidy", false, Violations.MAX_YUAN);
		violations.throwIfAny();
		long id = Violations.require(input.id(), "input.id");
		RenovationProject found = this.housing.selectProject(id);
		if (found == null) {
			throw DomainException.notFound("input.id", "renovation project " + id);
		}
		this.targets.lock(caller, found.householdId(), "input.id");
		RenovationProject current = this.housing.lockProject(id);
		Violations.notStale(input.version(), current.version(), "renovation project");
		if (!current.status().canMoveTo(input.status())) {
			throw DomainException.conflict("input.status",
					"a project " + current.status() + " cannot become " + input.status()
							+ "; the order is PLANNED → APPROVED → UNDER_CONSTRUCTION → COMPLETED,"
							+ " or any open status → CANCELLED");
		}
		LocalDate on = (input.on() != null) ? input.on() : today;
		if (on.isBefore(current.statusOn())) {
			throw DomainException.badRequest("input.on",
					"must not be before the project's last change (" + current.statusOn() + ")");
		}
		this.housing.updateProjectStatus(id, input.status(), on, caller.username(), input.subsidy());
		RenovationProject after = this.housing.selectProject(id);
		this.audit.record(caller, "changeRenovationStatus", "RenovationProject", id, current, after);
		return after;
	}

}
