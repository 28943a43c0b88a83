package cn.county.platform.household;

/** 风险已消除 / 风险未消除. */
public enum RiskStatus {

	ELIMINATED, NOT_ELIMINATED

}
