package cn.county.platform.assistance;

/**
 * The kinds of social assistance civil affairs grants (item 11): the minimum living
 * allowance (低保) and extreme-poverty support (特困供养) are paid monthly; temporary relief
 * (临时救助) is granted once.
 */
public enum AssistanceKind {

	MINIMUM_ALLOWANCE, EXTREME_POVERTY_SUPPORT, TEMPORARY_RELIEF;

	/** Paid month by month for as long as the enrolment runs. */
	public boolean monthly() {
		return this != TEMPORARY_RELIEF;
	}

}
