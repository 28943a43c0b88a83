package cn.county.platform.demo;

import java.sql.SQLException;

/**
 * Writes the core of the data set: towns, villages, households, their risk causes and
 * members.
 */
final class HouseholdSection implements DemoSection {

	static final String NAME = "households";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void begin(DemoContext context) throws SQLException {
		DemoTable towns = context.table("town", "code", "name");
		DemoTable villages = context.table("village", "code", "town_code", "name");
		for (DemoTown town : context.geography().towns()) {
			towns.row(town.code(), town.name());
			for (DemoVillage village : town.villages()) {
				villages.row(village.code(), village.townCode(), village.name());
			}
		}
	}

	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		DemoTable households = context.table("household", "id", "code", "town_code", "village_code", "address",
				"head_name", "head_id_number", "phone", "category", "monitoring_type", "risk_status",
				"risk_eliminated_on", "policy_support", "income_per_capita", "income_year", "minimum_allowance",
				"extreme_poverty", "identified_via", "identified_on", "warning_source", "warning_received_on",
				"screened_on", "assigned_cadre", "housing_grade", "housing_inspected_on", "water_safe",
				"water_checked_on");
		DemoTable causes = context.table("household_risk_cause", "household_id", "cause");
		DemoTable members = context.table("member", "id", "household_id", "name", "id_number", "relation", "gender",
				"birth_date", "schooling", "health", "disability_grade", "labour_capacity", "willing_to_work");
		for (DemoHousehold h : chunk.households()) {
			households.row(h.id(), h.code(), h.townCode(), h.villageCode(), h.address(), h.headName(), h.headIdNumber(),
					h.phone(), h.category(), h.monitoringType(), h.riskStatus(), h.riskEliminatedOn(),
					h.policySupport(), h.incomePerCapita(), h.incomeYear(), h.minimumAllowance(), h.extremePoverty(),
					h.identifiedVia(), h.identifiedOn(), h.warningSource(), h.warningReceivedOn(), h.screenedOn(),
					h.assignedCadre(), h.housingGrade(), h.housingInspectedOn(), h.waterSafe(), h.waterCheckedOn());
			for (String cause : h.riskCauses()) {
				causes.row(h.id(), cause);
			}
			for (DemoMember m : h.members()) {
				members.row(m.id(), m.householdId(), m.name(), m.idNumber(), m.relation(), m.gender(), m.birthDate(),
						m.schooling(), m.health(), m.disabilityGrade(), m.labourCapacity(), m.willingToWork());
			}
		}
	}

}
