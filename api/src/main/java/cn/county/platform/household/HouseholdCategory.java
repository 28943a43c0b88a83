package cn.county.platform.household;

/**
 * 脱贫户, 监测对象 or 一般农户 (an ordinary rural household, neither, which the screening exists to
 * catch).
 */
public enum HouseholdCategory {

	ALLEVIATED, MONITORED, ORDINARY

}
