package cn.county.platform.funds;

/** How a household benefits from a project (联农带农, item 13). */
public enum BenefitKind {

	JOBS, DIVIDENDS, LAND_RENT, PURCHASES

}
