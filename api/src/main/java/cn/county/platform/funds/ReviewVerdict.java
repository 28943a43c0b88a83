package cn.county.platform.funds;

/**
 * The outcome of a proposed project's review (item 19: projects enter the library only
 * after review).
 */
public enum ReviewVerdict {

	PASSED, REJECTED

}
