package cn.county.platform.household;

import java.time.LocalDate;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.common.InTown;

/**
 * A person in a household, with the household's town and village so scope checks need no
 * second query.
 */
public record Member(long id, long householdId, String townCode, String villageCode, String name, String idNumber,
		Relation relation, Gender gender, LocalDate birthDate, Schooling schooling, Health health,
		Integer disabilityGrade, LabourCapacity labourCapacity, boolean willingToWork,
		int version) implements HouseholdOwned, InTown {
}
