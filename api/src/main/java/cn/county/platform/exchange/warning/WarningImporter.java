package cn.county.platform.exchange.warning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.ResidentIdNumber;
import cn.county.platform.common.Violation;
import cn.county.platform.exchange.imports.Cells;
import cn.county.platform.exchange.imports.ImportKind;
import cn.county.platform.exchange.imports.ImportProperties;
import cn.county.platform.exchange.imports.ImportRun;
import cn.county.platform.exchange.imports.ImportTransactions;
import cn.county.platform.exchange.imports.Importer;
import cn.county.platform.exchange.sheet.SheetReader.Row;
import cn.county.platform.household.Health;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdCategory;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.household.HouseholdService;
import cn.county.platform.household.Inputs;
import cn.county.platform.household.LabourCapacity;
import cn.county.platform.household.Member;
import cn.county.platform.household.MemberMapper;
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
 * The line departments' warning lists (item 2). Each row is one warning, kept as a record
 * of its own and matched by ID number to the member's household; the household's newest
 * warning then puts it on the {@code WARNING_NOT_SCREENED} screening list until a
 * screening on or after that date is recorded ({@code updateHousehold(input:
 * {screenedOn})}). A person not registered yet becomes the head of a new ordinary rural
 * household (一般农户) through {@link HouseholdService#registerOrdinary}, so the screening
 * reaches them; what the department does not know (schooling, health, labour, income)
 * starts from neutral values for the screening visit to correct: income 0 unless the row
 * gives one, which also puts the household on the income screening. A department officer
 * imports only its own department's warnings; the same warning twice is one record.
 */
@Component
class WarningImporter implements Importer {

	/** The departments that send warnings, with the names their files use. */
	static final Map<String, String> DEPARTMENTS = new LinkedHashMap<>();

	static {
		for (String[] names : new String[][] { { "MEDICAL_INSURANCE", "医保局", "医疗保障局", "医保" },
				{ "HOUSING", "住建局", "住房和城乡建设局", "住建" }, { "CIVIL_AFFAIRS", "民政局", "民政" },
				{ "DISABLED_FEDERATION", "残联", "残疾人联合会" }, { "EDUCATION", "教育局", "教体局", "教育" },
				{ "HEALTH", "卫健委", "卫生健康委员会", "卫健局" } }) {
			for (String name : names) {
				DEPARTMENTS.put(name, names[0]);
			}
		}
	}

	private final HouseholdService households;

	private final HouseholdMapper householdRows;

	private final MemberMapper members;

	private final WarningMapper warnings;

	private final RegionMapper regions;

	private final AuditTrail audit;

	private final IdGenerator ids;

	private final ImportTransactions transactions;

	private final ImportProperties imports;

	private final WarningProperties properties;

	private final Clock clock;

	private final Plan plan;

	WarningImporter(HouseholdService households, HouseholdMapper householdRows, MemberMapper members,
			WarningMapper warnings, RegionMapper regions, AuditTrail audit, IdGenerator ids,
			ImportTransactions transactions, ImportProperties imports, WarningProperties properties, Clock clock,
			Plan plan) {
		this.households = households;
		this.householdRows = householdRows;
		this.members = members;
		this.warnings = warnings;
		this.regions = regions;
		this.audit = audit;
		this.ids = ids;
		this.transactions = transactions;
		this.imports = imports;
		this.properties = properties;
		this.clock = clock;
		this.plan = plan;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.WARNINGS;
	}

	@Override
	public List<WarningColumn> columns() {
		return Arrays.asList(WarningColumn.values());
	}

	@Override
	public Map<String, String> configuredHeaders() {
		return this.properties.headers();
	}

	@Override
	public void authorize(Caller caller) {
		boolean sender = caller.has(Role.DEPARTMENT_OFFICER) && caller.department() != null
				&& DEPARTMENTS.containsValue(caller.department());
		if (!caller.has(Role.COUNTY_ADMIN) && !sender) {
			throw new DomainException(new Violation("kind",
					"只有县级管理员和发送预警的行业部门可导入预警数据（only county admins and the warning departments import warnings）",
					ErrorClassification.FORBIDDEN));
		}
	}

	@Override
	public Sink open(ImportRun run) {
		return new WarningSink(run);
	}

	/** One row, read. */
	private record Unit(Row row, String department, String idNumber, String kind, LocalDate warnedOn, String note) {
	}

	private final class WarningSink implements Sink {

		private final ImportRun run;

		private final Caller caller;

		private final LocalDate today;

		private final List<Unit> chunk = new ArrayList<>();

		private final Map<String, Town> towns = new HashMap<>();

		private final Map<String, Village> villages = new HashMap<>();

		WarningSink(ImportRun run) {
			this.run = run;
			this.caller = run.caller();
			this.today = LocalDate.now(WarningImporter.this.clock);
			List<Town> all = WarningImporter.this.regions.selectTowns();
			for (Town town : all) {
				this.towns.put(town.name(), town);
				this.towns.put(town.code(), town);
			}
			for (Village village : WarningImporter.this.regions
				.selectVillagesByTownCodes(all.stream().map(Town::code).toList())) {
				this.villages.put(village.townCode() + "/" + village.name(), village);
				this.villages.put(village.code(), village);
			}
		}

		private String cell(Row row, WarningColumn column) {
			return this.run.cell(row, column);
		}

		@Override
		public void row(Row row) {
			Unit unit = read(row);
			if (unit != null) {
				this.chunk.add(unit);
				if (this.chunk.size() >= WarningImporter.this.imports.chunkUnits()) {
					flush();
				}
			}
		}

		@Override
		public void end() {
			flush();
		}

		private Unit read(Row row) {
			Map<WarningColumn, String> problems = new LinkedHashMap<>();
			String departmentCell = cell(row, WarningColumn.DEPARTMENT);
			String department = DEPARTMENTS.get(departmentCell.toUpperCase(Locale.ROOT));
			if (department == null) {
				department = DEPARTMENTS.get(departmentCell);
			}
			if (department == null) {
				problems.put(WarningColumn.DEPARTMENT,
						"不是发送预警的部门，应为医保局、住建局、民政局、残联、教育局或卫健委（is not a warning department）");
			}
			else if (this.caller.has(Role.DEPARTMENT_OFFICER) && !this.caller.has(Role.COUNTY_ADMIN)
					&& !department.equals(this.caller.department())) {
				problems.put(WarningColumn.DEPARTMENT,
						"只能导入本部门的预警（an officer imports only its own department's warnings）");
			}
			String idNumber = cell(row, WarningColumn.ID_NUMBER).toUpperCase(Locale.ROOT);
			Optional<String> idProblem = ResidentIdNumber.problem(idNumber);
			idProblem.ifPresent((reason) -> problems.put(WarningColumn.ID_NUMBER, reason));
			String kind = cell(row, WarningColumn.KIND);
			if (kind.isEmpty()) {
				problems.put(WarningColumn.KIND, "不能为空（is required）");
			}
			else if (kind.length() > 64) {
				problems.put(WarningColumn.KIND, "最多 64 个字（at most 64 characters）");
			}
			LocalDate warnedOn = null;
			try {
				warnedOn = Cells.date(cell(row, WarningColumn.WARNED_ON));
				if (warnedOn == null) {
					problems.put(WarningColumn.WARNED_ON, "不能为空（is required）");
				}
				else if (warnedOn.isAfter(this.today)) {
					problems.put(WarningColumn.WARNED_ON, "不能晚于今天（must not be in the future）");
				}
			}
			catch (Cells.Problem ex) {
				problems.put(WarningColumn.WARNED_ON, ex.getMessage());
			}
			String note = cell(row, WarningColumn.NOTE);
			if (note.length() > 500) {
				problems.put(WarningColumn.NOTE, "最多 500 个字（at most 500 characters）");
			}
			try {
				Cells.amount(cell(row, WarningColumn.INCOME_PER_CAPITA));
			}
			catch (Cells.Problem ex) {
				problems.put(WarningColumn.INCOME_PER_CAPITA, ex.getMessage());
			}
			if (!problems.isEmpty()) {
				problems.forEach((column, reason) -> this.run.refuse(row, column, reason));
				return null;
			}
			return new Unit(row, department, idNumber, kind, warnedOn, note.isEmpty() ? null : note);
		}

		private void flush() {
			WarningImporter.this.transactions.run(this.chunk, this.run.dryRun(), this::write,
					new ImportTransactions.Outcome<>() {
						@Override
						public void changed(Unit unit) {
							WarningSink.this.run.applied(1, 1, 0);
						}

						@Override
						public void unchanged(Unit unit) {
							WarningSink.this.run.unchanged(1);
						}

						@Override
						public void refused(Unit unit, DomainException refusal) {
							for (Violation violation : refusal.violations()) {
								WarningSink.this.run.refuse(unit.row(), columnOf(violation.field()),
										violation.reason());
							}
						}
					});
			this.chunk.clear();
			this.run.progress();
		}

		private boolean write(Unit unit) {
			List<Long> holders = WarningImporter.this.members.lockHouseholdsByIdNumber(unit.idNumber());
			if (holders.size() > 1) {
				throw DomainException.conflict("input.idNumber",
						"登记在多个农户中，请先更正重复登记（registered in more than one household: correct the duplicate first）");
			}
			Member member = holders.isEmpty() ? register(unit) : find(holders.get(0), unit.idNumber());
			if (WarningImporter.this.warnings.selectSame(member.id(), unit.department(), unit.kind(),
					unit.warnedOn()) != null) {
				return false;
			}
			Warning warning = new Warning(WarningImporter.this.ids.nextId(), member.householdId(), member.id(), null,
					unit.department(), unit.kind(), unit.warnedOn(), unit.note(), this.run.jobId(),
					this.caller.username(), null);
			WarningImporter.this.warnings.insert(warning);
			Warning stored = WarningImporter.this.warnings.selectById(warning.id());
			WarningImporter.this.audit.record(this.caller, "importWarning", "Warning", stored.id(), null, stored);
			Household before = WarningImporter.this.householdRows.selectById(member.householdId(), Scope.COUNTY);
			if (WarningImporter.this.warnings.updateHouseholdWarning(member.householdId(), unit.department(),
					unit.warnedOn()) > 0) {
				Household after = WarningImporter.this.householdRows.selectById(member.householdId(), Scope.COUNTY);
				WarningImporter.this.audit.record(this.caller, "recordHouseholdWarning", "Household", before.id(),
						before, after);
			}
			return true;
		}

		private Member find(long householdId, String idNumber) {
			return WarningImporter.this.households.membersOf(List.of(householdId))
				.getOrDefault(householdId, List.of())
				.stream()
				.filter((member) -> member.idNumber().equals(idNumber))
				.findFirst()
				.orElseThrow(() -> DomainException.notFound("input.idNumber", "member " + idNumber));
		}

		/**
		 * A new ordinary rural household with the person as its head, through the
		 * household service.
		 */
		private Member register(Unit unit) {
			Row row = unit.row();
			List<Violation> missing = new ArrayList<>();
			String name = cell(row, WarningColumn.NAME);
			if (name.isEmpty()) {
				missing.add(Violation.badRequest("input.head.name",
						"未登记的人员须填写姓名（required for a person not registered yet）"));
			}
			Town town = this.towns.get(cell(row, WarningColumn.TOWN));
			Village village = (town != null) ? this.villages.get(town.code() + "/" + cell(row, WarningColumn.VILLAGE))
					: null;
			if (village == null) {
				village = this.villages.get(cell(row, WarningColumn.VILLAGE));
			}
			if (village == null) {
				missing.add(Violation.badRequest("input.villageCode",
						"未登记的人员须填写本县的乡(镇)和行政村（required for a person not registered yet）"));
			}
			if (!missing.isEmpty()) {
				throw new DomainException(missing);
			}
			Town placed = this.towns.get(village.townCode());
			String address = cell(row, WarningColumn.ADDRESS);
			BigDecimal income = Cells.amount(cell(row, WarningColumn.INCOME_PER_CAPITA));
			LocalDate birth = ResidentIdNumber.birthDate(unit.idNumber()).orElseThrow();
			int age = Period.between(birth, this.today).getYears();
			Inputs.MemberFields head = new Inputs.MemberFields(name, unit.idNumber(), null, null,
					(age < 6) ? Schooling.NOT_SCHOOL_AGE : (age <= 15) ? Schooling.COMPULSORY : Schooling.GRADUATED,
					Health.HEALTHY, null, (age >= 16 && age < 60) ? LabourCapacity.FULL : LabourCapacity.NONE,
					Boolean.FALSE);
			String code = village.code() + "W"
					+ String.format("%09d", Math.floorMod(WarningImporter.this.ids.nextId(), 1_000_000_000L));
			Household household = WarningImporter.this.households.registerOrdinary(this.caller,
					new Inputs.CreateHouseholdInput(code, village.townCode(), village.code(),
							address.isEmpty() ? placed.name() + village.name() : address, head, null,
							(income != null) ? income : BigDecimal.ZERO, WarningImporter.this.plan.defaultYear(), false,
							false, false, null, null, null, null, null, null, HouseholdCategory.ORDINARY));
			return find(household.id(), unit.idNumber());
		}

	}

	static WarningColumn columnOf(String field) {
		String name = field.substring(field.lastIndexOf('.') + 1);
		return switch (name) {
			case "idNumber" -> WarningColumn.ID_NUMBER;
			case "name" -> WarningColumn.NAME;
			case "villageCode", "code" -> WarningColumn.VILLAGE;
			case "townCode" -> WarningColumn.TOWN;
			case "address" -> WarningColumn.ADDRESS;
			case "incomePerCapita" -> WarningColumn.INCOME_PER_CAPITA;
			case "birthDate", "gender" -> WarningColumn.ID_NUMBER;
			default -> null;
		};
	}

}
