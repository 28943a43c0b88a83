package cn.county.platform.exchange;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.county.platform.exchange.roster.RosterColumn;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.AbstractPlatformTests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.county.platform.exchange.roster.RosterColumn.BIRTH_DATE;
import static cn.county.platform.exchange.roster.RosterColumn.CATEGORY;
import static cn.county.platform.exchange.roster.RosterColumn.DISABILITY_GRADE;
import static cn.county.platform.exchange.roster.RosterColumn.HEALTH;
import static cn.county.platform.exchange.roster.RosterColumn.HOUSEHOLD_CODE;
import static cn.county.platform.exchange.roster.RosterColumn.ID_NUMBER;
import static cn.county.platform.exchange.roster.RosterColumn.IDENTIFIED_ON;
import static cn.county.platform.exchange.roster.RosterColumn.INCOME_PER_CAPITA;
import static cn.county.platform.exchange.roster.RosterColumn.INCOME_YEAR;
import static cn.county.platform.exchange.roster.RosterColumn.LABOUR_CAPACITY;
import static cn.county.platform.exchange.roster.RosterColumn.MEMBER_COUNT;
import static cn.county.platform.exchange.roster.RosterColumn.NAME;
import static cn.county.platform.exchange.roster.RosterColumn.PHONE;
import static cn.county.platform.exchange.roster.RosterColumn.RELATION;
import static cn.county.platform.exchange.roster.RosterColumn.RISK_CAUSES;
import static cn.county.platform.exchange.roster.RosterColumn.RISK_ELIMINATED;
import static cn.county.platform.exchange.roster.RosterColumn.RISK_ELIMINATED_ON;
import static cn.county.platform.exchange.roster.RosterColumn.SCHOOLING;
import static cn.county.platform.exchange.roster.RosterColumn.TOWN;
import static cn.county.platform.exchange.roster.RosterColumn.VILLAGE;
import static cn.county.platform.exchange.roster.RosterColumn.WILLING_TO_WORK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The household roster import over real HTTP with real tokens against the real database:
 * dry runs, applies, the same file twice, every kind of bad row, another town's rows, and
 * each charset and format Excel writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterImportTests extends AbstractPlatformTests {

	@LocalServerPort
	int port;

	Imports imports;

	String town;

	String village;

	String otherTown;

	String otherVillage;

	@BeforeAll
	void setUp() {
		this.imports = new Imports(this.port);
		this.town = name("town", Fixtures.TOWN);
		this.village = name("village", Fixtures.VILLAGE);
		this.otherTown = name("town", Fixtures.OTHER_TOWN);
		this.otherVillage = name("village", Fixtures.OTHER_TOWN_VILLAGE);
	}

	private String name(String table, String code) {
		return this.jdbc.queryForObject("SELECT name FROM " + table + " WHERE code = ?", String.class, code);
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

	/** A household's rows: the head and the given members, in the first demo village. */
	private void household(RosterFile<RosterColumn> file, String code, String category, String income, String townName,
			String villageName, String... memberIds) {
		for (int i = 0; i < memberIds.length; i++) {
			Map<RosterColumn, String> row = file.row();
			row.put(TOWN, townName);
			row.put(VILLAGE, villageName);
			row.put(HOUSEHOLD_CODE, code);
			row.put(NAME, (i == 0) ? "王建国" : "王小" + i);
			row.put(ID_NUMBER, memberIds[i]);
			row.put(RELATION, (i == 0) ? "户主" : "之子");
			row.put(MEMBER_COUNT, String.valueOf(memberIds.length));
			row.put(PHONE, "13900139000");
			row.put(INCOME_PER_CAPITA, income);
			row.put(INCOME_YEAR, "2023");
			row.put(CATEGORY, category);
			row.put(SCHOOLING, (i == 0) ? "非在校生" : "义务教育");
			row.put(HEALTH, "健康");
			row.put(LABOUR_CAPACITY, (i == 0) ? "普通劳动力" : "无劳动力");
			row.put(WILLING_TO_WORK, (i == 0) ? "是" : "否");
		}
	}

	private static String adult() {
		return Fixtures.idNumber(LocalDate.of(1975, 5, 20));
	}

	private static String child() {
		return Fixtures.idNumber(LocalDate.of(2012, 9, 1));
	}

	@Test
	void dryRunChecksEveryRowAndWritesNothingThenTheApplyWritesAuditedHouseholds() {
		RosterFile<RosterColumn> file = new RosterFile<>(RosterColumn.class);
		String alleviated = Fixtures.code();
		String monitored = Fixtures.code();
		household(file, alleviated, "脱贫户", "9800", this.town, this.village, adult(), child());
		household(file, monitored, "边缘易致贫户", "6900.50", this.town, this.village, adult());
		file.rows().get(2).put(RISK_CAUSES, "因病、因学");
		file.rows().get(2).put(IDENTIFIED_ON, "2023-03-01");
		file.rows().get(2).put(RISK_ELIMINATED, "是");
		file.rows().get(2).put(RISK_ELIMINATED_ON, "2023/6/30");
		int audits = count("SELECT COUNT(*) FROM audit_log");

		Imports.Job dry = this.imports.run("county.admin", "roster", file.xlsx(), "roster.xlsx", true);
		assertThat(dry.status()).as(dry.toString()).isEqualTo("SUCCEEDED");
		assertThat(dry.number("rowsRead")).isEqualTo(3);
		assertThat(dry.number("rowsApplied")).isEqualTo(3);
		assertThat(dry.number("rowsRefused")).isZero();
		assertThat(count("SELECT COUNT(*) FROM household WHERE code IN (?, ?)", alleviated, monitored)).isZero();
		assertThat(count("SELECT COUNT(*) FROM audit_log")).isEqualTo(audits);

		Imports.Job applied = this.imports.run("county.admin", "roster", file.xlsx(), "roster.xlsx", false);
		assertThat(applied.status()).as(applied.toString()).isEqualTo("SUCCEEDED");
		assertThat(applied.number("rowsApplied")).isEqualTo(3);
		assertThat(applied.number("recordsCreated")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM member m JOIN household h ON h.id = m.household_id WHERE h.code = ?",
				alleviated))
			.isEqualTo(2);
		Map<String, Object> stored = this.jdbc.queryForMap(
				"SELECT category, monitoring_type, risk_status, risk_eliminated_on, income_per_capita FROM household"
						+ " WHERE code = ?",
				monitored);
		assertThat(stored).containsEntry("category", "MONITORED")
			.containsEntry("monitoring_type", "MARGINAL")
			.containsEntry("risk_status", "ELIMINATED");
		assertThat(stored.get("risk_eliminated_on").toString()).isEqualTo("2023-06-30");
		assertThat(count("SELECT COUNT(*) FROM household_risk_cause c JOIN household h ON h.id = c.household_id"
				+ " WHERE h.code = ?", monitored))
			.isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE actor = 'county.admin' AND operation IN"
				+ " ('createHousehold', 'addMember', 'eliminateHouseholdRisk')"))
			.isGreaterThanOrEqualTo(4);
		assertThat(count("SELECT COUNT(*) FROM audit_log")).isEqualTo(audits + 4);
	}

	@Test
	void theSameFileTwiceChangesNothingTheSecondTimeAndAChangedCellChangesExactlyThat() {
		RosterFile<RosterColumn> file = new RosterFile<>(RosterColumn.class);
		String code = Fixtures.code();
		String childId = child();
		household(file, code, "一般农户", "12000", this.town, this.village, adult(), childId);
		byte[] xlsx = file.xlsx();
		assertThat(this.imports.run("town.official", "roster", xlsx, "a.xlsx", false).status()).isEqualTo("SUCCEEDED");
		int version = count("SELECT version FROM household WHERE code = ?", code);
		int audits = count("SELECT COUNT(*) FROM audit_log");

		Imports.Job again = this.imports.run("town.official", "roster", xlsx, "a.xlsx", false);
		assertThat(again.status()).isEqualTo("SUCCEEDED");
		assertThat(again.number("rowsApplied")).isZero();
		assertThat(again.number("rowsUnchanged")).isEqualTo(2);
		assertThat(count("SELECT version FROM household WHERE code = ?", code)).isEqualTo(version);
		assertThat(count("SELECT COUNT(*) FROM audit_log")).isEqualTo(audits);
		assertThat(this.jdbc.queryForObject("SELECT category FROM household WHERE code = ?", String.class, code))
			.isEqualTo("ORDINARY");

		file.rows().forEach((row) -> row.put(PHONE, "13700137000"));
		file.rows().get(1).put(SCHOOLING, "辍学");
		Imports.Job changed = this.imports.run("town.official", "roster", file.xlsx(), "b.xlsx", false);
		assertThat(changed.status()).isEqualTo("SUCCEEDED");
		assertThat(changed.number("recordsUpdated")).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT phone FROM household WHERE code = ?", String.class, code))
			.isEqualTo("13700137000");
		assertThat(this.jdbc.queryForObject("SELECT schooling FROM member WHERE id_number = ?", String.class, childId))
			.isEqualTo("DROPPED_OUT");
		assertThat(this.jdbc.queryForList("SELECT operation FROM audit_log WHERE occurred_at IS NOT NULL"
				+ " ORDER BY occurred_at DESC, id DESC LIMIT 2", String.class))
			.containsExactlyInAnyOrder("updateHousehold", "updateMember");
		assertThat(count("SELECT COUNT(*) FROM audit_log")).isEqualTo(audits + 2);
	}

	@Test
	void everyBadRowIsReportedWithItsColumnAndReasonAndNothingOfItsHouseholdIsWritten() {
		RosterFile<RosterColumn> file = new RosterFile<>(RosterColumn.class);
		String good = Fixtures.code();
		household(file, good, "脱贫户", "9000", this.town, this.village, adult());
		String badId = Fixtures.code();
		String wrong = adult();
		household(file, badId, "脱贫户", "9000", this.town, this.village, adult(),
				wrong.substring(0, 17) + ((wrong.charAt(17) == '1') ? "2" : "1"));
		String badPhone = Fixtures.code();
		household(file, badPhone, "脱贫户", "9000", this.town, this.village, adult());
		file.rows().get(3).put(PHONE, "12345");
		String badTown = Fixtures.code();
		household(file, badTown, "脱贫户", "9000", "不存在镇", this.village, adult());
		String badCategory = Fixtures.code();
		household(file, badCategory, "小康户", "9000", this.town, this.village, adult());
		String noGrade = Fixtures.code();
		household(file, noGrade, "脱贫户", "9000", this.town, this.village, adult());
		file.rows().get(6).put(HEALTH, "残疾");
		String badCount = Fixtures.code();
		household(file, badCount, "脱贫户", "9000", this.town, this.village, adult());
		file.rows().get(7).put(MEMBER_COUNT, "3");
		String differing = Fixtures.code();
		household(file, differing, "脱贫户", "9000", this.town, this.village, adult(), child());
		file.rows().get(9).put(INCOME_PER_CAPITA, "5000");
		String duplicate = Fixtures.code();
		String registered = this.jdbc.queryForObject("SELECT id_number FROM member ORDER BY id LIMIT 1", String.class);
		household(file, duplicate, "脱贫户", "9000", this.town, this.village, adult(), registered);
		String negative = Fixtures.code();
		household(file, negative, "脱贫户", "-1", this.town, this.village, adult());
		String badDate = Fixtures.code();
		household(file, badDate, "脱贫户", "9000", this.town, this.village, adult());
		file.rows().get(13).put(BIRTH_DATE, "去年");
		String noName = Fixtures.code();
		household(file, noName, "脱贫户", "9000", this.town, this.village, adult());
		file.rows().get(14).put(NAME, "");

		Imports.Job job = this.imports.run("county.admin", "roster", file.xlsx(), "bad.xlsx", false);
		assertThat(job.status()).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(job.number("rowsApplied")).isEqualTo(1);
		assertThat(job.number("rowsRefused")).isEqualTo(14);
		assertThat(count("SELECT COUNT(*) FROM household WHERE code = ?", good)).isEqualTo(1);
		for (String code : List.of(badId, badPhone, badTown, badCategory, noGrade, badCount, differing, duplicate,
				negative, badDate, noName)) {
			assertThat(count("SELECT COUNT(*) FROM household WHERE code = ?", code)).as(code).isZero();
		}
		List<Map<String, Object>> refusals = job.refusals();
		assertThat(reason(refusals, 4, "证件号码")).contains("check");
		assertThat(reason(refusals, 3, "与户主关系")).isNull();
		assertThat(reason(refusals, 3, null)).contains("整户未写入");
		assertThat(reason(refusals, 5, "联系电话")).contains("mobile");
		assertThat(reason(refusals, 6, "乡(镇)")).contains("不是本县的乡镇");
		assertThat(reason(refusals, 7, "监测对象类别")).contains("应为");
		assertThat(reason(refusals, 8, "残疾等级")).contains("DISABLED");
		assertThat(reason(refusals, 9, "人数")).contains("1 行");
		assertThat(reason(refusals, 11, "家庭年人均纯收入(元)")).contains("与户主行不一致");
		assertThat(reason(refusals, 13, "证件号码")).contains("another household");
		assertThat(reason(refusals, 14, "家庭年人均纯收入(元)")).contains("negative");
		assertThat(reason(refusals, 15, "出生日期")).contains("日期");
		assertThat(reason(refusals, 16, "姓名")).contains("不能为空");
		assertThat(refusals).filteredOn((refusal) -> refusal.get("row").equals(4))
			.first()
			.satisfies((refusal) -> assertThat((String) refusal.get("value")).startsWith("1101"));

		String report = new String(this.imports.http("county.admin")
			.get()
			.uri((String) job.fields().get("reportPath") + "?format=csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8);
		assertThat(report).contains("原因").contains(badPhone).contains("mobile").doesNotContain(good);
	}

	private static String reason(List<Map<String, Object>> refusals, int row, String column) {
		return refusals.stream()
			.filter((refusal) -> ((Number) refusal.get("row")).intValue() == row)
			.filter((refusal) -> java.util.Objects.equals(refusal.get("column"), column))
			.map((refusal) -> (String) refusal.get("reason"))
			.findFirst()
			.orElse(null);
	}

	@Test
	void aTownOfficialsRowsOfAnotherTownAreRefusedNotSkipped() {
		RosterFile<RosterColumn> file = new RosterFile<>(RosterColumn.class);
		String own = Fixtures.code();
		String foreign = Fixtures.code();
		household(file, own, "脱贫户", "9100", this.town, this.village, adult());
		household(file, foreign, "脱贫户", "9100", this.otherTown, this.otherVillage, adult(), child());
		Imports.Job job = this.imports.run("town.official", "roster", file.xlsx(), "towns.xlsx", false);
		assertThat(job.status()).isEqualTo("SUCCEEDED");
		assertThat(job.number("rowsApplied")).isEqualTo(1);
		assertThat(job.number("rowsRefused")).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM household WHERE code = ?", own)).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM household WHERE code = ?", foreign)).isZero();
		assertThat(reason(job.refusals(), 3, "乡(镇)")).contains("不在您的辖区");
	}

	@Test
	void csvInUtf8WithAndWithoutABomAndInGbkImportAlike() {
		for (Object[] variant : new Object[][] { { StandardCharsets.UTF_8, true }, { StandardCharsets.UTF_8, false },
				{ Charset.forName("GBK"), false } }) {
			RosterFile<RosterColumn> file = new RosterFile<>(RosterColumn.class);
			String code = Fixtures.code();
			household(file, code, "脱贫户", "9300", this.town, this.village, adult());
			Imports.Job job = this.imports.run("county.admin", "roster",
					file.csv((Charset) variant[0], (Boolean) variant[1]), "roster.csv", false);
			assertThat(job.status()).as(job.toString()).isEqualTo("SUCCEEDED");
			assertThat(job.number("rowsApplied")).as(job.toString()).isEqualTo(1);
			assertThat(this.jdbc.queryForObject("SELECT head_name FROM household WHERE code = ?", String.class, code))
				.isEqualTo("王建国");
		}
	}

	@Test
	void aVillageCadreMayNotImportTheRoster() {
		RosterFile<RosterColumn> file = new RosterFile<>(RosterColumn.class);
		household(file, Fixtures.code(), "脱贫户", "9300", this.town, this.village, adult());
		Imports.Refused refused = this.imports.refused("village.cadre", "roster", file.xlsx(), "r.xlsx");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.message()).contains("花名册");
	}

	@Test
	void disabledMembersCarryTheirGrade() {
		RosterFile<RosterColumn> file = new RosterFile<>(RosterColumn.class);
		String code = Fixtures.code();
		String id = adult();
		household(file, code, "脱贫户", "9300", this.town, this.village, id);
		file.rows().get(0).put(HEALTH, "残疾");
		file.rows().get(0).put(DISABILITY_GRADE, "二级");
		Imports.Job job = this.imports.run("county.admin", "roster", file.xlsx(), "r.xlsx", false);
		assertThat(job.status()).isEqualTo("SUCCEEDED");
		assertThat(count("SELECT disability_grade FROM member WHERE id_number = ?", id)).isEqualTo(2);
	}

}
