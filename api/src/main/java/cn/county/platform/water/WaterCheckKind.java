package cn.county.platform.water;

/**
 * A monthly facility check (item 9) or a water-quality test (twice a year) of a supply
 * point.
 */
public enum WaterCheckKind {

	FACILITY_CHECK, QUALITY_TEST

}
