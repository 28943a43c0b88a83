package cn.county.platform.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations while a whole input is checked, then throws them together, so a
 * form shows every mistake at once. Start a write with {@code new Violations()}, call the
 * field checks below for each input field, add the rules of the feature with
 * {@link #badRequest} or {@link #conflict}, then {@link #throwIfAny()} before the first
 * read of the database.
 * <p>
 * The field checks are the rules every feature's inputs share; each names the field and
 * says why in the same words everywhere. A check of a value left out (null) passes unless
 * the check is {@link #required}, so a required field is {@code required(...)} followed
 * by the check of its value. The reasons are part of the API: clients and tests read
 * them, so change them only with the schema's consumers in mind. A check that can only be
 * made once the row is locked (an end against the stored start) reads
 * {@code new Violations().notBefore(...).throwIfAny()}.
 */
public final class Violations {

	/**
	 * The largest amount of yuan a DECIMAL(12,2) column, the platform's usual money
	 * column, holds.
	 */
	public static final BigDecimal MAX_YUAN = new BigDecimal("9999999999.99");

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

	/**
	 * Throws when anything was found; a check that finds nothing lets the caller go on.
	 */
	public void throwIfAny() {
		if (!this.found.isEmpty()) {
			throw new DomainException(this.found);
		}
	}

	/**
	 * A field the input must give (an id, an enum, a date, an amount): refused when left
	 * out.
	 */
	public Violations required(Object value, String field) {
		if (value == null) {
			badRequest(field, "is required");
		}
		return this;
	}

	/**
	 * A required text such as a name or an employer: present, not blank, at most
	 * {@code max} characters once stripped (store it stripped, {@link #strip}).
	 */
	public Violations text(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			badRequest(field, "must not be blank");
		}
		else if (value.strip().length() > max) {
			badRequest(field, "must be at most " + max + " characters");
		}
		return this;
	}

	/**
	 * A text an update may leave out; when given, the same as {@link #text}, so an update
	 * cannot blank it. For a free text that may be blank and is then stored as nothing (a
	 * note), check {@code optionalText(blankToNull(value), ...)}.
	 */
	public Violations optionalText(String value, String field, int max) {
		return (value != null) ? text(value, field, max) : this;
	}

	/**
	 * An amount of yuan, when given: more than zero when {@code positive} (a payment, a
	 * loan), else not negative (an income, a cost), with at most 2 decimals and at most
	 * {@code max} (the column's limit, often {@link #MAX_YUAN}).
	 */
	public Violations yuan(BigDecimal value, String field, boolean positive, BigDecimal max) {
		return decimal(value, field, positive, 2, max, "must be yuan with at most 2 decimals");
	}

	/**
	 * A decimal quantity, when given: more than zero when {@code positive}, else not
	 * negative, with at most {@code decimals} places (trailing zeros do not count) and at
	 * most {@code max}; {@code tooPrecise} is the reason given when it has too many
	 * places or is too large. Use {@link #yuan} for money in the usual words.
	 */
	public Violations decimal(BigDecimal value, String field, boolean positive, int decimals, BigDecimal max,
			String tooPrecise) {
		if (value == null) {
			return this;
		}
		if (positive ? value.signum() <= 0 : value.signum() < 0) {
			badRequest(field, positive ? "must be more than 0" : "must not be negative");
		}
		else if (value.stripTrailingZeros().scale() > decimals || value.compareTo(max) > 0) {
			badRequest(field, tooPrecise);
		}
		return this;
	}

	/** A whole number in a closed range, when given: a year, a grade, a count. */
	public Violations between(Integer value, String field, int min, int max) {
		if (value != null && (value < min || value > max)) {
			badRequest(field, "must be between " + min + " and " + max);
		}
		return this;
	}

	/**
	 * A date that has happened, when given: a start, a payment, an inspection. Refused
	 * when after {@code today}.
	 */
	public Violations notFuture(LocalDate date, String field, LocalDate today) {
		if (date != null && date.isAfter(today)) {
			badRequest(field, "must not be in the future");
		}
		return this;
	}

	/**
	 * A date that must not come before another (an end before its start), when both are
	 * known. {@code what} names the earlier date for a person and ends the reason "must
	 * not be before ...", for example {@code "the start date (" + start + ")"} or
	 * {@code "filter.from"}.
	 */
	public Violations notBefore(LocalDate date, LocalDate earliest, String field, String what) {
		if (date != null && earliest != null && date.isBefore(earliest)) {
			badRequest(field, "must not be before " + what);
		}
		return this;
	}

	/**
	 * The period an update leaves, its start and end each taken from the input or else
	 * from the row: the end must not come before the start. The refusal names
	 * {@code input.endDate} when the input gave the end ({@code endGiven}), else
	 * {@code input.startDate}, the date that moved.
	 */
	public Violations updatedPeriod(LocalDate start, LocalDate end, boolean endGiven) {
		if (start != null && end != null && end.isBefore(start)) {
			badRequest(endGiven ? "input.endDate" : "input.startDate",
					"the end date " + end + " would be before the start date " + start);
		}
		return this;
	}

	/**
	 * Refuses at once a value that must be given before anything else can be checked,
	 * typically the id of the row to lock; answers the value so that it reads
	 * {@code long id = Violations.require(input.id(), "input.id")}.
	 */
	public static <T> T require(T value, String field) {
		if (value == null) {
			throw DomainException.badRequest(field, "is required");
		}
		return value;
	}

	/**
	 * The stale-version CONFLICT: refuses a write when the caller sent the version it
	 * read ({@code versionRead}) and the row, locked, is now at another. Call it after
	 * locking the row; a write without a version is not checked. {@code what} names the
	 * row for a person ("household", "job").
	 */
	public static void notStale(Integer versionRead, int current, String what) {
		if (versionRead != null && versionRead != current) {
			throw new DomainException(Violation.stale(what, current));
		}
	}

	/**
	 * The text stripped, or null for a text left out or blank: for optional free texts
	 * stored as nothing.
	 */
	public static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * The text stripped, null staying null: for a checked text an update may leave out.
	 */
	public static String strip(String value) {
		return (value != null) ? value.strip() : null;
	}

}
