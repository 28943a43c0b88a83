package cn.county.platform.job;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.household.MemberOwned;

/** A subsidy paid for one of a member's jobs. */
public record Subsidy(long id, long jobId, long memberId, long householdId, SubsidyKind kind, BigDecimal amount,
		LocalDate paidOn) implements HouseholdOwned, MemberOwned {

}
