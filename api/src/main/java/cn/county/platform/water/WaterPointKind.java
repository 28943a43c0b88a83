package cn.county.platform.water;

/** What kind of drinking-water supply a point is. */
public enum WaterPointKind {

	/** 集中供水工程 (piped, serving a village or more). */
	CENTRALIZED,
	/** 小型集中供水 (a small piped scheme). */
	SMALL_CENTRALIZED,
	/** 分散供水: a well. */
	WELL,
	/** 分散供水: a rainwater cistern (水窖). */
	CISTERN

}
