package cn.county.platform.screening;

/**
 * Why a household is on the screening list; the list is grouped by reason in this order.
 */
public enum ScreeningReason {

	UNDER_LINE_NOT_MONITORED, WARNING_NOT_SCREENED

}
