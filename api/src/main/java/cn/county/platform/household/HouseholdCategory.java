package cn.county.platform.household;

/** 脱贫户 or 监测对象. */
public enum HouseholdCategory {

	ALLEVIATED, MONITORED

}
