package cn.county.platform.job;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.household.MemberOwned;

/** Employment of a member; {@code endDate} is null while the member holds the job. */
public record Job(long id, long memberId, long householdId, JobType type, WelfarePostLevel welfarePostLevel,
		String employer, String place, LocalDate startDate, LocalDate endDate, BigDecimal monthlyIncome,
		int version) implements HouseholdOwned, MemberOwned {

	/** Runs on {@code day}: started by then and not ended before it. */
	public boolean runsOn(LocalDate day) {
		return !this.startDate.isAfter(day) && (this.endDate == null || !this.endDate.isBefore(day));
	}

	/**
	 * Whether the two periods share a day. End dates are the last day worked, so a post
	 * ending on the 31st and one starting on the 1st of the next month do not overlap; an
	 * open end runs on indefinitely.
	 */
	static boolean overlaps(LocalDate start, LocalDate end, LocalDate otherStart, LocalDate otherEnd) {
		return (end == null || !otherStart.isAfter(end)) && (otherEnd == null || !start.isAfter(otherEnd));
	}

}
