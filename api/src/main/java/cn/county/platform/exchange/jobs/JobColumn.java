package cn.county.platform.exchange.jobs;

import cn.county.platform.exchange.imports.ImportColumn;

/**
 * The columns of the human resources and social security bureau's employment roster (item
 * 15): one job per row, matched to the member by ID number. Headers are configurable as
 * {@code platform.exchange.jobs.headers.<key>}; the map is in {@code docs/exchange.md}.
 */
public enum JobColumn implements ImportColumn {

	ID_NUMBER("idNumber", "证件号码", true, "Member.idNumber"), NAME("name", "姓名", false, null),
	TYPE("type", "就业类型", true, null), WELFARE_POST_LEVEL("welfarePostLevel", "公益性岗位级别", false, null),
	EMPLOYER("employer", "就业单位", true, null), PLACE("place", "就业地点", true, null),
	START_DATE("startDate", "开始日期", true, null), END_DATE("endDate", "结束日期", false, null),
	MONTHLY_INCOME("monthlyIncome", "月收入(元)", true, null);

	private final String key;

	private final String defaultHeader;

	private final boolean required;

	private final String policyField;

	JobColumn(String key, String defaultHeader, boolean required, String policyField) {
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

}
