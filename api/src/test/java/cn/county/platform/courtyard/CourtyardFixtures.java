package cn.county.platform.courtyard;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import cn.county.platform.support.Fixtures;
import cn.county.platform.support.Refusals;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/** Fixtures and the refusal checks shared by the courtyard tests. */
final class CourtyardFixtures {

	/**
	 * The tables these features write; a refused request leaves all of them as they were.
	 */
	static final String[] TABLES = { "courtyard_household", "demonstration_village", "household", "audit_log" };

	/** A village of the first demo town other than the village cadre's. */
	static final String NEIGHBOUR_VILLAGE = "411024100202";

	private CourtyardFixtures() {
	}

	/**
	 * A valid nomination: a specialty-planting courtyard of 120.5 m² that earned 8,600
	 * yuan in 2023.
	 */
	static Map<String, Object> nomination(long householdId) {
		Map<String, Object> input = new HashMap<>();
		input.put("householdId", householdId);
		input.put("year", 2023);
		input.put("category", "SPECIALTY_PLANTING");
		input.put("area", 120.5);
		input.put("income", 8600);
		return input;
	}

	static GraphQlTester.Response nominate(HttpGraphQlTester caller, Map<String, Object> input) {
		return caller.documentName("nominateCourtyardHousehold")
			.fragmentName("courtyardFields")
			.variable("input", input)
			.execute();
	}

	static long nominated(HttpGraphQlTester caller, Map<String, Object> input) {
		return Fixtures.create(caller, "nominateCourtyardHousehold", "courtyardFields", input,
				"nominateCourtyardHousehold.courtyardHousehold.id");
	}

	static GraphQlTester.Response changeStatus(HttpGraphQlTester caller, long id, String status) {
		return caller.documentName("changeCourtyardStatus")
			.fragmentName("courtyardFields")
			.variable("input", Map.of("id", id, "status", status))
			.execute();
	}

	static GraphQlTester.Response designate(HttpGraphQlTester caller, String townCode, String villageCode, int year) {
		return caller.documentName("designateDemonstrationVillage")
			.variable("input", Map.of("townCode", townCode, "villageCode", villageCode, "year", year))
			.execute();
	}

	/**
	 * The first of two consecutive years, from 2000 on, in which no town has designated a
	 * demonstration village, so that designation tests start clean even against a
	 * database kept from an earlier run.
	 */
	static int freeYears(JdbcTemplate jdbc) {
		for (int year = 2000;; year++) {
			if (jdbc.queryForObject("SELECT COUNT(*) FROM demonstration_village WHERE year IN (?, ?)", Long.class, year,
					year + 1) == 0) {
				return year;
			}
		}
	}

	/**
	 * The request is refused with an error naming the field and its class, and no table
	 * changed.
	 */
	static void assertRefused(JdbcTemplate jdbc, Supplier<GraphQlTester.Response> request, String field,
			String classification) {
		Refusals.assertRefused(jdbc, request, field, classification, TABLES);
	}

	/** Refused by role: FORBIDDEN without a field, and no table changed. */
	static void assertForbidden(JdbcTemplate jdbc, Supplier<GraphQlTester.Response> request) {
		Refusals.assertForbidden(jdbc, request, TABLES);
	}

}
