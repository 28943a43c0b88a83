package cn.county.platform.common;

import java.util.ArrayList;
import java.util.List;

/** Collects violations while a whole input is checked, then throws them together. */
public final class Violations {

	private final List<Violation> found = new ArrayList<>();

	public Violations badRequest(String field, String reason) {
		this.found.add(Violation.badRequest(field, reason));
		return this;
	}

	public Violations conflict(String field, String reason) {
		this.found.add(Violation.conflict(field, reason));
		return this;
	}

	public Violations add(Violation violation) {
		this.found.add(violation);
		return this;
	}

	public boolean has(String field) {
		return this.found.stream().anyMatch((violation) -> violation.field().equals(field));
	}

	public boolean isEmpty() {
		return this.found.isEmpty();
	}

	/** Throws when anything was found; a check that finds nothing lets the caller go on. */
	public void throwIfAny() {
		if (!this.found.isEmpty()) {
			throw new DomainException(this.found);
		}
	}

}
