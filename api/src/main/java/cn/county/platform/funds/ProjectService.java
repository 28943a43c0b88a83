package cn.county.platform.funds;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
import cn.county.platform.region.RegionMapper;
import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Role;
import cn.county.platform.security.Scope;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project library of item 19: projects proposed by towns (or the county), reviewed,
 * taken into the library, approved for the year, built, completed, accepted and handed
 * over, one step at a time. The county office and FINANCE manage the library; the owner
 * department records the progress on site of its own projects; town officials propose in
 * their town. Partners and dashboard viewers reach none of it.
 */
@Service
public class ProjectService {

	/**
	 * Who reads projects: everyone but partners and dashboard viewers, in their scope.
	 */
	static final String READERS = "hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL', 'VILLAGE_CADRE', 'DEPARTMENT_OFFICER')";

	/** The county office (rural revitalisation) and the FINANCE department. */
	static final String MANAGERS = "hasRole('COUNTY_ADMIN') or @departments.is(authentication, 'FINANCE')";

	/** Line departments that may own a project (Departments' codes). */
	static final Set<String> DEPARTMENTS = Set.of("HRSS", "FINANCE", "CIVIL_AFFAIRS", "EDUCATION", "HEALTH",
			"MEDICAL_INSURANCE", "HOUSING", "WATER", "DISABLED_FEDERATION", "AGRICULTURE", "COMMERCE");

	private static final String SORT_KEY = "year:DESC";

	private static final int FIRST_YEAR = 2000;

	private final ProjectMapper projects;

	private final RegionMapper regions;

	private final IdGenerator ids;

	private final Clock clock;

	private final PlatformProperties properties;

	private final AuditTrail audit;

	ProjectService(ProjectMapper projects, RegionMapper regions, IdGenerator ids, Clock clock,
			PlatformProperties properties, AuditTrail audit) {
		this.projects = projects;
		this.regions = regions;
		this.ids = ids;
		this.clock = clock;
		this.properties = properties;
		this.audit = audit;
	}

	/**
	 * The rows a caller reaches: its own area; none for partners (their scope is the
	 * county for household lists they are approved for, never for funds).
	 */
	static Scope scope(Caller caller) {
		return caller.has(Role.PARTNER) ? Scope.NOTHING : caller.scope();
	}

	/** The county office or FINANCE. */
	static boolean manages(Caller caller) {
		return caller.has(Role.COUNTY_ADMIN)
				|| (caller.has(Role.DEPARTMENT_OFFICER) && "FINANCE".equals(caller.department()));
	}

	@PreAuthorize(READERS)
	public Page<Project> page(Caller caller, ProjectFilter filter, Integer first, String after) {
		PageRequest request = PageRequest.of(first, after, SORT_KEY, this.properties.maxPageSize());
		List<Project> rows = this.projects.selectPage((filter != null) ? filter : ProjectFilter.NONE, scope(caller),
				request.afterValue(Integer::valueOf), request.afterId(), request.limit());
		return Page.of(rows, request, (row) -> Integer.toString(row.year()), Project::id);
	}

	@PreAuthorize(READERS)
	public long count(Caller caller, ProjectFilter filter) {
		return this.projects.count((filter != null) ? filter : ProjectFilter.NONE, scope(caller));
	}

	/** One project in the caller's scope, or null. */
	@PreAuthorize(READERS)
	public Project project(Caller caller, long id) {
		Project project = this.projects.selectById(id);
		return (project != null && covers(scope(caller), project.townCode(), project.villageCode())) ? project : null;
	}

	/**
	 * Whether a project of this town and village (null for the whole town) is in the
	 * scope; as the mapper's scope, a village cadre reaches the own village's projects
	 * and the own town's town-wide ones.
	 */
	static boolean covers(Scope scope, String townCode, String villageCode) {
		return !scope.none() && (scope.townCode() == null || scope.townCode().equals(townCode))
				&& (scope.villageCode() == null || villageCode == null || scope.villageCode().equals(villageCode));
	}

	/**
	 * Projects by id, for the batch loaders (each already reached through a scoped row).
	 */
	public Map<Long, Project> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.projects.selectByIds(ids).stream().collect(Collectors.toMap(Project::id, Function.identity()));
	}

	@Transactional
	@PreAuthorize(MANAGERS + " or hasRole('TOWN_OFFICIAL')")
	public Project propose(Caller caller, Inputs.ProposeProjectInput input) {
		Violations violations = new Violations();
		checkYear(input.year(), "input.year", violations);
		violations.required(input.name(), "input.name").text(input.name(), "input.name", 200);
		Town town = (input.townCode() != null) ? this.regions.selectTown(input.townCode()) : null;
		if (town == null) {
			violations.badRequest("input.townCode", "is not a town of the county");
		}
		if (input.villageCode() != null) {
			Village village = this.regions.selectVillage(input.villageCode());
			if (village == null) {
				violations.badRequest("input.villageCode", "is not a village of the county");
			}
			else if (town != null && !village.townCode().equals(town.code())) {
				violations.badRequest("input.villageCode", "is not a village of town " + town.code());
			}
		}
		violations.required(input.category(), "input.category");
		violations.required(input.budget(), "input.budget")
			.yuan(input.budget(), "input.budget", true, Violations.MAX_YUAN);
		checkDepartment(input.ownerDepartment(), true, violations);
		violations.required(input.plannedStart(), "input.plannedStart")
			.required(input.plannedEnd(), "input.plannedEnd");
		if (input.plannedStart() != null && input.plannedEnd() != null) {
			violations.notBefore(input.plannedEnd(), input.plannedStart(), "input.plannedEnd", "the planned start");
		}
		violations.throwIfAny();
		if (!covers(scope(caller), town.code(), input.villageCode())) {
			throw new DomainException(
					new Violation("input.townCode", "is outside the caller's town", ErrorClassification.FORBIDDEN));
		}
		long id = this.ids.nextId();
		this.projects.insert(new Project(id, input.year(), input.name().strip(), town.code(), null, input.villageCode(),
				null, input.category(), input.budget(), input.ownerDepartment(), input.plannedStart(),
				input.plannedEnd(), ProjectStatus.PROPOSED, caller.username(), null, null, null, null,
				LocalDate.now(this.clock), BigDecimal.ZERO, BigDecimal.ZERO, 0, null));
		Project proposed = this.projects.selectById(id);
		this.audit.record(caller, "proposeProject", "Project", id, null, proposed);
		return proposed;
	}

	@Transactional
	@PreAuthorize(MANAGERS)
	public Project update(Caller caller, Inputs.UpdateProjectInput input) {
		Violations violations = new Violations();
		violations.optionalText(input.name(), "input.name", 200);
		violations.yuan(input.budget(), "input.budget", true, Violations.MAX_YUAN);
		checkDepartment(input.ownerDepartment(), false, violations);
		violations.throwIfAny();
		Project current = lock(caller, input.id(), input.version());
		LocalDate start = (input.plannedStart() != null) ? input.plannedStart() : current.plannedStart();
		LocalDate end = (input.plannedEnd() != null) ? input.plannedEnd() : current.plannedEnd();
		if (end.isBefore(start)) {
			throw DomainException.badRequest("input.plannedEnd", "must not be before the planned start " + start);
		}
		this.projects.update(current.id(), input);
		return audited(caller, "updateProject", current);
	}

	/**
	 * Moves a project one step on in its life cycle. Reaching REVIEWED or REJECTED is the
	 * review: who, when and the verdict are recorded. Managers make every move; the owner
	 * department only the progress on site (UNDER_CONSTRUCTION, COMPLETED) of its own
	 * projects.
	 */
	@Transactional
	@PreAuthorize(MANAGERS + " or hasRole('DEPARTMENT_OFFICER')")
	public Project changeStatus(Caller caller, Inputs.ChangeProjectStatusInput input) {
		Violations violations = new Violations();
		violations.required(input.status(), "input.status").optionalText(input.note(), "input.note", 500);
		violations.throwIfAny();
		Project current = lock(caller, input.id(), input.version());
		if (!manages(caller)) {
			if (!current.ownerDepartment().equals(caller.department())) {
				throw new DomainException(new Violation("input.id",
						"is a project of " + current.ownerDepartment() + ", not of the caller's department",
						ErrorClassification.FORBIDDEN));
			}
			if (!ProjectStatus.PROGRESS.contains(input.status())) {
				throw new DomainException(new Violation("input.status",
						"only the county office and FINANCE move a project to " + input.status(),
						ErrorClassification.FORBIDDEN));
			}
		}
		if (!current.status().canMoveTo(input.status())) {
			throw DomainException.conflict("input.status",
					"a project " + current.status() + " cannot become " + input.status()
							+ "; the order is PROPOSED → REVIEWED (or REJECTED) → IN_LIBRARY → APPROVED →"
							+ " UNDER_CONSTRUCTION → COMPLETED → ACCEPTED → HANDED_OVER");
		}
		ReviewVerdict verdict = !input.status().isReview() ? null
				: (input.status() == ProjectStatus.REVIEWED) ? ReviewVerdict.PASSED : ReviewVerdict.REJECTED;
		this.projects.updateStatus(current.id(), input.status(), LocalDate.now(this.clock), caller.username(), verdict,
				Violations.blankToNull(input.note()));
		return audited(caller, "changeProjectStatus", current);
	}

	/** The project as it now is, with the write recorded in the audit trail. */
	Project audited(Caller caller, String operation, Project before) {
		Project after = this.projects.selectById(before.id());
		this.audit.record(caller, operation, "Project", before.id(), before, after);
		return after;
	}

	/**
	 * Locks the project after checking it is in the caller's scope (else NOT_FOUND, as if
	 * it did not exist) and, when the caller sent the version it read, that nobody
	 * changed it since.
	 */
	private Project lock(Caller caller, Long id, Integer expectedVersion) {
		Project project = this.projects.lock(Violations.require(id, "input.id"), scope(caller));
		if (project == null) {
			throw DomainException.notFound("input.id", "project " + id);
		}
		Violations.notStale(expectedVersion, project.version(), "project");
		return project;
	}

	private void checkYear(Integer year, String field, Violations violations) {
		int last = LocalDate.now(this.clock).getYear() + 1;
		violations.required(year, field).between(year, field, FIRST_YEAR, last);
	}

	private static void checkDepartment(String department, boolean required, Violations violations) {
		if (required) {
			violations.required(department, "input.ownerDepartment");
		}
		if (department != null && !DEPARTMENTS.contains(department)) {
			violations.badRequest("input.ownerDepartment", "is not a department code (" + DEPARTMENTS + ")");
		}
	}

}
