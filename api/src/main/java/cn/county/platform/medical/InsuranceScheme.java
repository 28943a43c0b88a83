package cn.county.platform.medical;

/** The three layers of medical cover (三重保障) a member is enrolled in per year. */
public enum InsuranceScheme {

	BASIC, SERIOUS_ILLNESS, MEDICAL_ASSISTANCE

}
