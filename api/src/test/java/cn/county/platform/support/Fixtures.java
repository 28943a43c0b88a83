package cn.county.platform.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.county.platform.common.ResidentIdNumber;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The tests' one fixture vocabulary: named inputs ({@link #household()}, {@link #member},
 * {@link #monitoring}), changed one field at a time with {@link #with}, and
 * {@link #createHousehold} to register one through the API as a given role. Feature
 * inputs (a measure, a loan, a sale) live beside their tests in {@code <feature>Fixtures}
 * and build on these. ID numbers use a region code that the demo data never uses, with a
 * counter, so fixtures never collide with demo households or with each other.
 */
public final class Fixtures {

	/** The first demo town and one of its villages; the demo users are bound to them. */
	public static final String TOWN = "411024100";

	public static final String VILLAGE = "411024100201";

	public static final String OTHER_TOWN = "411024101";

	public static final String OTHER_TOWN_VILLAGE = "411024101201";

	private static final AtomicInteger sequence = new AtomicInteger((int) (System.nanoTime() % 500));

	private Fixtures() {
	}

	/** A valid ID number for a man born on the date, unique within this JVM. */
	public static String idNumber(LocalDate birthDate) {
		int n = sequence.incrementAndGet();
		String region = String.format("1101%02d", 1 + (n / 500) % 99);
		return ResidentIdNumber.of(region, birthDate, (n % 500) * 2 + 1);
	}

	public static String code() {
		return "T" + Long.toString(System.nanoTime(), 36).toUpperCase() + sequence.incrementAndGet();
	}

	/**
	 * A household created through the API: its id, its head's member id, its code and
	 * version as answered.
	 */
	public record Household(long id, long headId, String code, int version) {
	}

	/** The input of {@link #household()} in another village. */
	public static Map<String, Object> household(String villageCode) {
		return with(household(), "villageCode", villageCode);
	}

	/** {@link #household()} registered by the caller. */
	public static Household createHousehold(HttpGraphQlTester caller) {
		return createHousehold(caller, household());
	}

	/** {@link #household(String)} registered by the caller. */
	public static Household createHousehold(HttpGraphQlTester caller, String villageCode) {
		return createHousehold(caller, household(villageCode));
	}

	/**
	 * Registers the household through {@code createHousehold} (selecting the
	 * {@code householdFields} fragment) as the caller, failing the test on any error.
	 */
	public static Household createHousehold(HttpGraphQlTester caller, Map<String, Object> input) {
		GraphQlTester.Response response = caller.documentName("createHousehold")
			.fragmentName("householdFields")
			.variable("input", input)
			.execute();
		response.errors().verify();
		return new Household(response.path("createHousehold.household.id").entity(Long.class).get(),
				response.path("createHousehold.household.members[0].id").entity(Long.class).get(),
				response.path("createHousehold.household.code").entity(String.class).get(),
				response.path("createHousehold.household.version").entity(Integer.class).get());
	}

	/**
	 * Sends a write through one of the documents under {@code graphql-test/} as the
	 * caller, with {@code input} and the fragment (or none), fails the test on any error,
	 * and returns the id the answer holds at {@code idPath}:
	 * {@code Fixtures.create(admin, "recordSale", "saleFields", input, "recordSale.sale.id")}.
	 */
	public static long create(HttpGraphQlTester caller, String document, String fragment, Map<String, Object> input,
			String idPath) {
		GraphQlTester.Request<?> request = caller.documentName(document);
		if (fragment != null) {
			request = request.fragmentName(fragment);
		}
		GraphQlTester.Response response = request.variable("input", input).execute();
		response.errors().verify();
		return response.path(idPath).entity(Long.class).get();
	}

	/**
	 * Zhang Wei, head of an alleviated household in the first demo village; a new code
	 * and ID number each call.
	 */
	public static Map<String, Object> household() {
		Map<String, Object> input = new HashMap<>();
		input.put("code", code());
		input.put("villageCode", VILLAGE);
		input.put("address", "北街村3组12号");
		input.put("head", member("张伟", idNumber(LocalDate.of(1968, 3, 14))));
		input.put("phone", "13800138000");
		input.put("incomePerCapita", 9200.50);
		input.put("incomeYear", 2023);
		input.put("receivesPolicySupport", true);
		input.put("housingGrade", "B");
		return input;
	}

	public static Map<String, Object> member(String name, String idNumber) {
		Map<String, Object> member = new HashMap<>();
		member.put("name", name);
		member.put("idNumber", idNumber);
		member.put("schooling", "GRADUATED");
		member.put("health", "HEALTHY");
		member.put("labourCapacity", "FULL");
		member.put("willingToWork", true);
		return member;
	}

	public static Map<String, Object> monitoring(String type, String... causes) {
		return Map.of("type", type, "causes", List.of(causes), "identifiedVia", "CADRE_SCREENING", "identifiedOn",
				"2023-04-10");
	}

	/**
	 * A copy of the input with one field replaced; a dotted name reaches into a nested
	 * input.
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> with(Map<String, Object> input, String field, Object value) {
		Map<String, Object> copy = new HashMap<>(input);
		int dot = field.indexOf('.');
		if (dot > 0) {
			String head = field.substring(0, dot);
			copy.put(head, with((Map<String, Object>) input.get(head), field.substring(dot + 1), value));
		}
		else if (value == null) {
			copy.remove(field);
		}
		else {
			copy.put(field, value);
		}
		return copy;
	}

}
