package cn.county.platform.household;

/** The three kinds of monitored household (item 1). */
public enum MonitoringType {

	UNSTABLE_ALLEVIATED, MARGINAL, SUDDEN_HARDSHIP

}
