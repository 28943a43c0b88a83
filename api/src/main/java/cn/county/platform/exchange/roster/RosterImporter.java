package cn.county.platform.exchange.roster;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.Violation;
import cn.county.platform.exchange.imports.Cells;
import cn.county.platform.exchange.imports.ImportKind;
import cn.county.platform.exchange.imports.ImportProperties;
import cn.county.platform.exchange.imports.ImportRun;
import cn.county.platform.exchange.imports.ImportTransactions;
import cn.county.platform.exchange.imports.Importer;
import cn.county.platform.exchange.sheet.SheetReader.Row;
import cn.county.platform.household.Gender;
import cn.county.platform.household.Health;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdBatch;
import cn.county.platform.household.HouseholdCategory;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.household.HouseholdService;
import cn.county.platform.household.HousingGrade;
import cn.county.platform.household.Inputs;
import cn.county.platform.household.LabourCapacity;
import cn.county.platform.household.Member;
import cn.county.platform.household.MemberService;
import cn.county.platform.household.Relation;
import cn.county.platform.household.RiskCause;
import cn.county.platform.household.RiskStatus;
import cn.county.platform.household.Schooling;
import cn.county.platform.plan.Plan;
import cn.county.platform.region.RegionMapper;
import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Role;
import cn.county.platform.security.Scope;

import org.springframework.stereotype.Component;

/**
 * The household roster import (item 1). Rows of one household (the same 户编号, one after
 * another as the national export lists them) are one unit: the household is created, or
 * its changed fields updated, through {@link HouseholdService} and {@link MemberService},
 * so every row meets the rules, the scope checks, the audit trail and the dashboard
 * versions of the mutations; members are matched by ID number. What already matches is
 * not written, so the same file twice changes nothing. Members the file does not list are
 * kept (an import never removes anyone), and a blank cell keeps the stored value.
 */
@Component
class RosterImporter implements Importer {

	private static final String WHOLE_HOUSEHOLD_REFUSED = "同户其他行被拒绝，整户未写入（another row of this household was refused: nothing of the household is written）";

	static final String MASKED_NEW_MEMBER = "为脱敏值，不能据此登记新成员：请填写完整证件号码"
			+ "（a masked ID number cannot register a member: give the full number）";

	static final String MASKED_UNKNOWN = "为脱敏值，且本户已登记成员中没有唯一一位同名且号码相符的成员：请填写完整证件号码"
			+ "（a masked ID number that fits no single registered member of that name in this household: give the full number）";

	private final HouseholdService households;

	private final HouseholdBatch batch;

	private final MemberService members;

	private final HouseholdMapper householdRows;

	private final RegionMapper regions;

	private final ImportTransactions transactions;

	private final ImportProperties imports;

	private final RosterProperties properties;

	private final Clock clock;

	private final Plan plan;

	RosterImporter(HouseholdService households, HouseholdBatch batch, MemberService members,
			HouseholdMapper householdRows, RegionMapper regions, ImportTransactions transactions,
			ImportProperties imports, RosterProperties properties, Clock clock, Plan plan) {
		this.households = households;
		this.batch = batch;
		this.members = members;
		this.householdRows = householdRows;
		this.regions = regions;
		this.transactions = transactions;
		this.imports = imports;
		this.properties = properties;
		this.clock = clock;
		this.plan = plan;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.ROSTER;
	}

	@Override
	public List<RosterColumn> columns() {
		return Arrays.asList(RosterColumn.values());
	}

	@Override
	public Map<String, String> configuredHeaders() {
		return this.properties.headers();
	}

	@Override
	public void authorize(Caller caller) {
		if (!caller.has(Role.COUNTY_ADMIN) && !caller.has(Role.TOWN_OFFICIAL)) {
			throw new DomainException(
					new Violation("kind", "只有县级管理员和乡镇干部可导入花名册（only county admins and town officials import the roster）",
							ErrorClassification.FORBIDDEN));
		}
	}

	@Override
	public Sink open(ImportRun run) {
		return new RosterSink(run);
	}

	/** One household's rows and, once read, what they say. */
	private static final class Unit {

		final String code;

		final List<Row> rows = new ArrayList<>();

		final Map<Row, Map<RosterColumn, String>> problems = new LinkedHashMap<>();

		Row head;

		Town town;

		Village village;

		/**
		 * The row whose write is under way, to which a refusal of the services belongs.
		 */
		Row current;

		int created;

		int updated;

		Unit(String code) {
			this.code = code;
		}

		void problem(Row row, RosterColumn column, String reason) {
			this.problems.computeIfAbsent(row, (key) -> new LinkedHashMap<>()).putIfAbsent(column, reason);
		}

	}

	private final class RosterSink implements Sink {

		private final ImportRun run;

		private final Caller caller;

		private final Map<String, Town> towns = new HashMap<>();

		private final Map<String, Village> villages = new HashMap<>();

		private final List<Unit> chunk = new ArrayList<>();

		private final LocalDate today;

		private Unit open;

		RosterSink(ImportRun run) {
			this.run = run;
			this.caller = run.caller();
			this.today = LocalDate.now(RosterImporter.this.clock);
			List<Town> all = RosterImporter.this.regions.selectTowns();
			for (Town town : all) {
				this.towns.put(town.name(), town);
				this.towns.put(town.code(), town);
			}
			for (Village village : RosterImporter.this.regions
				.selectVillagesByTownCodes(all.stream().map(Town::code).toList())) {
				this.villages.put(village.townCode() + "/" + village.name(), village);
				this.villages.put(village.code(), village);
			}
		}

		private String cell(Row row, RosterColumn column) {
			return this.run.cell(row, column);
		}

		@Override
		public void row(Row row) {
			String code = cell(row, RosterColumn.HOUSEHOLD_CODE);
			if (this.open != null && !this.open.code.equals(code)) {
				close();
			}
			if (this.open == null) {
				this.open = new Unit(code);
			}
			this.open.rows.add(row);
		}

		@Override
		public void end() {
			close();
			flush();
		}

		private void close() {
			if (this.open != null) {
				check(this.open);
				if (this.open.problems.isEmpty()) {
					this.chunk.add(this.open);
				}
				else {
					refuse(this.open, Map.of());
				}
				this.open = null;
				if (this.chunk.size() >= RosterImporter.this.imports.chunkUnits()) {
					flush();
				}
			}
		}

		private void flush() {
			RosterImporter.this.transactions.run(this.chunk, this.run.dryRun(), this::writeNew, this::write,
					new ImportTransactions.Outcome<>() {
						@Override
						public void changed(Unit unit) {
							RosterSink.this.run.applied(unit.rows.size(), unit.created, unit.updated);
						}

						@Override
						public void unchanged(Unit unit) {
							RosterSink.this.run.unchanged(unit.rows.size());
						}

						@Override
						public void refused(Unit unit, DomainException refusal) {
							Map<RosterColumn, String> reasons = new LinkedHashMap<>();
							for (Violation violation : refusal.violations()) {
								reasons.merge(columnOf(violation.field()), violation.reason(), (a, b) -> a + "；" + b);
							}
							refuse(unit, Map.of((unit.current != null) ? unit.current : unit.rows.get(0), reasons));
						}
					});
			this.chunk.clear();
			this.run.progress();
		}

		/**
		 * Refuses every row of the unit: with their own reasons, or as part of a refused
		 * household.
		 */
		private void refuse(Unit unit, Map<Row, Map<RosterColumn, String>> extra) {
			Map<Row, Map<RosterColumn, String>> reasons = new LinkedHashMap<>(unit.problems);
			extra.forEach(
					(row, columns) -> reasons.computeIfAbsent(row, (key) -> new LinkedHashMap<>()).putAll(columns));
			for (Row row : unit.rows) {
				Map<RosterColumn, String> own = reasons.get(row);
				if (own == null || own.isEmpty()) {
					this.run.refuse(row, null, WHOLE_HOUSEHOLD_REFUSED);
					continue;
				}
				own.forEach((column, reason) -> this.run.refuse(row, column, reason));
			}
		}

		// ---- reading the rows: no database but the regions, every problem of every row
		// ----

		private void check(Unit unit) {
			if (unit.code.isEmpty()) {
				unit.rows.forEach((row) -> unit.problem(row, RosterColumn.HOUSEHOLD_CODE, "不能为空（is required）"));
				return;
			}
			List<Row> heads = new ArrayList<>();
			for (Row row : unit.rows) {
				readMember(unit, row);
				if (RosterLabels.RELATION.parse(cell(row, RosterColumn.RELATION)) == Relation.HEAD) {
					heads.add(row);
				}
			}
			if (heads.size() != 1) {
				String reason = heads.isEmpty() ? "本户没有“户主”行（no row of the household is its 户主）"
						: "本户有多个“户主”行（more than one row is the household's 户主）";
				unit.rows.forEach((row) -> unit.problem(row, RosterColumn.RELATION, reason));
				return;
			}
			unit.head = heads.get(0);
			readHousehold(unit, unit.head);
			for (Row row : unit.rows) {
				if (row == unit.head) {
					continue;
				}
				for (RosterColumn column : RosterColumn.values()) {
					String value = cell(row, column);
					if (column.householdLevel() && !value.isEmpty() && !value.equals(cell(unit.head, column))) {
						unit.problem(row, column, "与户主行不一致（differs from the 户主 row of the household）");
					}
				}
			}
			String count = cell(unit.head, RosterColumn.MEMBER_COUNT);
			if (!count.isEmpty()) {
				try {
					Integer stated = Cells.whole(count);
					if (stated != null && stated != unit.rows.size()) {
						unit.problem(unit.head, RosterColumn.MEMBER_COUNT, "为 " + stated + "，但文件中本户有 "
								+ unit.rows.size() + " 行（the file lists " + unit.rows.size() + " members）");
					}
				}
				catch (Cells.Problem ex) {
					unit.problem(unit.head, RosterColumn.MEMBER_COUNT, ex.getMessage());
				}
			}
		}

		private void readHousehold(Unit unit, Row row) {
			String townCell = cell(row, RosterColumn.TOWN);
			unit.town = this.towns.get(townCell);
			if (unit.town == null) {
				unit.problem(row, RosterColumn.TOWN, "不是本县的乡镇（is not a town of the county）");
				return;
			}
			String villageCell = cell(row, RosterColumn.VILLAGE);
			unit.village = this.villages.get(villageCell);
			if (unit.village == null || !unit.village.townCode().equals(unit.town.code())) {
				unit.village = this.villages.get(unit.town.code() + "/" + villageCell);
			}
			if (unit.village == null) {
				unit.problem(row, RosterColumn.VILLAGE,
						"不是" + unit.town.name() + "的行政村（is not a village of " + unit.town.name() + "）");
				return;
			}
			if (!this.caller.scope().covers(unit.town.code(), unit.village.code())) {
				unit.problem(row, RosterColumn.TOWN, "不在您的辖区，本行未导入（outside the caller's town or village: refused）");
			}
			read(unit, row, RosterColumn.INCOME_PER_CAPITA, Cells::amount);
			if (cell(row, RosterColumn.INCOME_PER_CAPITA).isEmpty()) {
				unit.problem(row, RosterColumn.INCOME_PER_CAPITA, "不能为空（is required）");
			}
			read(unit, row, RosterColumn.INCOME_YEAR, Cells::whole);
			String category = cell(row, RosterColumn.CATEGORY);
			if (!RosterLabels.ALLEVIATED.equals(category) && !RosterLabels.ORDINARY.equals(category)
					&& RosterLabels.MONITORING_TYPE.parse(category) == null) {
				unit.problem(row, RosterColumn.CATEGORY, "应为 " + RosterLabels.ALLEVIATED + "、" + RosterLabels.ORDINARY
						+ "、" + RosterLabels.MONITORING_TYPE.accepted() + " 之一（is not a category）");
			}
			for (RosterColumn column : List.of(RosterColumn.RISK_ELIMINATED, RosterColumn.RECEIVES_POLICY_SUPPORT,
					RosterColumn.MINIMUM_ALLOWANCE, RosterColumn.EXTREME_POVERTY, RosterColumn.WATER_SAFE)) {
				read(unit, row, column, Cells::yesNo);
			}
			for (RosterColumn column : List.of(RosterColumn.RISK_ELIMINATED_ON, RosterColumn.IDENTIFIED_ON,
					RosterColumn.HOUSING_INSPECTED_ON, RosterColumn.WATER_CHECKED_ON, RosterColumn.SCREENED_ON)) {
				read(unit, row, column, Cells::date);
			}
			label(unit, row, RosterColumn.IDENTIFIED_VIA, RosterLabels.IDENTIFIED_VIA);
			label(unit, row, RosterColumn.HOUSING_GRADE, RosterLabels.HOUSING_GRADE);
			for (String cause : causeWords(cell(row, RosterColumn.RISK_CAUSES))) {
				if (RosterLabels.RISK_CAUSE.parse(cause) == null) {
					unit.problem(row, RosterColumn.RISK_CAUSES,
							"“" + cause + "”不是风险类型，应为 " + RosterLabels.RISK_CAUSE.accepted() + "（is not a risk cause）");
				}
			}
		}

		private void readMember(Unit unit, Row row) {
			if (cell(row, RosterColumn.NAME).isEmpty()) {
				unit.problem(row, RosterColumn.NAME, "不能为空（is required）");
			}
			if (cell(row, RosterColumn.ID_NUMBER).isEmpty()) {
				unit.problem(row, RosterColumn.ID_NUMBER, "不能为空（is required）");
			}
			label(unit, row, RosterColumn.RELATION, RosterLabels.RELATION);
			if (cell(row, RosterColumn.RELATION).isEmpty()) {
				unit.problem(row, RosterColumn.RELATION, "不能为空（is required）");
			}
			label(unit, row, RosterColumn.GENDER, RosterLabels.GENDER);
			read(unit, row, RosterColumn.BIRTH_DATE, Cells::date);
			label(unit, row, RosterColumn.SCHOOLING, RosterLabels.SCHOOLING);
			label(unit, row, RosterColumn.HEALTH, RosterLabels.HEALTH);
			label(unit, row, RosterColumn.LABOUR_CAPACITY, RosterLabels.LABOUR_CAPACITY);
			read(unit, row, RosterColumn.WILLING_TO_WORK, Cells::yesNo);
			read(unit, row, RosterColumn.DISABILITY_GRADE, RosterSink::grade);
		}

		private void read(Unit unit, Row row, RosterColumn column, java.util.function.Function<String, ?> reader) {
			try {
				reader.apply(cell(row, column));
			}
			catch (Cells.Problem ex) {
				unit.problem(row, column, ex.getMessage());
			}
		}

		private <E extends Enum<E>> void label(Unit unit, Row row, RosterColumn column, Labels<E> labels) {
			String value = cell(row, column);
			if (!value.isEmpty() && labels.parse(value) == null) {
				unit.problem(row, column, "应为 " + labels.accepted() + " 之一（is not one of the accepted words）");
			}
		}

		private static Integer grade(String cell) {
			String digits = switch (cell) {
				case "一级" -> "1";
				case "二级" -> "2";
				case "三级" -> "3";
				case "四级" -> "4";
				default -> cell.replace("级", "");
			};
			return Cells.whole(digits);
		}

		// ---- writing one household, through the services' write paths ----

		private boolean write(Unit unit) {
			unit.current = unit.head;
			unit.created = 0;
			unit.updated = 0;
			Household existing = RosterImporter.this.householdRows.selectByCode(unit.code, Scope.COUNTY);
			if (existing == null) {
				create(unit);
				return true;
			}
			return update(unit, existing);
		}

		private void create(Unit unit) {
			Row head = unit.head;
			Inputs.CreateHouseholdInput input = createInput(unit);
			Inputs.MonitoringInput monitoring = input.monitoring();
			Household household = RosterImporter.this.households.create(this.caller, input);
			unit.created++;
			if (monitoring != null && Boolean.TRUE.equals(Cells.yesNo(cell(head, RosterColumn.RISK_ELIMINATED)))) {
				household = RosterImporter.this.households.eliminateRisk(this.caller, new Inputs.EliminateRiskInput(
						household.id(), household.version(), Cells.date(cell(head, RosterColumn.RISK_ELIMINATED_ON))));
			}
			LocalDate screenedOn = Cells.date(cell(head, RosterColumn.SCREENED_ON));
			if (screenedOn != null) {
				RosterImporter.this.households.update(this.caller, new Inputs.UpdateHouseholdInput(household.id(), null,
						null, null, null, null, null, null, null, null, null, null, null, null, screenedOn));
			}
			for (Row row : unit.rows) {
				if (row != head) {
					addMember(unit, household.id(), row);
				}
			}
		}

		/** The registration of the unit's household, as its 户主 row states it. */
		private Inputs.CreateHouseholdInput createInput(Unit unit) {
			Row head = unit.head;
			if (masked(cell(head, RosterColumn.PHONE))) {
				throw DomainException.badRequest("input.phone", "为脱敏值，新登记的农户须填写完整号码"
						+ "（a masked phone cannot register a household: give the full number, or leave it blank）");
			}
			HouseholdCategory category = category(head);
			Inputs.MonitoringInput monitoring = (category == HouseholdCategory.MONITORED) ? monitoring(head) : null;
			String address = cell(head, RosterColumn.ADDRESS);
			return new Inputs.CreateHouseholdInput(unit.code, unit.town.code(), unit.village.code(),
					address.isEmpty() ? unit.town.name() + unit.village.name() : address, memberFields(head),
					blankToNull(cell(head, RosterColumn.PHONE)),
					Cells.amount(cell(head, RosterColumn.INCOME_PER_CAPITA)), incomeYear(head),
					Cells.yesNo(cell(head, RosterColumn.RECEIVES_POLICY_SUPPORT)),
					Cells.yesNo(cell(head, RosterColumn.MINIMUM_ALLOWANCE)),
					Cells.yesNo(cell(head, RosterColumn.EXTREME_POVERTY)),
					blankToNull(cell(head, RosterColumn.ASSIGNED_CADRE)),
					RosterLabels.HOUSING_GRADE.parse(cell(head, RosterColumn.HOUSING_GRADE)),
					Cells.date(cell(head, RosterColumn.HOUSING_INSPECTED_ON)),
					Cells.yesNo(cell(head, RosterColumn.WATER_SAFE)),
					Cells.date(cell(head, RosterColumn.WATER_CHECKED_ON)), monitoring,
					(monitoring == null) ? category : null);
		}

		/**
		 * The chunk's households that are not registered yet, registered at once by
		 * {@link HouseholdBatch} with the rules, audit and dashboard versions of the
		 * one-by-one writes in {@link #create}; registered ones are left to
		 * {@link #write}.
		 */
		private Object[] writeNew(List<Unit> units) {
			Object[] results = new Object[units.size()];
			Set<String> registered = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
			registered.addAll(RosterImporter.this.batch.registered(units.stream().map((unit) -> unit.code).toList()));
			List<Integer> fresh = new ArrayList<>();
			List<HouseholdBatch.NewHousehold> households = new ArrayList<>();
			for (int i = 0; i < units.size(); i++) {
				Unit unit = units.get(i);
				if (registered.contains(unit.code)) {
					continue;
				}
				unit.current = unit.head;
				unit.created = 0;
				unit.updated = 0;
				try {
					households.add(newHousehold(unit));
					fresh.add(i);
				}
				catch (DomainException ex) {
					results[i] = ex;
				}
			}
			List<HouseholdBatch.Refusal> refusals = RosterImporter.this.batch.createAll(this.caller, households);
			for (int k = 0; k < fresh.size(); k++) {
				Unit unit = units.get(fresh.get(k));
				HouseholdBatch.Refusal refusal = refusals.get(k);
				if (refusal == null) {
					unit.created = unit.rows.size();
					results[fresh.get(k)] = Boolean.TRUE;
				}
				else {
					unit.current = (refusal.member() < 0) ? unit.head : others(unit).get(refusal.member());
					results[fresh.get(k)] = refusal.reason();
				}
			}
			return results;
		}

		private HouseholdBatch.NewHousehold newHousehold(Unit unit) {
			Row head = unit.head;
			Inputs.CreateHouseholdInput input = createInput(unit);
			List<HouseholdBatch.NewMember> members = new ArrayList<>();
			for (Row row : others(unit)) {
				unit.current = row;
				members.add(new HouseholdBatch.NewMember(RosterLabels.RELATION.parse(cell(row, RosterColumn.RELATION)),
						memberFields(row)));
			}
			unit.current = head;
			return new HouseholdBatch.NewHousehold(input,
					Boolean.TRUE.equals(Cells.yesNo(cell(head, RosterColumn.RISK_ELIMINATED))),
					Cells.date(cell(head, RosterColumn.RISK_ELIMINATED_ON)),
					Cells.date(cell(head, RosterColumn.SCREENED_ON)), members);
		}

		/** The unit's rows after its 户主 row, in file order. */
		private List<Row> others(Unit unit) {
			List<Row> others = new ArrayList<>(unit.rows.size());
			for (Row row : unit.rows) {
				if (row != unit.head) {
					others.add(row);
				}
			}
			return others;
		}

		private void addMember(Unit unit, long householdId, Row row) {
			unit.current = row;
			Inputs.MemberFields fields = memberFields(row);
			RosterImporter.this.members.add(this.caller, new Inputs.AddMemberInput(householdId,
					RosterLabels.RELATION.parse(cell(row, RosterColumn.RELATION)), fields));
			unit.created++;
		}

		private boolean update(Unit unit, Household existing) {
			Row head = unit.head;
			if (!this.caller.scope().covers(existing.townCode(), existing.villageCode())) {
				throw new DomainException(new Violation("input.code",
						"属于您辖区以外的农户（belongs to a household outside the caller's town or village）",
						ErrorClassification.FORBIDDEN));
			}
			if (!existing.villageCode().equals(unit.village.code())) {
				throw DomainException.badRequest("input.villageCode",
						"本户登记在" + existing.villageName() + "，导入不迁移农户（the household is registered in "
								+ existing.villageName() + "; an import does not move households）");
			}
			boolean changed = false;
			Inputs.UpdateHouseholdInput changes = householdChanges(head, existing);
			if (changes != null) {
				RosterImporter.this.households.update(this.caller, changes);
				unit.updated++;
				changed = true;
			}
			changed |= monitoringChanges(unit, head, existing);
			Map<String, Member> stored = new HashMap<>();
			for (Member member : RosterImporter.this.households.membersOf(List.of(existing.id()))
				.getOrDefault(existing.id(), List.of())) {
				stored.put(member.idNumber(), member);
			}
			for (Row row : unit.rows) {
				unit.current = row;
				String idNumber = cell(row, RosterColumn.ID_NUMBER).toUpperCase(java.util.Locale.ROOT);
				Member member = masked(idNumber) ? unmasked(idNumber, cell(row, RosterColumn.NAME), stored.values())
						: stored.get(idNumber);
				if (member == null) {
					if (row == head) {
						throw DomainException.conflict("input.idNumber", "户主的证件号码与已登记的不同，导入不更换户主"
								+ "（the household's head is registered with another ID number: an import does not change the head）");
					}
					addMember(unit, existing.id(), row);
					changed = true;
					continue;
				}
				Inputs.UpdateMemberInput memberChanges = memberChanges(row, member);
				if (memberChanges != null) {
					RosterImporter.this.members.update(this.caller, memberChanges);
					unit.updated++;
					changed = true;
				}
			}
			return changed;
		}

		private Inputs.UpdateHouseholdInput householdChanges(Row head, Household existing) {
			String address = changed(cell(head, RosterColumn.ADDRESS), existing.address());
			String phoneCell = cell(head, RosterColumn.PHONE);
			String phone = masked(phoneCell) ? null : changed(phoneCell, existing.phone());
			BigDecimal income = Cells.amount(cell(head, RosterColumn.INCOME_PER_CAPITA));
			income = (income != null && income.compareTo(existing.incomePerCapita()) != 0) ? income : null;
			Integer year = Cells.whole(cell(head, RosterColumn.INCOME_YEAR));
			year = (year != null && year != existing.incomeYear()) ? year : null;
			if (income != null && year == null) {
				year = existing.incomeYear();
			}
			if (year != null && income == null) {
				income = existing.incomePerCapita();
			}
			Boolean policy = changedFlag(cell(head, RosterColumn.RECEIVES_POLICY_SUPPORT),
					existing.receivesPolicySupport());
			Boolean allowance = changedFlag(cell(head, RosterColumn.MINIMUM_ALLOWANCE), existing.minimumAllowance());
			Boolean extreme = changedFlag(cell(head, RosterColumn.EXTREME_POVERTY), existing.extremePoverty());
			String cadre = changed(cell(head, RosterColumn.ASSIGNED_CADRE), existing.assignedCadre());
			HousingGrade grade = RosterLabels.HOUSING_GRADE.parse(cell(head, RosterColumn.HOUSING_GRADE));
			grade = (grade != null && grade != existing.housingGrade()) ? grade : null;
			LocalDate inspected = changedDate(cell(head, RosterColumn.HOUSING_INSPECTED_ON),
					existing.housingInspectedOn());
			Boolean water = Cells.yesNo(cell(head, RosterColumn.WATER_SAFE));
			water = (water != null && !water.equals(existing.waterSafe())) ? water : null;
			LocalDate checked = changedDate(cell(head, RosterColumn.WATER_CHECKED_ON), existing.waterCheckedOn());
			LocalDate screened = changedDate(cell(head, RosterColumn.SCREENED_ON), existing.screenedOn());
			if (address == null && phone == null && income == null && year == null && policy == null
					&& allowance == null && extreme == null && cadre == null && grade == null && inspected == null
					&& water == null && checked == null && screened == null) {
				return null;
			}
			return new Inputs.UpdateHouseholdInput(existing.id(), existing.version(), address, phone, income, year,
					policy, allowance, extreme, cadre, grade, inspected, water, checked, screened);
		}

		/**
		 * Moves the household into monitoring or out of risk as the file says; other
		 * moves are refused.
		 */
		private boolean monitoringChanges(Unit unit, Row head, Household existing) {
			HouseholdCategory category = category(head);
			Boolean eliminated = Cells.yesNo(cell(head, RosterColumn.RISK_ELIMINATED));
			if (category != HouseholdCategory.MONITORED) {
				if (existing.category() == HouseholdCategory.MONITORED) {
					throw DomainException.conflict("input.category", "监测户须经“风险已消除”退出，不能改为"
							+ cell(head, RosterColumn.CATEGORY)
							+ "（a monitored household leaves monitoring through 风险是否消除=是, not by another category）");
				}
				if (existing.category() != category) {
					throw DomainException.conflict("input.category", "导入不改变脱贫户与一般农户的类别（an import does not turn "
							+ existing.category() + " into " + category + "）");
				}
				return false;
			}
			boolean changed = false;
			Household current = existing;
			if (!current.isMonitoredAtRisk() && !(current.category() == HouseholdCategory.MONITORED
					&& current.riskStatus() == RiskStatus.ELIMINATED && Boolean.TRUE.equals(eliminated))) {
				current = RosterImporter.this.households.identifyMonitored(this.caller,
						new Inputs.IdentifyMonitoredInput(current.id(), null, monitoring(head)));
				unit.updated++;
				changed = true;
			}
			if (Boolean.TRUE.equals(eliminated) && current.isMonitoredAtRisk()) {
				RosterImporter.this.households.eliminateRisk(this.caller, new Inputs.EliminateRiskInput(current.id(),
						null, Cells.date(cell(head, RosterColumn.RISK_ELIMINATED_ON))));
				unit.updated++;
				changed = true;
			}
			return changed;
		}

		private Inputs.UpdateMemberInput memberChanges(Row row, Member member) {
			String name = changed(cell(row, RosterColumn.NAME), member.name());
			Relation relation = RosterLabels.RELATION.parse(cell(row, RosterColumn.RELATION));
			relation = (relation != null && relation != member.relation()) ? relation : null;
			Schooling schooling = RosterLabels.SCHOOLING.parse(cell(row, RosterColumn.SCHOOLING));
			schooling = (schooling != null && schooling != member.schooling()) ? schooling : null;
			Health health = RosterLabels.HEALTH.parse(cell(row, RosterColumn.HEALTH));
			health = (health != null && health != member.health()) ? health : null;
			Integer grade = grade(cell(row, RosterColumn.DISABILITY_GRADE));
			grade = (grade != null && !grade.equals(member.disabilityGrade())) ? grade : null;
			LabourCapacity labour = RosterLabels.LABOUR_CAPACITY.parse(cell(row, RosterColumn.LABOUR_CAPACITY));
			labour = (labour != null && labour != member.labourCapacity()) ? labour : null;
			Boolean willing = changedFlag(cell(row, RosterColumn.WILLING_TO_WORK), member.willingToWork());
			if (name == null && relation == null && schooling == null && health == null && grade == null
					&& labour == null && willing == null) {
				return null;
			}
			return new Inputs.UpdateMemberInput(member.id(), member.version(), name, null, relation, null, null,
					schooling, health, grade, labour, willing);
		}

		private Inputs.MemberFields memberFields(Row row) {
			Schooling schooling = RosterLabels.SCHOOLING.parse(cell(row, RosterColumn.SCHOOLING));
			Health health = RosterLabels.HEALTH.parse(cell(row, RosterColumn.HEALTH));
			LabourCapacity labour = RosterLabels.LABOUR_CAPACITY.parse(cell(row, RosterColumn.LABOUR_CAPACITY));
			List<Violation> missing = new ArrayList<>();
			if (schooling == null) {
				missing.add(Violation.badRequest("input.schooling", "新成员不能为空（is required for a new member）"));
			}
			if (health == null) {
				missing.add(Violation.badRequest("input.health", "新成员不能为空（is required for a new member）"));
			}
			if (labour == null) {
				missing.add(Violation.badRequest("input.labourCapacity", "新成员不能为空（is required for a new member）"));
			}
			if (masked(cell(row, RosterColumn.ID_NUMBER))) {
				missing.add(Violation.badRequest("input.idNumber", MASKED_NEW_MEMBER));
			}
			if (!missing.isEmpty()) {
				throw new DomainException(missing);
			}
			Gender gender = RosterLabels.GENDER.parse(cell(row, RosterColumn.GENDER));
			return new Inputs.MemberFields(cell(row, RosterColumn.NAME), cell(row, RosterColumn.ID_NUMBER), gender,
					Cells.date(cell(row, RosterColumn.BIRTH_DATE)), schooling, health,
					grade(cell(row, RosterColumn.DISABILITY_GRADE)), labour,
					Cells.yesNo(cell(row, RosterColumn.WILLING_TO_WORK)));
		}

		private HouseholdCategory category(Row head) {
			String category = cell(head, RosterColumn.CATEGORY);
			if (RosterLabels.ALLEVIATED.equals(category)) {
				return HouseholdCategory.ALLEVIATED;
			}
			return RosterLabels.ORDINARY.equals(category) ? HouseholdCategory.ORDINARY : HouseholdCategory.MONITORED;
		}

		private Inputs.MonitoringInput monitoring(Row head) {
			List<RiskCause> causes = new ArrayList<>();
			for (String word : causeWords(cell(head, RosterColumn.RISK_CAUSES))) {
				causes.add(RosterLabels.RISK_CAUSE.parse(word));
			}
			return new Inputs.MonitoringInput(RosterLabels.MONITORING_TYPE.parse(cell(head, RosterColumn.CATEGORY)),
					causes, RosterLabels.IDENTIFIED_VIA.parse(cell(head, RosterColumn.IDENTIFIED_VIA)),
					Cells.date(cell(head, RosterColumn.IDENTIFIED_ON)));
		}

		private int incomeYear(Row head) {
			Integer year = Cells.whole(cell(head, RosterColumn.INCOME_YEAR));
			return (year != null) ? year : RosterImporter.this.plan.defaultYear();
		}

	}

	private static List<String> causeWords(String cell) {
		return cell.isEmpty() ? List.of()
				: Arrays.stream(cell.split(RosterLabels.CAUSE_SEPARATORS)).filter((word) -> !word.isEmpty()).toList();
	}

	/**
	 * The column a violation of the services names, by the last part of its field path.
	 */
	static RosterColumn columnOf(String field) {
		String name = field.substring(field.lastIndexOf('.') + 1);
		return switch (name) {
			case "code", "householdId", "id" -> RosterColumn.HOUSEHOLD_CODE;
			case "townCode" -> RosterColumn.TOWN;
			case "villageCode" -> RosterColumn.VILLAGE;
			case "address" -> RosterColumn.ADDRESS;
			case "phone" -> RosterColumn.PHONE;
			case "incomePerCapita" -> RosterColumn.INCOME_PER_CAPITA;
			case "incomeYear" -> RosterColumn.INCOME_YEAR;
			case "housingInspectedOn" -> RosterColumn.HOUSING_INSPECTED_ON;
			case "waterCheckedOn" -> RosterColumn.WATER_CHECKED_ON;
			case "screenedOn" -> RosterColumn.SCREENED_ON;
			case "name" -> RosterColumn.NAME;
			case "idNumber" -> RosterColumn.ID_NUMBER;
			case "birthDate" -> RosterColumn.BIRTH_DATE;
			case "gender" -> RosterColumn.GENDER;
			case "schooling" -> RosterColumn.SCHOOLING;
			case "health" -> RosterColumn.HEALTH;
			case "disabilityGrade" -> RosterColumn.DISABILITY_GRADE;
			case "labourCapacity" -> RosterColumn.LABOUR_CAPACITY;
			case "relation" -> RosterColumn.RELATION;
			case "causes" -> RosterColumn.RISK_CAUSES;
			case "identifiedOn" -> RosterColumn.IDENTIFIED_ON;
			case "eliminatedOn" -> RosterColumn.RISK_ELIMINATED_ON;
			case "type", "category", "monitoring" -> RosterColumn.CATEGORY;
			default -> null;
		};
	}

	/**
	 * Whether a cell holds a value as a caller with a mask reads it (an export of a
	 * village cadre's: {@code 110101************}). A masked cell never overwrites what
	 * is stored: a masked phone keeps the stored phone, a masked ID number only finds a
	 * registered member (see {@link #unmasked}) and never registers one.
	 */
	static boolean masked(String cell) {
		return cell.indexOf('*') >= 0;
	}

	/**
	 * The registered member of the household a masked ID number stands for: the one
	 * member of that name whose number the mask fits (its length, and every character the
	 * mask keeps). Refuses the row when none or more than one fits, as the file does not
	 * say who is meant.
	 */
	static Member unmasked(String mask, String name, java.util.Collection<Member> stored) {
		List<Member> fits = stored.stream()
			.filter((member) -> member.name().equals(name) && fits(mask, member.idNumber()))
			.toList();
		if (fits.size() != 1) {
			throw DomainException.badRequest("input.idNumber", MASKED_UNKNOWN);
		}
		return fits.get(0);
	}

	private static boolean fits(String mask, String idNumber) {
		if (idNumber == null || idNumber.length() != mask.length()) {
			return false;
		}
		for (int i = 0; i < mask.length(); i++) {
			if (mask.charAt(i) != '*' && mask.charAt(i) != idNumber.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * The cell's value when it is given and differs from the stored one, else null
	 * (keep).
	 */
	private static String changed(String cell, String stored) {
		return (!cell.isEmpty() && !cell.equals(stored)) ? cell : null;
	}

	private static Boolean changedFlag(String cell, boolean stored) {
		Boolean value = Cells.yesNo(cell);
		return (value != null && value != stored) ? value : null;
	}

	private static LocalDate changedDate(String cell, LocalDate stored) {
		LocalDate value = Cells.date(cell);
		return (value != null && !Objects.equals(value, stored)) ? value : null;
	}

}
