package cn.county.platform.exchange;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Map;

import cn.county.platform.common.ResidentIdNumber;
import cn.county.platform.exchange.roster.RosterColumn;
import cn.county.platform.exchange.warning.WarningColumn;

/**
 * The generator of the sample files checked in under {@code docs/samples/}: a roster in
 * the national system's layout ({@code roster-national.xlsx}) and a department's warning
 * list in GBK, as Excel on Chinese Windows saves CSV ({@code warnings-gbk.csv}).
 * {@link SampleFilesTests} imports them and fails when they are not what this class
 * generates; run it with {@code -Dsamples.write=true} to write them again. ID numbers use
 * region 110228, which neither the demo data nor the test fixtures use.
 */
final class SampleFiles {

	static final String ROSTER = "roster-national.xlsx";

	static final String WARNINGS = "warnings-gbk.csv";

	/** Household codes of the sample roster, in the first demo village. */
	static final String[] CODES = { "T4110241002019001", "T4110241002019002", "T4110241002019003" };

	/** The head of the first sample household, whom the sample warnings also name. */
	static final String WARNED_HEAD = ResidentIdNumber.of("110228", LocalDate.of(1962, 4, 8), 11);

	/**
	 * A person no roster registers: the warnings make them head of a new ordinary
	 * household.
	 */
	static final String UNREGISTERED = ResidentIdNumber.of("110228", LocalDate.of(1958, 11, 2), 23);

	private SampleFiles() {
	}

	static byte[] roster(String town, String village) {
		RosterFile<RosterColumn> file = new RosterFile<>(RosterColumn.class);
		member(file, town, village, CODES[0], "赵德顺", WARNED_HEAD, "户主", "3", "脱贫户", "8650", "非在校生", "长期慢性病",
				"弱劳动力或半劳动力", "否");
		member(file, town, village, CODES[0], "钱桂兰", ResidentIdNumber.of("110228", LocalDate.of(1964, 2, 17), 22), "配偶",
				"3", "脱贫户", "8650", "非在校生", "健康", "普通劳动力", "是");
		member(file, town, village, CODES[0], "赵小军", ResidentIdNumber.of("110228", LocalDate.of(2010, 7, 30), 31), "之子",
				"3", "脱贫户", "8650", "义务教育", "健康", "无劳动力", "否");
		Map<RosterColumn, String> head = member(file, town, village, CODES[1], "孙有福",
				ResidentIdNumber.of("110228", LocalDate.of(1970, 9, 12), 41), "户主", "2", "突发严重困难户", "6200", "非在校生",
				"患有大病", "弱劳动力或半劳动力", "否");
		head.put(RosterColumn.RISK_CAUSES, "因病、刚性支出较大");
		head.put(RosterColumn.IDENTIFIED_VIA, "干部排查");
		head.put(RosterColumn.IDENTIFIED_ON, "2023-04-11");
		head.put(RosterColumn.RISK_ELIMINATED, "否");
		Map<RosterColumn, String> spouse = member(file, town, village, CODES[1], "李秀英",
				ResidentIdNumber.of("110228", LocalDate.of(1972, 1, 5), 52), "配偶", "2", "突发严重困难户", "6200", "非在校生", "残疾",
				"无劳动力", "否");
		spouse.put(RosterColumn.DISABILITY_GRADE, "三级");
		spouse.put(RosterColumn.RISK_CAUSES, "因病、刚性支出较大");
		spouse.put(RosterColumn.IDENTIFIED_VIA, "干部排查");
		spouse.put(RosterColumn.IDENTIFIED_ON, "2023-04-11");
		spouse.put(RosterColumn.RISK_ELIMINATED, "否");
		member(file, town, village, CODES[2], "周长林", ResidentIdNumber.of("110228", LocalDate.of(1980, 3, 3), 61), "户主",
				"1", "一般农户", "7100", "非在校生", "健康", "普通劳动力", "是");
		return file.xlsx();
	}

	private static Map<RosterColumn, String> member(RosterFile<RosterColumn> file, String town, String village,
			String code, String name, String id, String relation, String count, String category, String income,
			String schooling, String health, String labour, String willing) {
		Map<RosterColumn, String> row = file.row();
		row.put(RosterColumn.TOWN, town);
		row.put(RosterColumn.VILLAGE, village);
		row.put(RosterColumn.HOUSEHOLD_CODE, code);
		row.put(RosterColumn.ADDRESS, village + code.substring(code.length() - 2) + "号");
		row.put(RosterColumn.NAME, name);
		row.put(RosterColumn.ID_NUMBER, id);
		row.put(RosterColumn.RELATION, relation);
		row.put(RosterColumn.MEMBER_COUNT, count);
		row.put(RosterColumn.PHONE, "1380000" + code.substring(code.length() - 4));
		row.put(RosterColumn.INCOME_PER_CAPITA, income);
		row.put(RosterColumn.INCOME_YEAR, "2023");
		row.put(RosterColumn.CATEGORY, category);
		row.put(RosterColumn.RECEIVES_POLICY_SUPPORT, "脱贫户".equals(category) ? "是" : "否");
		row.put(RosterColumn.MINIMUM_ALLOWANCE, "否");
		row.put(RosterColumn.EXTREME_POVERTY, "否");
		row.put(RosterColumn.ASSIGNED_CADRE, "刘明");
		row.put(RosterColumn.HOUSING_GRADE, "B");
		row.put(RosterColumn.HOUSING_INSPECTED_ON, "2023-03-20");
		row.put(RosterColumn.WATER_SAFE, "是");
		row.put(RosterColumn.WATER_CHECKED_ON, "2023-05-06");
		row.put(RosterColumn.SCHOOLING, schooling);
		row.put(RosterColumn.HEALTH, health);
		row.put(RosterColumn.LABOUR_CAPACITY, labour);
		row.put(RosterColumn.WILLING_TO_WORK, willing);
		return row;
	}

	static byte[] warnings(String town, String village) {
		RosterFile<WarningColumn> file = new RosterFile<>(WarningColumn.class);
		file.row(RosterFile.cells(WarningColumn.DEPARTMENT, "医保局", WarningColumn.ID_NUMBER, WARNED_HEAD,
				WarningColumn.KIND, "大额医疗支出", WarningColumn.WARNED_ON, "2023-05-15", WarningColumn.NOTE,
				"自付医疗费用 2.3 万元"));
		file.row(RosterFile.cells(WarningColumn.DEPARTMENT, "医保局", WarningColumn.ID_NUMBER, UNREGISTERED,
				WarningColumn.KIND, "大额医疗支出", WarningColumn.WARNED_ON, "2023-05-20", WarningColumn.NOTE, "未纳入监测的一般农户",
				WarningColumn.NAME, "吴根生", WarningColumn.TOWN, town, WarningColumn.VILLAGE, village,
				WarningColumn.INCOME_PER_CAPITA, "5200"));
		return file.csv(Charset.forName("GBK"), false);
	}

}
