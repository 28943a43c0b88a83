package cn.county.platform.plan;

import java.time.LocalDate;
import java.time.YearMonth;

import cn.county.platform.common.Violations;

/**
 * The period a summary covers: a whole year, a quarter or a month. Flows (households
 * identified, sales, visits) are counted from {@link #from()} to {@link #to()}; states
 * that age (inspections overdue, loans maturing) are judged on {@link #asOf()}, the
 * period's last day or today if the period has not ended yet.
 *
 * @param year the year
 * @param quarter 1-4, or null
 * @param month 1-12, or null
 * @param from the first day
 * @param to the last day
 * @param asOf the day states are judged on
 */
public record ReportingPeriod(int year, Integer quarter, Integer month, LocalDate from, LocalDate to, LocalDate asOf) {

	/** The earliest year a period may name: the consolidation programme's first year. */
	public static final int FIRST_YEAR = 2021;

	/**
	 * Checks a period as a client gave it and resolves its days, naming
	 * {@code field + ".year"} and so on in every violation.
	 */
	public static ReportingPeriod of(Integer year, Integer quarter, Integer month, LocalDate today, String field,
			Violations violations) {
		violations.required(year, field + ".year");
		if (year == null) {
			return null;
		}
		violations.between(year, field + ".year", FIRST_YEAR, today.getYear());
		if (quarter != null && month != null) {
			violations.badRequest(field + ".month", "give a quarter or a month, not both");
		}
		if (quarter != null && (quarter < 1 || quarter > 4)) {
			violations.badRequest(field + ".quarter", "must be 1 to 4");
		}
		if (month != null && (month < 1 || month > 12)) {
			violations.badRequest(field + ".month", "must be 1 to 12");
		}
		if (!violations.isEmpty()) {
			return null;
		}
		LocalDate from;
		LocalDate to;
		if (quarter != null) {
			from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
			to = YearMonth.from(from).plusMonths(2).atEndOfMonth();
		}
		else if (month != null) {
			from = LocalDate.of(year, month, 1);
			to = YearMonth.from(from).atEndOfMonth();
		}
		else {
			from = LocalDate.of(year, 1, 1);
			to = LocalDate.of(year, 12, 31);
		}
		if (from.isAfter(today)) {
			violations.badRequest(field + ((month != null) ? ".month" : ".quarter"), "has not started yet");
			return null;
		}
		return new ReportingPeriod(year, quarter, month, from, to, to.isAfter(today) ? today : to);
	}

	/** A stable text for cache keys and logs: 2023, 2023-Q2 or 2023-05. */
	public String label() {
		if (this.quarter != null) {
			return this.year + "-Q" + this.quarter;
		}
		if (this.month != null) {
			return YearMonth.of(this.year, this.month).toString();
		}
		return String.valueOf(this.year);
	}

}
