package cn.county.platform.exchange.export;

import java.util.List;

/**
 * The household roster's columns, in the layout of the national monitoring information
 * system's roster export: one row per person, the household's fields repeated on each of
 * its rows, the headers as the national system spells them (乡(镇), 行政村, 户编号, 姓名, 证件号码,
 * 与户主关系, 人数, 家庭年人均纯收入(元), 监测对象类别, 风险是否消除, 联系电话 ...). The one place that names them: the
 * household export writes them, and the roster import is to read the same headers, so an
 * exported roster can be corrected and imported back.
 */
public final class HouseholdColumns {

	private HouseholdColumns() {
	}

	public static final String TOWN = "乡(镇)";

	public static final String VILLAGE = "行政村";

	public static final String VILLAGE_CODE = "行政村代码";

	public static final String HOUSEHOLD_CODE = "户编号";

	public static final String HEAD_NAME = "户主姓名";

	public static final String NAME = "姓名";

	public static final String ID_NUMBER = "证件号码";

	public static final String RELATION = "与户主关系";

	public static final String MEMBER_COUNT = "人数";

	public static final String GENDER = "性别";

	public static final String BIRTH_DATE = "出生日期";

	public static final String SCHOOLING = "在校生状况";

	public static final String HEALTH = "健康状况";

	public static final String DISABILITY_GRADE = "残疾等级";

	public static final String LABOUR_CAPACITY = "劳动技能";

	public static final String WILLING_TO_WORK = "是否有务工意愿";

	public static final String INCOME = "家庭年人均纯收入(元)";

	public static final String INCOME_YEAR = "收入年度";

	public static final String CATEGORY = "户类别";

	public static final String MONITORING_TYPE = "监测对象类别";

	public static final String RISK_ELIMINATED = "风险是否消除";

	public static final String RISK_ELIMINATED_ON = "风险消除时间";

	public static final String RISK_CAUSES = "致贫返贫风险";

	public static final String POLICY_SUPPORT = "是否享受政策";

	public static final String MINIMUM_ALLOWANCE = "是否低保户";

	public static final String EXTREME_POVERTY = "是否特困供养户";

	public static final String IDENTIFIED_VIA = "识别方式";

	public static final String IDENTIFIED_ON = "识别时间";

	public static final String WARNING_SOURCE = "预警部门";

	public static final String WARNING_RECEIVED_ON = "预警时间";

	public static final String SCREENED_ON = "最近排查时间";

	public static final String ASSIGNED_CADRE = "帮扶责任人";

	public static final String HOUSING_GRADE = "住房安全等级";

	public static final String HOUSING_INSPECTED_ON = "住房核查时间";

	public static final String WATER_SAFE = "饮水是否安全";

	public static final String WATER_CHECKED_ON = "饮水核查时间";

	public static final String PHONE = "联系电话";

	public static final String ADDRESS = "家庭住址";

	/** The list field whose elements make the rows: one row per member. */
	public static final String MEMBERS = "members";

	/** Every column, in the roster's order; member columns read from {@code members}. */
	public static final List<Column> ALL = List.of(Column.text(TOWN, "town.name"), Column.text(VILLAGE, "village.name"),
			Column.text(VILLAGE_CODE, "village.code"), Column.text(HOUSEHOLD_CODE, "code"),
			Column.text(HEAD_NAME, "headName"), Column.text(NAME, "members.name"),
			Column.text(ID_NUMBER, "members.idNumber"), Column.label(RELATION, "members.relation", Labels.RELATION),
			Column.size(MEMBER_COUNT, "members"), Column.label(GENDER, "members.gender", Labels.GENDER),
			Column.date(BIRTH_DATE, "members.birthDate"),
			Column.label(SCHOOLING, "members.schooling", Labels.SCHOOLING),
			Column.label(HEALTH, "members.health", Labels.HEALTH),
			Column.number(DISABILITY_GRADE, "members.disabilityGrade"),
			Column.label(LABOUR_CAPACITY, "members.labourCapacity", Labels.LABOUR_CAPACITY),
			Column.yesNo(WILLING_TO_WORK, "members.willingToWork"), Column.number(INCOME, "incomePerCapita"),
			Column.number(INCOME_YEAR, "incomeYear"), Column.label(CATEGORY, "category", Labels.HOUSEHOLD_CATEGORY),
			Column.label(MONITORING_TYPE, "monitoringType", Labels.MONITORING_TYPE),
			Column.label(RISK_ELIMINATED, "riskStatus", Labels.RISK_ELIMINATED),
			Column.date(RISK_ELIMINATED_ON, "riskEliminatedOn"),
			Column.labels(RISK_CAUSES, "riskCauses", Labels.RISK_CAUSE),
			Column.yesNo(POLICY_SUPPORT, "receivesPolicySupport"), Column.yesNo(MINIMUM_ALLOWANCE, "minimumAllowance"),
			Column.yesNo(EXTREME_POVERTY, "extremePoverty"),
			Column.label(IDENTIFIED_VIA, "identifiedVia", Labels.IDENTIFICATION_CHANNEL),
			Column.date(IDENTIFIED_ON, "identifiedOn"), Column.text(WARNING_SOURCE, "warningSource"),
			Column.date(WARNING_RECEIVED_ON, "warningReceivedOn"), Column.date(SCREENED_ON, "screenedOn"),
			Column.text(ASSIGNED_CADRE, "assignedCadre"), Column.text(HOUSING_GRADE, "housingGrade"),
			Column.date(HOUSING_INSPECTED_ON, "housingInspectedOn"), Column.yesNo(WATER_SAFE, "waterSafe"),
			Column.date(WATER_CHECKED_ON, "waterCheckedOn"), Column.text(PHONE, "phone"),
			Column.text(ADDRESS, "address"));

}
