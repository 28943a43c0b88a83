package cn.county.platform.housing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.DepartmentOfficers;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.county.platform.support.Refusals.assertForbidden;
import static cn.county.platform.support.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Housing inspections and renovation projects with real tokens: the household's grade is
 * its latest inspection's, renovations move in their legal order only, village cadres
 * inspect in their own village, and HOUSING writes county-wide.
 */
class HousingTests extends AbstractPlatformTests {

	static final String INSPECT = "mutation($i: RecordHousingInspectionInput!) { recordHousingInspection(input: $i)"
			+ " { housingInspection { id grade inspectedOn recordedBy } } }";

	static final String PLAN = "mutation($i: PlanRenovationInput!) { planRenovation(input: $i)"
			+ " { renovationProject { id status version } } }";

	static final String CHANGE = "mutation($i: ChangeRenovationStatusInput!) { changeRenovationStatus(input: $i)"
			+ " { renovationProject { id status version completedOn } } }";

	static final String[] TABLES = { "housing_inspection", "renovation_project", "household" };

	long inVillage;

	long inOtherVillage;

	long inOtherTown;

	@BeforeEach
	void setUp() {
		this.inVillage = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE).id();
		this.inOtherVillage = Fixtures.createHousehold(this.admin, "411024100202").id();
		this.inOtherTown = Fixtures.createHousehold(this.admin, Fixtures.OTHER_TOWN_VILLAGE).id();
	}

	static Map<String, Object> inspection(long householdId, String grade, LocalDate on) {
		Map<String, Object> input = new HashMap<>();
		input.put("householdId", householdId);
		input.put("grade", grade);
		input.put("inspectedOn", on.toString());
		input.put("inspector", "住建局鉴定员");
		return input;
	}

	static GraphQlTester.Response run(HttpGraphQlTester caller, String document, Map<String, Object> input) {
		return caller.document(document).variable("i", input).execute();
	}

	private Map<String, Object> grade(long householdId) {
		return this.jdbc.queryForMap("SELECT housing_grade, housing_inspected_on FROM household WHERE id = ?",
				householdId);
	}

	@Test
	void theHouseholdsGradeIsItsLatestInspections() {
		HttpGraphQlTester officer = this.clients.as(DepartmentOfficers.of("HOUSING"));
		LocalDate recent = LocalDate.now().minusDays(10);
		run(officer, INSPECT, inspection(this.inOtherTown, "D", recent)).errors().verify();
		assertThat(grade(this.inOtherTown)).containsEntry("housing_grade", "D")
			.containsEntry("housing_inspected_on", java.sql.Date.valueOf(recent));
		// an older inspection entered late leaves the latest one's grade
		run(officer, INSPECT, inspection(this.inOtherTown, "A", recent.minusMonths(3))).errors().verify();
		assertThat(grade(this.inOtherTown)).containsEntry("housing_grade", "D");
		run(officer, INSPECT, inspection(this.inOtherTown, "B", LocalDate.now())).errors().verify();
		assertThat(grade(this.inOtherTown)).containsEntry("housing_grade", "B")
			.containsEntry("housing_inspected_on", java.sql.Date.valueOf(LocalDate.now()));
		this.admin.document("query($id: ID!) { household(id: $id) { housingGrade housingInspections { grade } } }")
			.variable("id", this.inOtherTown)
			.execute()
			.path("household.housingInspections[*].grade")
			.entityList(String.class)
			.containsExactly("B", "D", "A");
		// the grade now follows the inspections: a direct value is refused naming the
		// field
		assertRefused(this.jdbc,
				() -> this.admin
					.document("mutation($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { household { id } } }")
					.variable("i", Map.of("id", this.inOtherTown, "housingGrade", "A"))
					.execute(),
				"input.housingGrade", "CONFLICT", TABLES);
		assertRefused(this.jdbc,
				() -> run(officer, INSPECT, inspection(this.inOtherTown, "A", LocalDate.now().plusDays(1))),
				"input.inspectedOn", "BAD_REQUEST", TABLES);
		Map<String, Object> noInspector = inspection(this.inOtherTown, "A", LocalDate.now());
		noInspector.put("inspector", " ");
		assertRefused(this.jdbc, () -> run(officer, INSPECT, noInspector), "input.inspector", "BAD_REQUEST", TABLES);
	}

	@Test
	void renovationsMoveInTheirLegalOrderOnly() {
		HttpGraphQlTester officer = this.clients.as(DepartmentOfficers.of("HOUSING"));
		Map<String, Object> plan = Map.of("householdId", this.inOtherTown, "priorityGroup", "MINIMUM_ALLOWANCE",
				"description", "危房加固", "plannedOn", LocalDate.now().minusDays(5).toString());
		GraphQlTester.Response planned = run(officer, PLAN, plan);
		planned.errors().verify();
		long id = planned.path("planRenovation.renovationProject.id").entity(Long.class).get();
		assertRefused(this.jdbc, () -> run(officer, PLAN, plan), "input.householdId", "CONFLICT", TABLES);
		assertRefused(this.jdbc, () -> run(officer, CHANGE, Map.of("id", id, "status", "COMPLETED")), "input.status",
				"CONFLICT", TABLES);
		run(officer, CHANGE, Map.of("id", id, "version", 0, "status", "APPROVED")).errors().verify();
		assertRefused(this.jdbc, () -> run(officer, CHANGE, Map.of("id", id, "version", 0, "status", "CANCELLED")),
				null, "CONFLICT", TABLES);
		run(officer, CHANGE, Map.of("id", id, "status", "UNDER_CONSTRUCTION")).errors().verify();
		GraphQlTester.Response done = run(officer, CHANGE, Map.of("id", id, "status", "COMPLETED", "subsidy", 25000));
		done.errors().verify();
		done.path("changeRenovationStatus.renovationProject.completedOn")
			.entity(String.class)
			.isEqualTo(LocalDate.now().toString());
		assertRefused(this.jdbc, () -> run(officer, CHANGE, Map.of("id", id, "status", "CANCELLED")), "input.status",
				"CONFLICT", TABLES);
	}

	@Test
	void villageCadresInspectInTheirOwnVillageOnly() {
		HttpGraphQlTester cadre = this.clients.villageCadre();
		run(cadre, INSPECT, inspection(this.inVillage, "C", LocalDate.now())).errors()
			.verify()
			.path("recordHousingInspection.housingInspection.recordedBy")
			.entity(String.class)
			.isEqualTo("village.cadre");
		assertThat(grade(this.inVillage)).containsEntry("housing_grade", "C");
		assertRefused(this.jdbc, () -> run(cadre, INSPECT, inspection(this.inOtherVillage, "C", LocalDate.now())),
				"input.householdId", "FORBIDDEN", TABLES);
		assertRefused(this.jdbc, () -> run(cadre, INSPECT, inspection(this.inOtherTown, "C", LocalDate.now())),
				"input.householdId", "FORBIDDEN", TABLES);
		// renovations are not the cadres'
		assertForbidden(this.jdbc, () -> run(cadre, PLAN, Map.of("householdId", this.inVillage, "priorityGroup",
				"MONITORED", "description", "加固", "plannedOn", LocalDate.now().toString())), TABLES);
	}

	@Test
	void townOfficialsWriteInTheirTownAndOtherDepartmentsNowhere() {
		HttpGraphQlTester official = this.clients.townOfficial();
		run(official, INSPECT, inspection(this.inOtherVillage, "B", LocalDate.now())).errors().verify();
		run(official, PLAN, Map.of("householdId", this.inOtherVillage, "priorityGroup", "MONITORED", "description",
				"加固", "plannedOn", LocalDate.now().toString()))
			.errors()
			.verify();
		assertRefused(this.jdbc, () -> run(official, INSPECT, inspection(this.inOtherTown, "B", LocalDate.now())),
				"input.householdId", "FORBIDDEN", TABLES);
		for (HttpGraphQlTester refused : List.of(this.clients.as(DepartmentOfficers.of("WATER")),
				this.clients.as(DepartmentOfficers.of("CIVIL_AFFAIRS")), this.clients.dashboardViewer())) {
			assertForbidden(this.jdbc, () -> run(refused, INSPECT, inspection(this.inVillage, "B", LocalDate.now())),
					TABLES);
		}
	}

}
