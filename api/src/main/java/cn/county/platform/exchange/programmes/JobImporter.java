package cn.county.platform.exchange.programmes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.county.platform.exchange.imports.ImportKind;
import cn.county.platform.exchange.imports.ImportProperties;
import cn.county.platform.exchange.imports.ImportTransactions;
import cn.county.platform.exchange.jobs.JobColumn;
import cn.county.platform.exchange.jobs.JobImportProperties;
import cn.county.platform.job.Inputs;
import cn.county.platform.job.Job;
import cn.county.platform.job.JobService;
import cn.county.platform.job.JobType;
import cn.county.platform.job.WelfarePostLevel;
import cn.county.platform.security.Caller;

import org.springframework.stereotype.Component;

/**
 * The employment roster of the human resources and social security bureau (item 15), one
 * job per row, written through {@link JobService} (its rules: working age, one
 * public-welfare post at a time, amounts; its audit). A job is the member's job of the
 * same type, employer and start date: a new one is recorded, a stored one updated where
 * the row differs (end date, income, place), an identical one left alone, so the same
 * file twice changes nothing. HRSS officers import county-wide, town officials their own
 * town's members; a person not registered is refused. Its headers are configured as
 * {@code platform.exchange.jobs.headers.<key>} ({@link JobImportProperties}).
 */
@Component
class JobImporter extends RowImporter<JobColumn, JobImporter.Row> {

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

	record Row(String idNumber, JobType type, WelfarePostLevel level, String employer, String place,
			LocalDate startDate, LocalDate endDate, BigDecimal monthlyIncome) {
	}

	private final People people;

	private final JobService jobs;

	private final JobImportProperties headers;

	JobImporter(People people, JobService jobs, ImportTransactions transactions, ImportProperties imports,
			ProgrammeImportProperties properties, JobImportProperties headers) {
		super(ImportKind.JOBS, Owner.HRSS, JobColumn.class, transactions, imports, properties);
		this.people = people;
		this.jobs = jobs;
		this.headers = headers;
	}

	@Override
	public Map<String, String> configuredHeaders() {
		return this.headers.headers();
	}

	@Override
	Row read(Reading<JobColumn> row) {
		return new Row(row.text(JobColumn.ID_NUMBER), row.word(JobColumn.TYPE, TYPES),
				row.word(JobColumn.WELFARE_POST_LEVEL, LEVELS), row.text(JobColumn.EMPLOYER), row.text(JobColumn.PLACE),
				row.date(JobColumn.START_DATE), row.date(JobColumn.END_DATE), row.amount(JobColumn.MONTHLY_INCOME));
	}

	@Override
	boolean write(Caller caller, Row row) {
		long member = this.people.find(caller, row.idNumber()).member().id();
		Job same = this.jobs.ofMembers(List.of(member))
			.getOrDefault(member, List.of())
			.stream()
			.filter((job) -> job.type() == row.type() && job.employer().equals(row.employer())
					&& job.startDate().equals(row.startDate()))
			.findFirst()
			.orElse(null);
		if (same == null) {
			this.jobs.record(caller, new Inputs.RecordJobInput(member, row.type(), row.level(), row.employer(),
					row.place(), row.startDate(), row.endDate(), row.monthlyIncome()));
			return true;
		}
		boolean differs = !Objects.equals(same.endDate(), row.endDate()) || !same.place().equals(row.place())
				|| (row.monthlyIncome() != null && same.monthlyIncome().compareTo(row.monthlyIncome()) != 0);
		if (!differs) {
			return false;
		}
		this.jobs.update(caller, new Inputs.UpdateJobInput(same.id(), same.version(), null,
				same.place().equals(row.place()) ? null : row.place(), null, row.endDate(), row.monthlyIncome()));
		return true;
	}

	@Override
	JobColumn columnOf(String field) {
		return switch (field.substring(field.lastIndexOf('.') + 1)) {
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
