package cn.county.platform.exchange;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import cn.county.platform.exchange.jobs.JobColumn;
import cn.county.platform.exchange.roster.RosterColumn;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.AbstractPlatformTests;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HRSS employment roster: jobs recorded through the job service's rules, once however
 * often uploaded.
 */
class JobImportTests extends AbstractPlatformTests {

	@LocalServerPort
	int port;

	@Test
	void hrssImportsJobsOnceAndTheJobServiceRulesRefuseBadRows() {
		Imports imports = new Imports(this.port);
		String town = this.jdbc.queryForObject("SELECT name FROM town WHERE code = ?", String.class, Fixtures.TOWN);
		String village = this.jdbc.queryForObject("SELECT name FROM village WHERE code = ?", String.class,
				Fixtures.VILLAGE);
		String adult = Fixtures.idNumber(LocalDate.of(1985, 2, 2));
		String child = Fixtures.idNumber(LocalDate.of(2015, 2, 2));
		String code = Fixtures.code();
		RosterFile<RosterColumn> roster = new RosterFile<>(RosterColumn.class);
		for (String id : new String[] { adult, child }) {
			roster.row(RosterFile.cells(RosterColumn.TOWN, town, RosterColumn.VILLAGE, village,
					RosterColumn.HOUSEHOLD_CODE, code, RosterColumn.NAME, "郑强", RosterColumn.ID_NUMBER, id,
					RosterColumn.RELATION, id.equals(adult) ? "户主" : "之子", RosterColumn.INCOME_PER_CAPITA, "9000",
					RosterColumn.CATEGORY, "脱贫户", RosterColumn.SCHOOLING, "非在校生", RosterColumn.HEALTH, "健康",
					RosterColumn.LABOUR_CAPACITY, "普通劳动力"));
		}
		assertThat(imports.run("county.admin", "roster", roster.xlsx(), "r.xlsx", false).number("rowsApplied"))
			.isEqualTo(2);

		RosterFile<JobColumn> jobs = new RosterFile<>(JobColumn.class);
		jobs.row(RosterFile.cells(JobColumn.ID_NUMBER, adult, JobColumn.TYPE, "省外务工", JobColumn.EMPLOYER, "东莞电子厂",
				JobColumn.PLACE, "广东东莞", JobColumn.START_DATE, "2023-02-10", JobColumn.MONTHLY_INCOME, "4800"));
		jobs.row(RosterFile.cells(JobColumn.ID_NUMBER, child, JobColumn.TYPE, "本地企业或产业基地", JobColumn.EMPLOYER, "县食品厂",
				JobColumn.PLACE, "本县", JobColumn.START_DATE, "2023-03-01", JobColumn.MONTHLY_INCOME, "2000"));
		jobs.row(RosterFile.cells(JobColumn.ID_NUMBER, adult, JobColumn.TYPE, "公益性岗位", JobColumn.EMPLOYER, "村委会",
				JobColumn.PLACE, "本村", JobColumn.START_DATE, "2023-04-01", JobColumn.MONTHLY_INCOME, "800"));
		byte[] file = jobs.csv(StandardCharsets.UTF_8, true);

		Imports.Job dry = imports.run("hrss.officer", "jobs", file, "jobs.csv", true);
		assertThat(dry.status()).as(dry.toString()).isEqualTo("SUCCEEDED");
		assertThat(dry.number("rowsApplied")).isEqualTo(1);
		assertThat(dry.number("rowsRefused")).isEqualTo(2);
		assertThat(jobsOf(adult)).isZero();

		Imports.Job applied = imports.run("hrss.officer", "jobs", file, "jobs.csv", false);
		assertThat(applied.number("rowsApplied")).isEqualTo(1);
		assertThat(applied.refusals()).anySatisfy((refusal) -> {
			assertThat(refusal.get("row")).isEqualTo(3);
			assertThat(refusal.get("column")).isEqualTo("证件号码");
			assertThat((String) refusal.get("reason")).contains("under");
		});
		assertThat(applied.refusals()).anySatisfy((refusal) -> {
			assertThat(refusal.get("row")).isEqualTo(4);
			assertThat(refusal.get("column")).isEqualTo("公益性岗位级别");
		});
		assertThat(jobsOf(adult)).isEqualTo(1);
		assertThat(jobsOf(child)).isZero();

		Imports.Job again = imports.run("hrss.officer", "jobs", file, "jobs.csv", false);
		assertThat(again.number("rowsApplied")).isZero();
		assertThat(again.number("rowsUnchanged")).isEqualTo(1);
		assertThat(jobsOf(adult)).isEqualTo(1);

		Imports.Refused finance = imports.refused("finance.officer", "jobs", file, "jobs.csv");
		assertThat(finance.status()).isEqualTo(403);
	}

	private int jobsOf(String idNumber) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM job j JOIN member m ON m.id = j.member_id" + " WHERE m.id_number = ?",
				Integer.class, idNumber);
	}

}
