package cn.county.platform.job;

import java.time.LocalDate;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.household.MemberOwned;

/** A skills training a member attended. */
public record Training(long id, long memberId, long householdId, String course, String provider, LocalDate startDate,
		LocalDate endDate, boolean completed, int version) implements HouseholdOwned, MemberOwned {

}
