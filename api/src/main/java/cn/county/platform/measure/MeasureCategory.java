package cn.county.platform.measure;

import java.util.Set;

/** Kinds of assistance measure, after the help the work plan lists (items 4-17). */
public enum MeasureCategory {

	INDUSTRY, EMPLOYMENT, PUBLIC_WELFARE_POST, EDUCATION, MEDICAL, HOUSING, DRINKING_WATER, DISABILITY, SOCIAL_SECURITY,
	FINANCE, INSURANCE, CONSUMPTION, OTHER;

	/**
	 * The categories whose measures are health records: outside the rows of a caller who
	 * may not read health (docs/authorization.md, "Health inferred is health").
	 */
	public static final Set<MeasureCategory> HEALTH_RECORDS = Set.of(MEDICAL, DISABILITY);

}
