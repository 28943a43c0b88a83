package cn.county.platform.common;

/**
 * The {@code extensions.classification} of every error this API raises on purpose. Front
 * ends switch on it; the message is for people.
 */
public enum ErrorClassification implements graphql.ErrorClassification {

	/** The input breaks a rule; {@code extensions.field} names the offending field. */
	BAD_REQUEST,
	/** The record asked for does not exist, or lies outside the caller's scope. */
	NOT_FOUND,
	/**
	 * The input clashes with stored data: a duplicate, a stale version, an illegal state
	 * change.
	 */
	CONFLICT,
	/** The caller may not see this field or do this. */
	FORBIDDEN,
	/** No valid credentials. */
	UNAUTHORIZED,
	/** A service the API needs is down; try again later. */
	UNAVAILABLE,
	/** Anything unexpected; {@code extensions.errorId} also appears in the server log. */
	INTERNAL_ERROR

}
