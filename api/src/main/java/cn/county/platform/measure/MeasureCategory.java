package cn.county.platform.measure;

/** Kinds of assistance measure, after the help the work plan lists (items 4-17). */
public enum MeasureCategory {

	INDUSTRY, EMPLOYMENT, PUBLIC_WELFARE_POST, EDUCATION, MEDICAL, HOUSING, DRINKING_WATER, DISABILITY,
	SOCIAL_SECURITY, FINANCE, INSURANCE, CONSUMPTION, OTHER

}
