package cn.county.platform.household;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Page;
import cn.county.platform.common.PageRequest;
import cn.county.platform.common.PlatformProperties;
import cn.county.platform.common.ResidentIdNumber;
import cn.county.platform.common.Violation;
import cn.county.platform.common.Violations;
import cn.county.platform.region.RegionMapper;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Scope;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households: reads bounded by the caller's scope, and the writes that register a
 * household, change it and move it in and out of monitoring. Each write checks its whole
 * input first, then runs in one transaction; a refusal leaves nothing behind.
 */
@Service
public class HouseholdService {

	private static final Pattern CODE = Pattern.compile("[0-9A-Za-z-]{4,24}");

	/**
	 * The largest income per capita taken, in yuan: a limit of its own, a little below
	 * its DECIMAL(12,2) column's.
	 */
	private static final BigDecimal MAX_INCOME = new BigDecimal("9999999999");

	private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

	private final HouseholdMapper households;

	private final MemberMapper members;

	private final RegionMapper regions;

	private final IdGenerator ids;

	private final Clock clock;

	private final PlatformProperties properties;

	private final AuditTrail audit;

	HouseholdService(HouseholdMapper households, MemberMapper members, RegionMapper regions, IdGenerator ids,
			Clock clock, PlatformProperties properties, AuditTrail audit) {
		this.audit = audit;
		this.households = households;
		this.members = members;
		this.regions = regions;
		this.ids = ids;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * The members of each household, in one statement: the {@code household.members}
	 * batch loader of {@link HouseholdLoaders} and the imports, which run outside
	 * GraphQL, both read them here.
	 */
	public Map<Long, List<Member>> membersOf(Collection<Long> householdIds) {
		if (householdIds.isEmpty()) {
			return Map.of();
		}
		return this.members.selectByHouseholdIds(householdIds)
			.stream()
			.collect(Collectors.groupingBy(Member::householdId));
	}

	public Household byId(Caller caller, long id) {
		return this.households.selectById(id, caller.scope());
	}

	public Household byCode(Caller caller, String code) {
		return this.households.selectByCode(code, caller.scope());
	}

	public Page<Household> page(Caller caller, HouseholdFilter filter, HouseholdOrder order, Integer first,
			String after) {
		HouseholdFilter effective = (filter != null) ? filter : HouseholdFilter.NONE;
		HouseholdOrder sort = (order != null) ? order : HouseholdOrder.DEFAULT;
		PageRequest request = PageRequest.of(first, after, sort.sortKey(), this.properties.maxPageSize());
		List<Household> rows = this.households.selectPage(effective, caller.scope(), sort.field().column(),
				sort.descending(), request.afterValue(sort.field()::parse), request.afterId(), request.limit());
		return Page.of(rows, request, sort.field()::cursorValue, Household::id);
	}

	public long count(Caller caller, HouseholdFilter filter) {
		return this.households.count((filter != null) ? filter : HouseholdFilter.NONE, caller.scope());
	}

	@Transactional
	@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL')")
	public Household create(Caller caller, Inputs.CreateHouseholdInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		Village village = (input.villageCode() != null) ? this.regions.selectVillage(input.villageCode()) : null;
		checkNew(input, village, today, violations);
		violations.throwIfAny();
		if (!caller.scope().covers(village.townCode(), village.code())) {
			throw new DomainException(new Violation("input.villageCode", "is outside the caller's town or village",
					ErrorClassification.FORBIDDEN));
		}
		String code = input.code().strip();
		String headIdNumber = MemberRules.normalizeIdNumber(input.head().idNumber());
		if (this.households.codeExists(code)) {
			violations.conflict("input.code", "is already used by another household");
		}
		if (!this.members.lockHouseholdsByIdNumber(headIdNumber).isEmpty()) {
			violations.conflict("input.head.idNumber", "is already registered in another household");
		}
		violations.throwIfAny();

		long id = this.ids.nextId();
		Household household = newHousehold(id, input, village);
		this.households.insert(household);
		if (input.monitoring() != null) {
			this.households.insertRiskCauses(id, EnumSet.copyOf(input.monitoring().causes()));
		}
		this.members.insert(newMember(id, Relation.HEAD, input.head()));
		Household created = this.households.selectById(id, Scope.COUNTY);
		this.audit.record(caller, "createHousehold", "Household", id, null, created);
		return created;
	}

	/**
	 * Registers an ordinary rural household (一般农户) for a person a line department's
	 * warning names who is not registered yet (item 2), so the screening reaches them:
	 * the same rules as {@link #create}, open to the department officers who send
	 * warnings.
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL', 'DEPARTMENT_OFFICER')")
	public Household registerOrdinary(Caller caller, Inputs.CreateHouseholdInput input) {
		if (input.monitoring() != null || input.category() != HouseholdCategory.ORDINARY) {
			throw DomainException.badRequest("input.category", "must be ORDINARY, without monitoring");
		}
		return create(caller, input);
	}

	@Transactional
	@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL')")
	public Household update(Caller caller, Inputs.UpdateHouseholdInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.optionalText(input.address(), "input.address", 200);
		checkPhone(input.phone(), violations);
		if (input.incomePerCapita() != null || input.incomeYear() != null) {
			checkIncome((input.incomePerCapita() != null) ? input.incomePerCapita() : BigDecimal.ZERO,
					(input.incomeYear() != null) ? input.incomeYear() : today.getYear(), today, violations);
		}
		violations.notFuture(input.housingInspectedOn(), "input.housingInspectedOn", today);
		violations.notFuture(input.waterCheckedOn(), "input.waterCheckedOn", today);
		violations.notFuture(input.screenedOn(), "input.screenedOn", today);
		violations.throwIfAny();
		lock(caller, input.id(), input.version(), "input.id");
		Household before = this.households.selectById(input.id(), Scope.COUNTY);
		refuseDerived(input, before);
		this.households.update(input.id(), input);
		return audited(caller, "updateHousehold", before);
	}

	@Transactional
	@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL')")
	public Household identifyMonitored(Caller caller, Inputs.IdentifyMonitoredInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		checkMonitoring(input.monitoring(), "input.monitoring", today, violations);
		violations.throwIfAny();
		lock(caller, input.householdId(), input.version(), "input.householdId");
		Household household = this.households.selectById(input.householdId(), Scope.COUNTY);
		if (household.isMonitoredAtRisk()) {
			throw DomainException.conflict("input.householdId", "is already monitored and its risk is not eliminated");
		}
		Inputs.MonitoringInput monitoring = input.monitoring();
		if (household.category() == HouseholdCategory.ALLEVIATED && monitoring.type() == MonitoringType.MARGINAL) {
			throw DomainException.conflict("input.monitoring.type",
					"an alleviated household is UNSTABLE_ALLEVIATED or SUDDEN_HARDSHIP, never MARGINAL");
		}
		this.households.updateMonitoring(household.id(), HouseholdCategory.MONITORED, monitoring.type(),
				RiskStatus.NOT_ELIMINATED, null, monitoring.identifiedVia(), monitoring.identifiedOn());
		this.households.deleteRiskCauses(household.id());
		this.households.insertRiskCauses(household.id(), EnumSet.copyOf(monitoring.causes()));
		return audited(caller, "identifyMonitoredHousehold", household);
	}

	@Transactional
	@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL')")
	public Household eliminateRisk(Caller caller, Inputs.EliminateRiskInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(input.eliminatedOn(), "input.eliminatedOn");
		violations.notFuture(input.eliminatedOn(), "input.eliminatedOn", today);
		violations.throwIfAny();
		lock(caller, input.householdId(), input.version(), "input.householdId");
		Household household = this.households.selectById(input.householdId(), Scope.COUNTY);
		DomainException refusal = eliminationRefusal(household, input.eliminatedOn());
		if (refusal != null) {
			throw refusal;
		}
		this.households.updateMonitoring(household.id(), HouseholdCategory.MONITORED, household.monitoringType(),
				RiskStatus.ELIMINATED, input.eliminatedOn(), household.identifiedVia(), household.identifiedOn());
		return audited(caller, "eliminateHouseholdRisk", household);
	}

	/**
	 * Why the household's risk cannot be eliminated on that day, null when it can:
	 * {@link #eliminateRisk} and {@link HouseholdBatch}.
	 */
	static DomainException eliminationRefusal(Household household, LocalDate eliminatedOn) {
		if (household.category() != HouseholdCategory.MONITORED) {
			return DomainException.conflict("input.householdId", "is not a monitored household");
		}
		if (household.riskStatus() == RiskStatus.ELIMINATED) {
			return DomainException.conflict("input.householdId",
					"its risk was already eliminated on " + household.riskEliminatedOn());
		}
		if (household.identifiedOn() != null && eliminatedOn.isBefore(household.identifiedOn())) {
			return DomainException.badRequest("input.eliminatedOn",
					"is before the household was identified (" + household.identifiedOn() + ")");
		}
		return null;
	}

	/**
	 * Reads the household after a write and records the write with the state before it.
	 */
	private Household audited(Caller caller, String operation, Household before) {
		Household after = this.households.selectById(before.id(), Scope.COUNTY);
		this.audit.record(caller, operation, "Household", before.id(), before, after);
		return after;
	}

	/**
	 * Locks the household for this transaction after checking it is in the caller's scope
	 * (else NOT_FOUND, as if it did not exist) and, when the caller sent the version it
	 * read, that nobody changed it since.
	 */
	void lock(Caller caller, Long id, Integer expectedVersion, String field) {
		Integer version = this.households.lockVersion(Violations.require(id, field), caller.scope());
		if (version == null) {
			throw DomainException.notFound(field, "household " + id);
		}
		Violations.notStale(expectedVersion, version, "household");
	}

	/**
	 * The rules of a new household that read no record but its village ({@code null} when
	 * the input names none of the county): {@link #create}, and {@link HouseholdBatch}
	 * for many at once.
	 */
	void checkNew(Inputs.CreateHouseholdInput input, Village village, LocalDate today, Violations violations) {
		String code = (input.code() != null) ? input.code().strip() : null;
		if (code == null || !CODE.matcher(code).matches()) {
			violations.badRequest("input.code", "must be 4 to 24 letters, digits or dashes");
		}
		if (village == null) {
			violations.badRequest("input.villageCode", "is not a village of the county");
		}
		else if (input.townCode() != null && !input.townCode().equals(village.townCode())) {
			violations.badRequest("input.townCode", (this.regions.selectTown(input.townCode()) == null)
					? "is not a town of the county" : "is not the town of village " + village.code());
		}
		violations.text(input.address(), "input.address", 200);
		checkPhone(input.phone(), violations);
		checkIncome(input.incomePerCapita(), input.incomeYear(), today, violations);
		violations.notFuture(input.housingInspectedOn(), "input.housingInspectedOn", today);
		violations.notFuture(input.waterCheckedOn(), "input.waterCheckedOn", today);
		MemberRules.checkNew(input.head(), "input.head", today, violations);
		if (input.monitoring() == null && input.category() == HouseholdCategory.MONITORED) {
			violations.badRequest("input.category", "MONITORED is registered by giving input.monitoring");
		}
		else if (input.monitoring() != null) {
			checkMonitoring(input.monitoring(), "input.monitoring", today, violations);
		}
		if (input.monitoring() != null
				&& (input.category() != null && input.category() != HouseholdCategory.MONITORED)) {
			violations.badRequest("input.category", "a household registered with monitoring is MONITORED");
		}
	}

	/** The row of a new household as {@link #create} registers it. */
	Household newHousehold(long id, Inputs.CreateHouseholdInput input, Village village) {
		String code = input.code().strip();
		String headIdNumber = MemberRules.normalizeIdNumber(input.head().idNumber());
		Inputs.MonitoringInput monitoring = input.monitoring();
		return new Household(id, code, village.townCode(), null, village.code(), null, input.address().strip(),
				input.head().name().strip(), headIdNumber, Violations.blankToNull(input.phone()),
				(monitoring != null) ? HouseholdCategory.MONITORED
						: (input.category() == HouseholdCategory.ORDINARY) ? HouseholdCategory.ORDINARY
								: HouseholdCategory.ALLEVIATED,
				(monitoring != null) ? monitoring.type() : null,
				(monitoring != null) ? RiskStatus.NOT_ELIMINATED : null, null,
				Boolean.TRUE.equals(input.receivesPolicySupport()), List.of(), input.incomePerCapita(),
				input.incomeYear(), Boolean.TRUE.equals(input.minimumAllowance()),
				Boolean.TRUE.equals(input.extremePoverty()), (monitoring != null) ? monitoring.identifiedVia() : null,
				(monitoring != null) ? monitoring.identifiedOn() : null, null, null, null,
				Violations.blankToNull(input.assignedCadre()), input.housingGrade(), input.housingInspectedOn(),
				input.waterSafe(), input.waterCheckedOn(), 0, null);
	}

	Member newMember(long householdId, Relation relation, Inputs.MemberFields fields) {
		String idNumber = MemberRules.normalizeIdNumber(fields.idNumber());
		return new Member(this.ids.nextId(), householdId, null, null, fields.name().strip(), idNumber, relation,
				Gender.valueOf(ResidentIdNumber.gender(idNumber)), ResidentIdNumber.birthDate(idNumber).orElseThrow(),
				fields.schooling(), fields.health(), fields.disabilityGrade(), fields.labourCapacity(),
				Boolean.TRUE.equals(fields.willingToWork()), 0);
	}

	private static void checkPhone(String phone, Violations violations) {
		if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
			violations.badRequest("input.phone", "must be a mobile number (11 digits starting with 1) or a landline");
		}
	}

	private static void checkIncome(BigDecimal income, Integer year, LocalDate today, Violations violations) {
		violations.required(income, "input.incomePerCapita")
			.yuan(income, "input.incomePerCapita", false, MAX_INCOME)
			.required(year, "input.incomeYear")
			.between(year, "input.incomeYear", 2000, today.getYear());
	}

	private static void checkMonitoring(Inputs.MonitoringInput monitoring, String prefix, LocalDate today,
			Violations violations) {
		violations.required(monitoring, prefix);
		if (monitoring == null) {
			return;
		}
		if (monitoring.causes() == null || monitoring.causes().isEmpty()) {
			violations.badRequest(prefix + ".causes", "must name at least one risk cause");
		}
		else if (EnumSet.copyOf(monitoring.causes()).size() != monitoring.causes().size()) {
			violations.badRequest(prefix + ".causes", "must not repeat a cause");
		}
		violations.notFuture(monitoring.identifiedOn(), prefix + ".identifiedOn", today);
	}

	/**
	 * The columns a line department's records set (issue 16) are accepted from
	 * {@code updateHousehold} only while no such record exists: once a household has a
	 * housing inspection, a water supply point or an assistance enrolment, its grade,
	 * water safety or allowance flags follow those records, and a direct value that
	 * differs from theirs is refused with CONFLICT naming the field (record an
	 * inspection, a check or an enrolment instead).
	 */
	private void refuseDerived(Inputs.UpdateHouseholdInput input, Household current) {
		java.util.Map<String, Object> behind = this.households.selectRecordsBehind(input.id());
		Violations violations = new Violations();
		if (flag(behind, "inspected")) {
			derived(violations, input.housingGrade(), current.housingGrade(), "input.housingGrade",
					"the latest housing inspection");
			derived(violations, input.housingInspectedOn(), current.housingInspectedOn(), "input.housingInspectedOn",
					"the latest housing inspection");
		}
		if (flag(behind, "supplied")) {
			derived(violations, input.waterSafe(), current.waterSafe(), "input.waterSafe",
					"the household's water supply point");
			derived(violations, input.waterCheckedOn(), current.waterCheckedOn(), "input.waterCheckedOn",
					"the household's water supply point");
		}
		if (flag(behind, "enrolled")) {
			derived(violations, input.minimumAllowance(), current.minimumAllowance(), "input.minimumAllowance",
					"the household's assistance enrolments");
			derived(violations, input.extremePoverty(), current.extremePoverty(), "input.extremePoverty",
					"the household's assistance enrolments");
		}
		violations.throwIfAny();
	}

	/**
	 * Refuses a value that would change what the records decide; the value they decided,
	 * sent back unchanged (a corrected roster export imported back), is no change.
	 */
	private static void derived(Violations violations, Object value, Object current, String field, String source) {
		if (value != null && !value.equals(current)) {
			violations.conflict(field, "follows " + source + "; it cannot be set directly");
		}
	}

	private static boolean flag(java.util.Map<String, Object> row, String column) {
		if (row == null) {
			return false;
		}
		for (java.util.Map.Entry<String, Object> entry : row.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(column)) {
				return entry.getValue() instanceof Number number && number.intValue() != 0;
			}
		}
		return false;
	}

}
