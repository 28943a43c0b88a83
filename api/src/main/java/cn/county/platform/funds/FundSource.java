package cn.county.platform.funds;

/** Who allocated linkage funds (衔接资金): the level of government. */
public enum FundSource {

	CENTRAL, PROVINCIAL, MUNICIPAL, COUNTY

}
