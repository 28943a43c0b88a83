package cn.county.platform.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;

/**
 * A household's enrolment in one kind of social assistance, as stored.
 *
 * @param endDate null while it runs
 * @param monthlyAmount yuan a month (the monthly kinds)
 * @param oneOffAmount yuan granted once (temporary relief)
 * @param paidTotal yuan paid so far, over every payment month
 */
public record AssistanceEnrolment(long id, long householdId, AssistanceKind kind, LocalDate startDate,
		LocalDate endDate, BigDecimal monthlyAmount, BigDecimal oneOffAmount, String reason, String recordedBy,
		BigDecimal paidTotal, int version, OffsetDateTime updatedAt) implements HouseholdOwned {

	/** Whether it runs on {@code day}. */
	public boolean activeOn(LocalDate day) {
		return !this.startDate.isAfter(day) && (this.endDate == null || !this.endDate.isBefore(day));
	}

}
