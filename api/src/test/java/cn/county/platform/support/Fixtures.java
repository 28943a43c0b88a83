package cn.county.platform.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.county.platform.common.ResidentIdNumber;

/**
 * Named inputs for tests. ID numbers use a region code that the demo data never uses, with a counter, so fixtures
 * never collide with demo households or with each other.
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

	/** Zhang Wei, head of an alleviated household in the first demo village. */
	public static Map<String, Object> zhangWeiHousehold() {
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

	/** A copy of the input with one field replaced; a dotted name reaches into a nested input. */
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
