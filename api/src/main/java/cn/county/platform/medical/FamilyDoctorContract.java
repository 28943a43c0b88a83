package cn.county.platform.medical;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.household.MemberOwned;

/** A member's family-doctor contract (家庭医生签约) for a period. */
public record FamilyDoctorContract(long id, long memberId, long householdId, String doctor, String clinic,
		LocalDate signedOn, LocalDate endsOn, String recordedBy, int version,
		OffsetDateTime updatedAt) implements HouseholdOwned, MemberOwned {
}
