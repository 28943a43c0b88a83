package cn.county.platform.exchange.roster;

import cn.county.platform.exchange.imports.ImportColumn;

/**
 * The columns of the household roster in the national monitoring system's layout: one row
 * per person, the household's fields repeated on each row. The default headers are the
 * national export's; a province whose export names a column differently sets
 * {@code platform.exchange.roster.headers.<key>}. The household export writes the same
 * headers, so an export imports back. The column map is documented in
 * {@code docs/exchange.md}.
 */
public enum RosterColumn implements ImportColumn {

	TOWN("town", "乡(镇)", true, null), VILLAGE("village", "行政村", true, null),
	HOUSEHOLD_CODE("householdCode", "户编号", true, null), ADDRESS("address", "家庭住址", false, null),
	NAME("name", "姓名", true, null), ID_NUMBER("idNumber", "证件号码", true, "Member.idNumber"),
	RELATION("relation", "与户主关系", true, null), GENDER("gender", "性别", false, null),
	BIRTH_DATE("birthDate", "出生日期", false, null), MEMBER_COUNT("memberCount", "人数", false, null),
	PHONE("phone", "联系电话", false, "Household.phone"), INCOME_PER_CAPITA("incomePerCapita", "家庭年人均纯收入(元)", true, null),
	INCOME_YEAR("incomeYear", "收入年度", false, null), CATEGORY("category", "监测对象类别", true, null),
	RISK_ELIMINATED("riskEliminated", "风险是否消除", false, null),
	RISK_ELIMINATED_ON("riskEliminatedOn", "风险消除时间", false, null),
	RISK_CAUSES("riskCauses", "主要风险", false, "Household.riskCauses"),
	IDENTIFIED_VIA("identifiedVia", "识别方式", false, null), IDENTIFIED_ON("identifiedOn", "识别时间", false, null),
	RECEIVES_POLICY_SUPPORT("receivesPolicySupport", "是否享受政策", false, null),
	MINIMUM_ALLOWANCE("minimumAllowance", "是否低保户", false, null),
	EXTREME_POVERTY("extremePoverty", "是否特困户", false, null), ASSIGNED_CADRE("assignedCadre", "帮扶责任人", false, null),
	HOUSING_GRADE("housingGrade", "住房安全等级", false, null),
	HOUSING_INSPECTED_ON("housingInspectedOn", "住房鉴定时间", false, null), WATER_SAFE("waterSafe", "饮水是否安全", false, null),
	WATER_CHECKED_ON("waterCheckedOn", "饮水检查时间", false, null), SCREENED_ON("screenedOn", "最近排查时间", false, null),
	SCHOOLING("schooling", "在校生状况", false, null), HEALTH("health", "健康状况", false, "Member.health"),
	DISABILITY_GRADE("disabilityGrade", "残疾等级", false, "Member.disabilityGrade"),
	LABOUR_CAPACITY("labourCapacity", "劳动技能", false, null), WILLING_TO_WORK("willingToWork", "是否有务工意愿", false, null);

	private final String key;

	private final String defaultHeader;

	private final boolean required;

	private final String policyField;

	RosterColumn(String key, String defaultHeader, boolean required, String policyField) {
		this.key = key;
		this.defaultHeader = defaultHeader;
		this.required = required;
		this.policyField = policyField;
	}

	@Override
	public String key() {
		return this.key;
	}

	@Override
	public String defaultHeader() {
		return this.defaultHeader;
	}

	@Override
	public boolean required() {
		return this.required;
	}

	@Override
	public String policyField() {
		return this.policyField;
	}

	/**
	 * Whether the column holds a field of the household (repeated on each member's row)
	 * rather than of the person.
	 */
	public boolean householdLevel() {
		return switch (this) {
			case NAME, ID_NUMBER, RELATION, GENDER, BIRTH_DATE, SCHOOLING, HEALTH, DISABILITY_GRADE, LABOUR_CAPACITY,
					WILLING_TO_WORK ->
				false;
			default -> true;
		};
	}

}
