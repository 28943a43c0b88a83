package cn.county.platform.job;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.county.platform.common.Violations;

/** Checks shared by the services of this package; those taking {@link Violations} add to them rather than throw. */
final class JobRules {

	/** The minimum age of employment under the Labour Law (art. 15). */
	static final int MINIMUM_WORKING_AGE = 16;

	/** The largest amount a DECIMAL(10,2) column holds. */
	private static final BigDecimal MAX_YUAN = new BigDecimal("99999999.99");

	private JobRules() {
	}

	/** A required text: present, not blank, at most {@code max} characters once stripped. */
	static void text(String value, String field, int max, Violations violations) {
		if (value == null || value.isBlank()) {
			violations.badRequest(field, "must not be blank");
		}
		else if (value.strip().length() > max) {
			violations.badRequest(field, "must be at most " + max + " characters");
		}
	}

	/** A text that an update may leave out; when given, the same as {@link #text}. */
	static void optionalText(String value, String field, int max, Violations violations) {
		if (value != null) {
			text(value, field, max, violations);
		}
	}

	static void required(Object value, String field, Violations violations) {
		if (value == null) {
			violations.badRequest(field, "is required");
		}
	}

	/** Yuan with at most 2 decimals; more than zero when {@code positive}, else not negative. */
	static void yuan(BigDecimal value, String field, boolean positive, Violations violations) {
		if (value == null) {
			return;
		}
		if (positive ? value.signum() <= 0 : value.signum() < 0) {
			violations.badRequest(field, positive ? "must be more than 0" : "must not be negative");
		}
		else if (value.stripTrailingZeros().scale() > 2 || value.compareTo(MAX_YUAN) > 0) {
			violations.badRequest(field, "must be yuan with at most 2 decimals, up to " + MAX_YUAN.toPlainString());
		}
	}

	static void notFuture(LocalDate date, String field, LocalDate today, Violations violations) {
		if (date != null && date.isAfter(today)) {
			violations.badRequest(field, "must not be in the future");
		}
	}

	static void notBefore(LocalDate date, LocalDate start, String field, String what, Violations violations) {
		if (date != null && start != null && date.isBefore(start)) {
			violations.badRequest(field, "must not be before " + what + " (" + start + ")");
		}
	}

	static String strip(String value) {
		return (value != null) ? value.strip() : null;
	}

	/** The date a keyset cursor of a date-ordered list carries. */
	static boolean isUnderWorkingAge(Holder holder, LocalDate on) {
		return holder.birthDate().plusYears(MINIMUM_WORKING_AGE).isAfter(on);
	}

}
