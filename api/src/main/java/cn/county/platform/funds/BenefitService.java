package cn.county.platform.funds;

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
import cn.county.platform.common.Violation;
import cn.county.platform.common.Violations;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.region.RegionMapper;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who benefits (联农带农, items 12 and 13): what each household received from a project in a
 * year, and each village collective's income by source. Town officials record them in
 * their town, the county office and FINANCE anywhere.
 */
@Service
public class BenefitService {

	static final String WRITERS = ProjectService.MANAGERS + " or hasRole('TOWN_OFFICIAL')";

	private final BenefitMapper benefits;

	private final ProjectMapper projects;

	private final HouseholdMapper households;

	private final RegionMapper regions;

	private final IdGenerator ids;

	private final Clock clock;

	private final AuditTrail audit;

	BenefitService(BenefitMapper benefits, ProjectMapper projects, HouseholdMapper households, RegionMapper regions,
			IdGenerator ids, Clock clock, AuditTrail audit) {
		this.benefits = benefits;
		this.projects = projects;
		this.households = households;
		this.regions = regions;
		this.ids = ids;
		this.clock = clock;
		this.audit = audit;
	}

	/** The benefits of many projects, of households in the caller's scope only. */
	public Map<Long, List<ProjectBenefit>> ofProjects(Caller caller, Collection<Long> projectIds) {
		if (projectIds.isEmpty()) {
			return Map.of();
		}
		return this.benefits.selectByProjectIds(projectIds, ProjectService.scope(caller))
			.stream()
			.collect(Collectors.groupingBy(ProjectBenefit::projectId));
	}

	/** The benefits of many households (each reached through a scoped household). */
	public Map<Long, List<ProjectBenefit>> ofHouseholds(Collection<Long> householdIds) {
		if (householdIds.isEmpty()) {
			return Map.of();
		}
		return this.benefits.selectByHouseholdIds(householdIds)
			.stream()
			.collect(Collectors.groupingBy(ProjectBenefit::householdId));
	}

	@PreAuthorize(ProjectService.READERS)
	public List<CollectiveIncome> collectiveIncome(Caller caller, int year, String villageCode) {
		String town = caller.scope().townCode();
		String village = (caller.scope().villageCode() != null) ? caller.scope().villageCode() : villageCode;
		return this.benefits.selectIncome(year, town, village);
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public ProjectBenefit record(Caller caller, Inputs.RecordBenefitInput input) {
		Violations violations = new Violations();
		violations.required(input.projectId(), "input.projectId").required(input.householdId(), "input.householdId");
		checkYear(input.year(), violations);
		violations.required(input.kind(), "input.kind");
		violations.required(input.amount(), "input.amount")
			.yuan(input.amount(), "input.amount", false, Violations.MAX_YUAN);
		violations.throwIfAny();
		Project project = this.projects.lock(input.projectId(), ProjectService.scope(caller));
		if (project == null) {
			throw DomainException.notFound("input.projectId", "project " + input.projectId());
		}
		if (this.households.lockVersion(input.householdId(), caller.scope()) == null) {
			throw DomainException.notFound("input.householdId", "household " + input.householdId());
		}
		ProjectBenefit benefit = new ProjectBenefit(this.ids.nextId(), project.id(), input.householdId(), input.year(),
				input.kind(), input.amount(), caller.username(), 0, null);
		if (this.benefits.exists(benefit)) {
			throw alreadyRecorded(input);
		}
		try {
			this.benefits.insert(benefit);
		}
		catch (DuplicateKeyException ex) {
			throw alreadyRecorded(input);
		}
		ProjectBenefit recorded = this.benefits.selectById(benefit.id());
		this.audit.record(caller, "recordProjectBenefit", "ProjectBenefit", benefit.id(), null, recorded);
		return recorded;
	}

	/**
	 * Sets a village collective's income for a year and source; a second write for the
	 * same keys replaces the amount, refused when the version it read is stale.
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL')")
	public CollectiveIncome recordIncome(Caller caller, Inputs.RecordCollectiveIncomeInput input) {
		Violations violations = new Violations();
		Village village = (input.villageCode() != null) ? this.regions.selectVillage(input.villageCode()) : null;
		if (village == null) {
			violations.badRequest("input.villageCode", "is not a village of the county");
		}
		checkYear(input.year(), violations);
		violations.required(input.source(), "input.source");
		violations.required(input.amount(), "input.amount")
			.yuan(input.amount(), "input.amount", false, Violations.MAX_YUAN);
		violations.throwIfAny();
		if (!caller.scope().covers(village.townCode(), village.code())) {
			throw new DomainException(
					new Violation("input.villageCode", "is outside the caller's town", ErrorClassification.FORBIDDEN));
		}
		if (input.projectId() != null && this.projects.lock(input.projectId(), ProjectService.scope(caller)) == null) {
			throw DomainException.notFound("input.projectId", "project " + input.projectId());
		}
		CollectiveIncome before = this.benefits.lockIncome(village.code(), input.year(), input.source());
		CollectiveIncome income = new CollectiveIncome(village.code(), null, village.townCode(), input.year(),
				input.source(), input.amount(), input.projectId(), caller.username(), 0, null);
		if (before == null) {
			try {
				this.benefits.insertIncome(income);
			}
			catch (DuplicateKeyException ex) {
				throw DomainException.conflict("input.source", "was just recorded by someone else; read it again");
			}
		}
		else {
			Violations.notStale(input.version(), before.version(), "collective income");
			this.benefits.updateIncome(income);
		}
		CollectiveIncome after = this.benefits.lockIncome(village.code(), input.year(), input.source());
		this.audit.record(caller, "recordCollectiveIncome", "CollectiveIncome", null, before, after);
		return after;
	}

	private void checkYear(Integer year, Violations violations) {
		int last = LocalDate.now(this.clock).getYear() + 1;
		violations.required(year, "input.year").between(year, "input.year", 2000, last);
	}

	private static DomainException alreadyRecorded(Inputs.RecordBenefitInput input) {
		return DomainException.conflict("input.kind", "household " + input.householdId() + " already has a "
				+ input.kind() + " benefit from project " + input.projectId() + " for " + input.year());
	}

}
