package cn.county.platform.courtyard;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import cn.county.platform.support.DatabaseSnapshot;
import cn.county.platform.support.Fixtures;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixtures and the refusal checks shared by the courtyard tests. */
final class CourtyardTesting {

	/** The tables these features write; a refused request leaves all of them as they were. */
	static final String[] TABLES = { "courtyard_household", "demonstration_village", "household", "audit_log" };

	/** A village of the first demo town other than the village cadre's. */
	static final String NEIGHBOUR_VILLAGE = "411024100202";

	private CourtyardTesting() {
	}

	/** A new household of its own in the village, registered by the county admin, so tests never share one. */
	static long household(HttpGraphQlTester admin, String villageCode) {
		GraphQlTester.Response response = admin.documentName("createHousehold")
			.fragmentName("householdFields")
			.variable("input", Fixtures.with(Fixtures.household(), "villageCode", villageCode))
			.execute();
		response.errors().verify();
		return response.path("createHousehold.household.id").entity(Long.class).get();
	}

	/** A valid nomination: a specialty-planting courtyard of 120.5 m² that earned 8,600 yuan in 2023. */
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
		GraphQlTester.Response response = nominate(caller, input);
		response.errors().verify();
		return response.path("nominateCourtyardHousehold.courtyardHousehold.id").entity(Long.class).get();
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
	 * The first of two consecutive years, from 2000 on, in which no town has designated a demonstration village, so
	 * that designation tests start clean even against a database kept from an earlier run.
	 */
	static int freeYears(JdbcTemplate jdbc) {
		for (int year = 2000;; year++) {
			if (jdbc.queryForObject("SELECT COUNT(*) FROM demonstration_village WHERE year IN (?, ?)", Long.class,
					year, year + 1) == 0) {
				return year;
			}
		}
	}

	/** The request is refused with an error naming the field and its class, and no table changed. */
	static void assertRefused(JdbcTemplate jdbc, Supplier<GraphQlTester.Response> request, String field,
			String classification) {
		Map<String, Object> before = DatabaseSnapshot.of(jdbc, TABLES);
		GraphQlTester.Response response = request.get();
		response.errors().satisfy((errors) -> {
			assertThat(errors).as("errors").isNotEmpty();
			assertThat(errors).anySatisfy((ResponseError error) -> {
				assertThat(error.getExtensions()).containsEntry("field", field)
					.containsEntry("classification", classification);
				assertThat(error.getMessage()).startsWith(field + ": ");
			});
		});
		assertThat(DatabaseSnapshot.of(jdbc, TABLES)).isEqualTo(before);
	}

	/** Refused by role: FORBIDDEN without a field, and no table changed. */
	static void assertForbidden(JdbcTemplate jdbc, Supplier<GraphQlTester.Response> request) {
		Map<String, Object> before = DatabaseSnapshot.of(jdbc, TABLES);
		request.get()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
		assertThat(DatabaseSnapshot.of(jdbc, TABLES)).isEqualTo(before);
	}

}
