package cn.county.platform.demo;

/**
 * The data-quality faults that the generator plants on purpose, so that the monthly data
 * screening (item 3 of the work plan) has something to find. Each is rare and each is
 * counted in {@link DemoSummary#faults()}.
 */
public enum DemoFault {

	/** A member's ID number whose GB 11643 check character is wrong. */
	WRONG_CHECK_DIGIT,

	/** A member's birth date that disagrees with the date inside a valid ID number. */
	BIRTH_DATE_MISMATCH,

	/** A person registered in two households: the same ID number on a member of each. */
	DUPLICATE_ID_ACROSS_HOUSEHOLDS,

	/**
	 * A child of compulsory school age (6-15) recorded as dropped out or not of school
	 * age.
	 */
	SCHOOL_AGE_NOT_IN_SCHOOL,

	/**
	 * A monitored household whose risk is marked eliminated while its income is under the
	 * 7,500-yuan line.
	 */
	RISK_ELIMINATED_UNDER_LINE

}
