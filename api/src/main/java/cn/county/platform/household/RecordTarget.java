package cn.county.platform.household;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.Violation;
import cn.county.platform.common.Violations;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Scope;

import org.springframework.stereotype.Component;

/**
 * The household a line department's record is written for (assistance enrolments, housing
 * inspections, renovation projects, water supply links): found county-wide, so that one
 * outside the caller's town or village is refused FORBIDDEN naming the field (the issue's
 * "refused elsewhere"), not taken for a missing one; then locked for the rest of the
 * transaction, since the record's write also changes the household's derived columns.
 */
@Component
public class RecordTarget {

	private final HouseholdMapper households;

	RecordTarget(HouseholdMapper households) {
		this.households = households;
	}

	/** The household, locked; NOT_FOUND when absent, FORBIDDEN outside the scope. */
	public Household lock(Caller caller, Long householdId, String field) {
		long id = Violations.require(householdId, field);
		Household household = this.households.selectById(id, Scope.COUNTY);
		if (household == null) {
			throw DomainException.notFound(field, "household " + id);
		}
		requireInScope(caller, household.townCode(), household.villageCode(), field);
		this.households.lockVersion(id, Scope.COUNTY);
		return household;
	}

	/** FORBIDDEN naming {@code field} when the place is outside the caller's scope. */
	public static void requireInScope(Caller caller, String townCode, String villageCode, String field) {
		if (!caller.scope().covers(townCode, villageCode)) {
			throw new DomainException(new Violation(
					field, caller.has(cn.county.platform.security.Role.VILLAGE_CADRE)
							? "is outside the caller's village" : "is outside the caller's town",
					ErrorClassification.FORBIDDEN));
		}
	}

}
