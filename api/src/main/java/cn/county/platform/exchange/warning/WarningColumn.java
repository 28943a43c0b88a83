package cn.county.platform.exchange.warning;

import cn.county.platform.exchange.imports.ImportColumn;

/**
 * The columns of a department's warning list (item 2): department, ID number, warning
 * kind, date, note. Name, town, village, address and income are read only for a person
 * not registered yet, who becomes the head of a new ordinary rural household (一般农户) so
 * the screening reaches them. Headers are configurable as
 * {@code platform.exchange.warning.headers.<key>}; the map is in
 * {@code docs/exchange.md}.
 */
public enum WarningColumn implements ImportColumn {

	DEPARTMENT("department", "部门", true, "Warning.department"), ID_NUMBER("idNumber", "证件号码", true, "Member.idNumber"),
	KIND("kind", "预警类型", true, "Warning.kind"), WARNED_ON("warnedOn", "预警日期", true, null),
	NOTE("note", "备注", false, "Warning.note"), NAME("name", "姓名", false, null), TOWN("town", "乡(镇)", false, null),
	VILLAGE("village", "行政村", false, null), ADDRESS("address", "家庭住址", false, null),
	INCOME_PER_CAPITA("incomePerCapita", "家庭年人均纯收入(元)", false, null);

	private final String key;

	private final String defaultHeader;

	private final boolean required;

	private final String policyField;

	WarningColumn(String key, String defaultHeader, boolean required, String policyField) {
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
