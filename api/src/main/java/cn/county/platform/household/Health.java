package cn.county.platform.household;

/** Health of a member: sensitive personal information. */
public enum Health {

	HEALTHY, CHRONIC, SERIOUS_ILLNESS, DISABLED

}
