package cn.county.platform.medical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.household.MemberOwned;

/**
 * A member's enrolment in one scheme for one year, with the premium and the part of it
 * the government paid (资助参保); the member paid the rest.
 */
public record InsuranceEnrolment(long id, long memberId, long householdId, int year, InsuranceScheme scheme,
		BigDecimal premium, BigDecimal governmentShare, LocalDate enrolledOn, String recordedBy, int version,
		OffsetDateTime updatedAt) implements HouseholdOwned, MemberOwned {

	/** What the member paid. */
	public BigDecimal selfShare() {
		return this.premium.subtract(this.governmentShare);
	}

}
