package cn.county.platform.measure;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import cn.county.platform.support.Fixtures;
import cn.county.platform.support.Refusals;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/** Fixtures and the refusal check shared by the measure and visit tests. */
final class MeasureFixtures {

	/**
	 * The tables these features write; a refused request leaves all of them as they were.
	 */
	static final String[] TABLES = { "assistance_measure", "household_visit", "household", "audit_log" };

	/** A village of the first demo town other than the village cadre's. */
	static final String NEIGHBOUR_VILLAGE = "411024100202";

	private MeasureFixtures() {
	}

	/**
	 * A valid recordMeasure input: a public-welfare post from March to December 2023,
	 * under way.
	 */
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
		return Fixtures.create(caller, "recordMeasure", "measureFields", input, "recordMeasure.measure.id");
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
