package cn.county.platform.sales;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

import cn.county.platform.common.Violations;

/**
 * Months as the API spells them, {@code YYYY-MM}: reports and sales are per calendar
 * month.
 */
final class Months {

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	/** The programme's records start with the consolidation period. */
	static final YearMonth EARLIEST = YearMonth.of(2021, 1);

	private Months() {
	}

	/**
	 * The month, or null after noting why it is not one that may be reported (malformed,
	 * too early, future).
	 */
	static YearMonth check(String month, String field, LocalDate today, Violations violations) {
		if (month == null || !MONTH.matcher(month.strip()).matches()) {
			violations.badRequest(field, "must be a month as YYYY-MM");
			return null;
		}
		YearMonth value = YearMonth.parse(month.strip());
		if (value.isBefore(EARLIEST)) {
			violations.badRequest(field, "must be " + EARLIEST + " or later");
			return null;
		}
		if (value.isAfter(YearMonth.from(today))) {
			violations.badRequest(field, "must not be in the future");
			return null;
		}
		return value;
	}

}
