package cn.county.platform.dashboard;

import java.math.BigDecimal;

/**
 * One number as the dashboard shows it.
 *
 * @param key what it counts within a breakdown; null for a single figure
 * @param count null when suppressed
 * @param amount yuan, or null
 * @param suppressed whether the count is withheld to protect a small group
 */
public record Figure(String key, Long count, BigDecimal amount, boolean suppressed) {

	static Figure of(String key, FigureRow row, int threshold) {
		long count = (row != null) ? row.count() : 0;
		BigDecimal amount = (row != null) ? row.amount() : null;
		if (count > 0 && count < threshold) {
			return new Figure(key, null, null, true);
		}
		return new Figure(key, count, amount, false);
	}

}
