package cn.county.platform.job;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.county.platform.common.Violations;

/**
 * Rules of this package that the shared field checks of {@link Violations} do not cover:
 * the working age, the limit of its money columns, the date its keyset cursors carry.
 */
final class JobRules {

	/** The minimum age of employment under the Labour Law (art. 15). */
	static final int MINIMUM_WORKING_AGE = 16;

	/** The largest amount a DECIMAL(10,2) column holds. */
	private static final BigDecimal MAX_YUAN = new BigDecimal("99999999.99");

	private JobRules() {
	}

	/**
	 * Yuan in this package's DECIMAL(10,2) columns, more than zero when {@code positive};
	 * the reason names the limit, which is lower than {@link Violations#MAX_YUAN}.
	 */
	static void yuan(BigDecimal value, String field, boolean positive, Violations violations) {
		violations.decimal(value, field, positive, 2, MAX_YUAN,
				"must be yuan with at most 2 decimals, up to " + MAX_YUAN.toPlainString());
	}

	/** The date a keyset cursor of a date-ordered list carries. */
	static boolean isUnderWorkingAge(Holder holder, LocalDate on) {
		return holder.birthDate().plusYears(MINIMUM_WORKING_AGE).isAfter(on);
	}

}
