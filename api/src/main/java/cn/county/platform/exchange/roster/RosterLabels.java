package cn.county.platform.exchange.roster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.county.platform.household.Gender;
import cn.county.platform.household.Health;
import cn.county.platform.household.HouseholdCategory;
import cn.county.platform.household.HousingGrade;
import cn.county.platform.household.IdentificationChannel;
import cn.county.platform.household.LabourCapacity;
import cn.county.platform.household.MonitoringType;
import cn.county.platform.household.Relation;
import cn.county.platform.household.RiskCause;
import cn.county.platform.household.RiskStatus;
import cn.county.platform.household.Schooling;

/**
 * The words of the national monitoring system's roster for the platform's enums, shared
 * by the roster import and the household export so that an export imports back unchanged.
 * The household category and monitoring type share one column (监测对象类别): 脱贫户, 一般农户, or a
 * monitoring type for a monitored household.
 */
public final class RosterLabels {

	public static final String YES = "是";

	public static final String NO = "否";

	public static final String ALLEVIATED = "脱贫户";

	public static final String ORDINARY = "一般农户";

	/**
	 * The word for a monitored household where only the category is at hand (a list
	 * without the monitoring type); the roster names the monitoring type instead.
	 */
	public static final String MONITORED = "监测对象";

	public static final Labels<MonitoringType> MONITORING_TYPE = Labels.of(MonitoringType.class)
		.put(MonitoringType.UNSTABLE_ALLEVIATED, "脱贫不稳定户")
		.put(MonitoringType.MARGINAL, "边缘易致贫户")
		.put(MonitoringType.SUDDEN_HARDSHIP, "突发严重困难户");

	public static final Labels<Relation> RELATION = Labels.of(Relation.class)
		.put(Relation.HEAD, "户主", "本人")
		.put(Relation.SPOUSE, "配偶", "妻", "夫")
		.put(Relation.CHILD, "子女", "之子", "之女", "儿子", "女儿", "子", "女")
		.put(Relation.PARENT, "父母", "之父", "之母", "父亲", "母亲")
		.put(Relation.GRANDCHILD, "孙子女", "之孙子", "之孙女", "孙子", "孙女")
		.put(Relation.SIBLING, "兄弟姐妹", "兄弟", "姐妹")
		.put(Relation.OTHER, "其他");

	public static final Labels<Gender> GENDER = Labels.of(Gender.class).put(Gender.MALE, "男").put(Gender.FEMALE, "女");

	public static final Labels<Schooling> SCHOOLING = Labels.of(Schooling.class)
		.put(Schooling.NOT_SCHOOL_AGE, "学龄前儿童", "学前教育")
		.put(Schooling.COMPULSORY, "义务教育", "小学", "初中", "七年级", "八年级", "九年级")
		.put(Schooling.HIGH_SCHOOL, "普通高中", "高中")
		.put(Schooling.VOCATIONAL, "中职", "中职（中技）", "中专")
		.put(Schooling.COLLEGE, "大专及以上", "高职（高专）", "大专", "本科及以上")
		.put(Schooling.DROPPED_OUT, "辍学")
		.put(Schooling.GRADUATED, "非在校生", "已毕业");

	public static final Labels<Health> HEALTH = Labels.of(Health.class)
		.put(Health.HEALTHY, "健康")
		.put(Health.CHRONIC, "长期慢性病")
		.put(Health.SERIOUS_ILLNESS, "患有大病", "大病")
		.put(Health.DISABLED, "残疾");

	public static final Labels<LabourCapacity> LABOUR_CAPACITY = Labels.of(LabourCapacity.class)
		.put(LabourCapacity.FULL, "普通劳动力", "技能劳动力")
		.put(LabourCapacity.WEAK, "弱劳动力或半劳动力", "弱劳动力", "半劳动力")
		.put(LabourCapacity.NONE, "无劳动力", "丧失劳动力");

	public static final Labels<RiskCause> RISK_CAUSE = Labels.of(RiskCause.class)
		.put(RiskCause.ILLNESS, "因病")
		.put(RiskCause.DISABILITY, "因残")
		.put(RiskCause.SCHOOLING, "因学")
		.put(RiskCause.DISASTER, "因灾")
		.put(RiskCause.ACCIDENT, "因意外事故", "因意外")
		.put(RiskCause.LACK_OF_LABOUR, "缺劳动力")
		.put(RiskCause.UNSTABLE_EMPLOYMENT, "务工就业不稳")
		.put(RiskCause.HIGH_RIGID_EXPENSES, "刚性支出较大")
		.put(RiskCause.OTHER, "其他");

	public static final Labels<IdentificationChannel> IDENTIFIED_VIA = Labels.of(IdentificationChannel.class)
		.put(IdentificationChannel.SELF_REPORT, "农户自主申报", "自主申报")
		.put(IdentificationChannel.CADRE_SCREENING, "干部排查", "基层干部排查")
		.put(IdentificationChannel.DEPARTMENT_WARNING, "部门筛查预警", "部门预警");

	public static final Labels<HousingGrade> HOUSING_GRADE = Labels.of(HousingGrade.class)
		.put(HousingGrade.A, "A", "A级")
		.put(HousingGrade.B, "B", "B级")
		.put(HousingGrade.C, "C", "C级")
		.put(HousingGrade.D, "D", "D级");

	/** 风险是否消除 answers with 是 / 否, by the risk status's name. */
	public static final Map<String, String> RISK_ELIMINATED = Map.of(RiskStatus.ELIMINATED.name(), YES,
			RiskStatus.NOT_ELIMINATED.name(), NO);

	/**
	 * The words of 监测对象类别 by the name of the value the export reads: the monitoring type
	 * of a monitored household, else its category.
	 */
	public static final Map<String, String> CATEGORY = category();

	/** Words between the risk causes of one cell. */
	public static final String CAUSE_SEPARATORS = "[、,，;；/\\s]+";

	/** The separator exports write between risk causes. */
	public static final String CAUSE_SEPARATOR = "、";

	private RosterLabels() {
	}

	private static Map<String, String> category() {
		Map<String, String> words = new LinkedHashMap<>(MONITORING_TYPE.words());
		words.put(HouseholdCategory.ALLEVIATED.name(), ALLEVIATED);
		words.put(HouseholdCategory.ORDINARY.name(), ORDINARY);
		words.put(HouseholdCategory.MONITORED.name(), MONITORED);
		return Collections.unmodifiableMap(words);
	}

}
