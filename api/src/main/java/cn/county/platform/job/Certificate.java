package cn.county.platform.job;

import java.time.LocalDate;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.household.MemberOwned;

/**
 * A certificate a member holds, possibly earned through one of the member's trainings.
 */
public record Certificate(long id, long memberId, long householdId, Long trainingId, String name, CertificateKind kind,
		LocalDate issuedOn, String number, int version) implements HouseholdOwned, MemberOwned {

}
