package cn.county.platform.dashboard;

/** How finely figures are broken down. */
public enum AreaLevel {

	COUNTY, TOWN, VILLAGE

}
