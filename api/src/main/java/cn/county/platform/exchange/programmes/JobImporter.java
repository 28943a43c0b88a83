package cn.county.platform.exchange.jobs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.household.HouseholdService;
import cn.county.platform.household.Member;
import cn.county.platform.household.MemberMapper;
import cn.county.platform.job.Inputs;
import cn.county.platform.job.Job;
import cn.county.platform.job.JobService;
import cn.county.platform.job.JobType;
import cn.county.platform.job.WelfarePostLevel;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Role;
import cn.county.platform.security.Scope;

import org.springframework.stereotype.Component;

/**
 * The employment roster of the human resources and social security bureau (item 15), one
 * job per row, written through {@link JobService} (its rules: working age, one
 * public-welfare post at a time, amounts; its audit). A job is the member's job of the
 * same type, employer and start date: a new one is recorded, a stored one updated where
 * the row differs (end date, income, place), an identical one left alone, so the same
 * file twice changes nothing. HRSS officers import county-wide, town officials their own
 * town's members; a person not registered is refused.
 */
@Component
class JobImporter implements Importer {

	static final Map<String, JobType> TYPES = new LinkedHashMap<>();

	static final Map<String, WelfarePostLevel> LEVELS = new LinkedHashMap<>();

	static {
		TYPES.put("省外务工", JobType.OUT_OF_PROVINCE);
		TYPES.put("省内县外务工", JobType.IN_PROVINCE);
		TYPES.put("省内务工", JobType.IN_PROVINCE);
		TYPES.put("本地企业或产业基地", JobType.LOCAL_ENTERPRISE);
		TYPES.put("本地就业", JobType.LOCAL_ENTERPRISE);
		TYPES.put("公益性岗位", JobType.PUBLIC_WELFARE_POST);
		TYPES.put("自主创业", JobType.SELF_EMPLOYED);
		for (JobType type : JobType.values()) {
			TYPES.put(type.name(), type);
		}
		LEVELS.put("县级", WelfarePostLevel.COUNTY);
		LEVELS.put("镇级", WelfarePostLevel.TOWN);
		LEVELS.put("乡镇级", WelfarePostLevel.TOWN);
		LEVELS.put("村级", WelfarePostLevel.VILLAGE);
		for (WelfarePostLevel level : WelfarePostLevel.values()) {
			LEVELS.put(level.name(), level);
		}
	}

	private final JobService jobs;

	private final HouseholdService households;

	private final HouseholdMapper householdRows;

	private final MemberMapper members;

	private final ImportTransactions transactions;

	private final ImportProperties imports;

	private final JobImportProperties properties;

	JobImporter(JobService jobs, HouseholdService households, HouseholdMapper householdRows, MemberMapper members,
			ImportTransactions transactions, ImportProperties imports, JobImportProperties properties) {
		this.jobs = jobs;
		this.households = households;
		this.householdRows = householdRows;
		this.members = members;
		this.transactions = transactions;
		this.imports = imports;
		this.properties = properties;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.JOBS;
	}

	@Override
	public List<JobColumn> columns() {
		return Arrays.asList(JobColumn.values());
	}

	@Override
	public Map<String, String> configuredHeaders() {
		return this.properties.headers();
	}

	@Override
	public void authorize(Caller caller) {
		boolean hrss = caller.has(Role.DEPARTMENT_OFFICER) && "HRSS".equals(caller.department());
		if (!caller.has(Role.COUNTY_ADMIN) && !caller.has(Role.TOWN_OFFICIAL) && !hrss) {
			throw new DomainException(new Violation("kind",
					"只有县级管理员、乡镇干部和人社局可导入就业信息（only county admins, town officials and HRSS import jobs）",
					ErrorClassification.FORBIDDEN));
		}
	}

	@Override
	public Sink open(ImportRun run) {
		return new JobSink(run);
	}

	private record Unit(Row row, String idNumber, JobType type, WelfarePostLevel level, String employer, String place,
			LocalDate startDate, LocalDate endDate, BigDecimal monthlyIncome) {
	}

	private final class JobSink implements Sink {

		private final ImportRun run;

		private final List<Unit> chunk = new ArrayList<>();

		JobSink(ImportRun run) {
			this.run = run;
		}

		private String cell(Row row, JobColumn column) {
			return this.run.cell(row, column);
		}

		@Override
		public void row(Row row) {
			Map<JobColumn, String> problems = new LinkedHashMap<>();
			String idNumber = cell(row, JobColumn.ID_NUMBER).toUpperCase(Locale.ROOT);
			if (idNumber.isEmpty()) {
				problems.put(JobColumn.ID_NUMBER, "不能为空（is required）");
			}
			JobType type = TYPES.get(cell(row, JobColumn.TYPE));
			if (type == null) {
				problems.put(JobColumn.TYPE, "应为 省外务工、省内县外务工、本地企业或产业基地、公益性岗位、自主创业 之一（is not a job type）");
			}
			String levelCell = cell(row, JobColumn.WELFARE_POST_LEVEL);
			WelfarePostLevel level = LEVELS.get(levelCell);
			if (!levelCell.isEmpty() && level == null) {
				problems.put(JobColumn.WELFARE_POST_LEVEL, "应为 县级、镇级、村级 之一（is not a post level）");
			}
			LocalDate start = date(row, JobColumn.START_DATE, problems);
			LocalDate end = date(row, JobColumn.END_DATE, problems);
			BigDecimal income = null;
			try {
				income = Cells.amount(cell(row, JobColumn.MONTHLY_INCOME));
			}
			catch (Cells.Problem ex) {
				problems.put(JobColumn.MONTHLY_INCOME, ex.getMessage());
			}
			if (!problems.isEmpty()) {
				problems.forEach((column, reason) -> this.run.refuse(row, column, reason));
				return;
			}
			this.chunk.add(new Unit(row, idNumber, type, level, cell(row, JobColumn.EMPLOYER),
					cell(row, JobColumn.PLACE), start, end, income));
			if (this.chunk.size() >= JobImporter.this.imports.chunkUnits()) {
				flush();
			}
		}

		private LocalDate date(Row row, JobColumn column, Map<JobColumn, String> problems) {
			try {
				return Cells.date(cell(row, column));
			}
			catch (Cells.Problem ex) {
				problems.put(column, ex.getMessage());
				return null;
			}
		}

		@Override
		public void end() {
			flush();
		}

		private void flush() {
			JobImporter.this.transactions.run(this.chunk, this.run.dryRun(), this::write,
					new ImportTransactions.Outcome<>() {
						@Override
						public void changed(Unit unit) {
							JobSink.this.run.applied(1, 0, 0);
						}

						@Override
						public void unchanged(Unit unit) {
							JobSink.this.run.unchanged(1);
						}

						@Override
						public void refused(Unit unit, DomainException refusal) {
							for (Violation violation : refusal.violations()) {
								JobSink.this.run.refuse(unit.row(), columnOf(violation.field()), violation.reason());
							}
						}
					});
			this.chunk.clear();
			this.run.progress();
		}

		private boolean write(Unit unit) {
			Caller caller = this.run.caller();
			List<Long> holders = JobImporter.this.members.lockHouseholdsByIdNumber(unit.idNumber());
			if (holders.size() != 1) {
				throw DomainException.notFound("input.idNumber", holders.isEmpty()
						? "未登记的人员（the person is not registered）" : "登记在多个农户中（registered in more than one household）");
			}
			Household household = JobImporter.this.householdRows.selectById(holders.get(0), Scope.COUNTY);
			if (!caller.scope().covers(household.townCode(), household.villageCode())) {
				throw new DomainException(new Violation("input.idNumber",
						"不在您的辖区，本行未导入（outside the caller's town or village: refused）", ErrorClassification.FORBIDDEN));
			}
			Member member = JobImporter.this.households.membersOf(List.of(household.id()))
				.getOrDefault(household.id(), List.of())
				.stream()
				.filter((candidate) -> candidate.idNumber().equals(unit.idNumber()))
				.findFirst()
				.orElseThrow();
			Job same = JobImporter.this.jobs.ofMembers(List.of(member.id()))
				.getOrDefault(member.id(), List.of())
				.stream()
				.filter((job) -> job.type() == unit.type() && job.employer().equals(unit.employer())
						&& job.startDate().equals(unit.startDate()))
				.findFirst()
				.orElse(null);
			if (same == null) {
				JobImporter.this.jobs.record(caller, new Inputs.RecordJobInput(member.id(), unit.type(), unit.level(),
						unit.employer(), unit.place(), unit.startDate(), unit.endDate(), unit.monthlyIncome()));
				return true;
			}
			boolean differs = !Objects.equals(same.endDate(), unit.endDate()) || !same.place().equals(unit.place())
					|| (unit.monthlyIncome() != null && same.monthlyIncome().compareTo(unit.monthlyIncome()) != 0);
			if (!differs) {
				return false;
			}
			JobImporter.this.jobs.update(caller,
					new Inputs.UpdateJobInput(same.id(), same.version(), null,
							same.place().equals(unit.place()) ? null : unit.place(), null, unit.endDate(),
							unit.monthlyIncome()));
			return true;
		}

	}

	static JobColumn columnOf(String field) {
		String name = field.substring(field.lastIndexOf('.') + 1);
		return switch (name) {
			case "memberId", "idNumber" -> JobColumn.ID_NUMBER;
			case "type" -> JobColumn.TYPE;
			case "welfarePostLevel" -> JobColumn.WELFARE_POST_LEVEL;
			case "employer" -> JobColumn.EMPLOYER;
			case "place" -> JobColumn.PLACE;
			case "startDate" -> JobColumn.START_DATE;
			case "endDate" -> JobColumn.END_DATE;
			case "monthlyIncome" -> JobColumn.MONTHLY_INCOME;
			default -> null;
		};
	}

}
