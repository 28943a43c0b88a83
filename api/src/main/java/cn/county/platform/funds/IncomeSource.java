package cn.county.platform.funds;

/** Where a village collective's income (村集体经济) comes from. */
public enum IncomeSource {

	OPERATIONS, LEASING, DIVIDENDS, SERVICES, SUBSIDIES, OTHER

}
