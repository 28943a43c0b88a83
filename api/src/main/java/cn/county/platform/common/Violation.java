package cn.county.platform.common;

/** One broken rule: which input field, why, and how the front end should treat it. */
public record Violation(String field, String reason, ErrorClassification classification) {

	public static Violation badRequest(String field, String reason) {
		return new Violation(field, reason, ErrorClassification.BAD_REQUEST);
	}

	public static Violation conflict(String field, String reason) {
		return new Violation(field, reason, ErrorClassification.CONFLICT);
	}

	public static Violation notFound(String field, String reason) {
		return new Violation(field, reason, ErrorClassification.NOT_FOUND);
	}

	/**
	 * The version the caller read ({@code input.version}) is not the current one: someone
	 * wrote the {@code what} since, and the caller must read it again before changing it.
	 */
	public static Violation stale(String what, int current) {
		return conflict("input.version", "is stale: the " + what + " is at version " + current + ", read it again");
	}

}
