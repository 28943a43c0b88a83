package cn.county.platform.measure;

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

/** Fixtures and the refusal check shared by the measure and visit tests. */
final class MeasureTesting {

	/** The tables these features write; a refused request leaves all of them as they were. */
	static final String[] TABLES = { "assistance_measure", "household_visit", "household", "audit_log" };

	/** A village of the first demo town other than the village cadre's. */
	static final String NEIGHBOUR_VILLAGE = "411024100202";

	private MeasureTesting() {
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

	/** A valid recordMeasure input: a public-welfare post from March to December 2023, under way. */
	static Map<String, Object> measure(long householdId) {
		Map<String, Object> input = new HashMap<>();
		input.put("householdId", householdId);
		input.put("category", "PUBLIC_WELFARE_POST");
		input.put("description", "安排村级公益性岗位（保洁员）");
		input.put("responsibleDepartment", "县人社局");
		input.put("startDate", "2023-03-01");
		input.put("endDate", "2023-12-31");
		input.put("status", "IN_PROGRESS");
		input.put("amount", 6000);
		return input;
	}

	static long recordMeasure(HttpGraphQlTester caller, Map<String, Object> input) {
		GraphQlTester.Response response = caller.documentName("recordMeasure")
			.fragmentName("measureFields")
			.variable("input", input)
			.execute();
		response.errors().verify();
		return response.path("recordMeasure.measure.id").entity(Long.class).get();
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
