package cn.county.platform.screening;

/**
 * The checks of the monthly data screening (item 3). Within a household, findings are
 * listed in this order; the ordinal is part of the findings' cursor, so new rules go at
 * the end.
 */
public enum DataQualityRule {

	INVALID_ID_CHECK_DIGIT, BIRTH_DATE_MISMATCH, DUPLICATE_ID_ACROSS_HOUSEHOLDS, SCHOOL_AGE_NOT_IN_SCHOOL,
	ABLE_AND_WILLING_WITHOUT_JOB, LOAN_PAST_MATURITY_ACTIVE, RISK_ELIMINATED_UNDER_LINE,

	/**
	 * A child recorded in school by one schooling record and dropped out by a newer one,
	 * with no return since; the finding names the drop-out record.
	 */
	DROPPED_OUT_WITHOUT_RETURN,
	/**
	 * A running minimum-allowance enrolment whose household's income is far above the
	 * line (issue 16).
	 */
	MINIMUM_ALLOWANCE_INCOME_FAR_ABOVE_LINE,
	/**
	 * A latest inspection graded D, older than the grace days, with no renovation open
	 * (issue 16).
	 */
	D_HOUSE_WITHOUT_RENOVATION;

	/** Whether the rule is about a member (the others are about the household itself). */
	public boolean aboutMember() {
		return this != RISK_ELIMINATED_UNDER_LINE && this != MINIMUM_ALLOWANCE_INCOME_FAR_ABOVE_LINE
				&& this != D_HOUSE_WITHOUT_RENOVATION;
	}

}
