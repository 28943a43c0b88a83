package cn.county.platform.common;

import java.util.List;

/**
 * A request the domain refuses: validation, not found, conflict. Carries every violation
 * found, so a form can show them all at once; each becomes one GraphQL error. Thrown
 * inside a transaction, it rolls the transaction back.
 */
public class DomainException extends RuntimeException {

	private final List<Violation> violations;

	public DomainException(List<Violation> violations) {
		super(summary(violations));
		if (violations.isEmpty()) {
			throw new IllegalArgumentException("A DomainException needs at least one violation");
		}
		this.violations = List.copyOf(violations);
	}

	public DomainException(Violation violation) {
		this(List.of(violation));
	}

	public static DomainException notFound(String field, String what) {
		return new DomainException(Violation.notFound(field, what + " does not exist"));
	}

	public static DomainException conflict(String field, String reason) {
		return new DomainException(Violation.conflict(field, reason));
	}

	public static DomainException badRequest(String field, String reason) {
		return new DomainException(Violation.badRequest(field, reason));
	}

	public List<Violation> violations() {
		return this.violations;
	}

	private static String summary(List<Violation> violations) {
		StringBuilder text = new StringBuilder();
		for (Violation violation : violations) {
			if (!text.isEmpty()) {
				text.append("; ");
			}
			text.append(violation.field()).append(": ").append(violation.reason());
		}
		return text.toString();
	}

}
