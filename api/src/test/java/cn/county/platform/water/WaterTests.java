package cn.county.platform.water;

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
 * Supply points, their checks and tests, and the households they serve, with real tokens:
 * a household's water safety and last check follow its point's newest check and test;
 * village cadres check in their own village, WATER county-wide.
 */
class WaterTests extends AbstractPlatformTests {

	static final String REGISTER = "mutation($i: RegisterWaterSupplyPointInput!) { registerWaterSupplyPoint(input: $i)"
			+ " { waterSupplyPoint { id version safe } } }";

	static final String CHECK = "mutation($i: RecordWaterCheckInput!) { recordWaterCheck(input: $i)"
			+ " { waterCheck { id kind passed recordedBy } } }";

	static final String LINK = "mutation($i: LinkHouseholdsToWaterPointInput!) { linkHouseholdsToWaterPoint(input: $i)"
			+ " { waterSupplyPoint { id version safe lastCheckedOn } } }";

	static final String[] TABLES = { "water_supply_point", "water_check", "household" };

	long first;

	long second;

	long inOtherTown;

	@BeforeEach
	void setUp() {
		this.first = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE).id();
		this.second = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE).id();
		this.inOtherTown = Fixtures.createHousehold(this.admin, Fixtures.OTHER_TOWN_VILLAGE).id();
	}

	static GraphQlTester.Response run(HttpGraphQlTester caller, String document, Map<String, Object> input) {
		return caller.document(document).variable("i", input).execute();
	}

	static long point(HttpGraphQlTester caller, String village) {
		GraphQlTester.Response response = run(caller, REGISTER,
				Map.of("villageCode", village, "name", "集中供水站", "kind", "CENTRALIZED", "populationServed", 800));
		response.errors().verify();
		return response.path("registerWaterSupplyPoint.waterSupplyPoint.id").entity(Long.class).get();
	}

	static Map<String, Object> check(long point, String kind, LocalDate on, boolean passed) {
		Map<String, Object> input = new HashMap<>();
		input.put("pointId", point);
		input.put("kind", kind);
		input.put("checkedOn", on.toString());
		input.put("passed", passed);
		return input;
	}

	private Map<String, Object> water(long householdId) {
		return this.jdbc.queryForMap("SELECT water_safe, water_checked_on FROM household WHERE id = ?", householdId);
	}

	@Test
	void householdsFollowTheirPointsNewestCheckAndTest() {
		HttpGraphQlTester officer = this.clients.as(DepartmentOfficers.of("WATER"));
		long point = point(officer, Fixtures.VILLAGE);
		LocalDate lastMonth = LocalDate.now().minusDays(20);
		run(officer, CHECK, check(point, "FACILITY_CHECK", lastMonth, true)).errors().verify();
		run(officer, CHECK, check(point, "QUALITY_TEST", lastMonth.minusDays(30), true)).errors().verify();
		run(officer, LINK, Map.of("pointId", point, "householdIds", List.of(this.first, this.second))).errors()
			.verify();
		assertThat(water(this.first)).containsEntry("water_safe", true)
			.containsEntry("water_checked_on", java.sql.Date.valueOf(lastMonth));
		// a failed test makes the point, and every household it serves, unsafe
		run(officer, CHECK, check(point, "QUALITY_TEST", LocalDate.now(), false)).errors().verify();
		assertThat(water(this.first)).containsEntry("water_safe", false);
		assertThat(water(this.second)).containsEntry("water_safe", false)
			.containsEntry("water_checked_on", java.sql.Date.valueOf(lastMonth));
		// an older passed check entered late changes nothing
		run(officer, CHECK, check(point, "QUALITY_TEST", LocalDate.now().minusMonths(6), true)).errors().verify();
		assertThat(water(this.first)).containsEntry("water_safe", false);
		run(officer, CHECK, check(point, "QUALITY_TEST", LocalDate.now(), true)).errors().verify();
		run(officer, CHECK, check(point, "FACILITY_CHECK", LocalDate.now(), true)).errors().verify();
		assertThat(water(this.second)).containsEntry("water_safe", true)
			.containsEntry("water_checked_on", java.sql.Date.valueOf(LocalDate.now()));
		this.admin
			.document(
					"query($id: ID!) { household(id: $id) { waterSafe waterSupplyPoint { id safe checks { kind } } } }")
			.variable("id", this.first)
			.execute()
			.path("household.waterSupplyPoint.checks")
			.entityList(Object.class)
			.hasSize(6);
		// the water fields now follow the point: a direct value other than the point's
		// is refused naming the field
		assertRefused(this.jdbc,
				() -> this.admin
					.document("mutation($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { household { id } } }")
					.variable("i", Map.of("id", this.first, "waterSafe", false))
					.execute(),
				"input.waterSafe", "CONFLICT", TABLES);
		assertRefused(this.jdbc,
				() -> run(officer, LINK, Map.of("pointId", point, "householdIds", List.of(this.inOtherTown))),
				"input.householdIds[0]", "BAD_REQUEST", TABLES);
		assertRefused(this.jdbc,
				() -> run(officer, CHECK, check(point, "FACILITY_CHECK", LocalDate.now().plusDays(1), true)),
				"input.checkedOn", "BAD_REQUEST", TABLES);
	}

	@Test
	void villageCadresCheckInTheirOwnVillageOnly() {
		long own = point(this.admin, Fixtures.VILLAGE);
		long otherVillage = point(this.admin, "411024100202");
		HttpGraphQlTester cadre = this.clients.villageCadre();
		run(cadre, CHECK, check(own, "FACILITY_CHECK", LocalDate.now(), true)).errors()
			.verify()
			.path("recordWaterCheck.waterCheck.recordedBy")
			.entity(String.class)
			.isEqualTo("village.cadre");
		assertRefused(this.jdbc, () -> run(cadre, CHECK, check(otherVillage, "FACILITY_CHECK", LocalDate.now(), true)),
				"input.pointId", "FORBIDDEN", TABLES);
		// registering points and linking households are not the cadres'
		assertForbidden(this.jdbc,
				() -> run(cadre, REGISTER,
						Map.of("villageCode", Fixtures.VILLAGE, "name", "井", "kind", "WELL", "populationServed", 5)),
				TABLES);
		assertForbidden(this.jdbc, () -> run(cadre, LINK, Map.of("pointId", own, "householdIds", List.of(this.first))),
				TABLES);
	}

	@Test
	void townOfficialsWriteInTheirTownAndOtherDepartmentsNowhere() {
		HttpGraphQlTester official = this.clients.townOfficial();
		long own = point(official, "411024100202");
		run(official, CHECK, check(own, "QUALITY_TEST", LocalDate.now(), true)).errors().verify();
		assertRefused(this.jdbc, () -> run(official, REGISTER,
				Map.of("villageCode", Fixtures.OTHER_TOWN_VILLAGE, "name", "井", "kind", "WELL", "populationServed", 5)),
				"input.villageCode", "FORBIDDEN", TABLES);
		long other = point(this.admin, Fixtures.OTHER_TOWN_VILLAGE);
		assertRefused(this.jdbc, () -> run(official, CHECK, check(other, "QUALITY_TEST", LocalDate.now(), true)),
				"input.pointId", "FORBIDDEN", TABLES);
		for (HttpGraphQlTester refused : List.of(this.clients.as(DepartmentOfficers.of("HOUSING")),
				this.clients.hrssOfficer(), this.clients.dashboardViewer())) {
			assertForbidden(this.jdbc, () -> run(refused, CHECK, check(own, "FACILITY_CHECK", LocalDate.now(), true)),
					TABLES);
		}
	}

}
