package cn.county.platform.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complementary small-cell suppression over HTTP with real tokens: a village whose
 * housing grades are planted through the API so that exactly one grade is small and every
 * other one large, then every breakdown, total and village of the town as the dashboard
 * viewer gets them, checked by the subtractions a viewer could do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardComplementTests extends AbstractPlatformTests {

	/**
	 * A village of the other demo town: DashboardAccessTests reads the first town's
	 * villages.
	 */
	private static final String VILLAGE = Fixtures.OTHER_TOWN_VILLAGE;

	private static final List<String> GRADES = List.of("A", "B", "C", "D");

	/** The grade left small in the planted village. */
	String small;

	@BeforeAll
	void plant() {
		Map<String, Long> byGrade = grades();
		this.small = GRADES.stream().min((a, b) -> Long.compare(byGrade.get(a), byGrade.get(b))).orElseThrow();
		assertThat(byGrade.get(this.small)).as("the smallest grade of the demo village").isLessThan(5);
		for (String grade : GRADES) {
			long have = byGrade.get(grade);
			long want = grade.equals(this.small) ? Math.max(1, have) : Math.max(5 + GRADES.indexOf(grade), have);
			for (long i = have; i < want; i++) {
				Map<String, Object> input = Fixtures.household();
				input.put("villageCode", VILLAGE);
				input.put("housingGrade", grade);
				Fixtures.createHousehold(this.admin, input);
			}
		}
		Map<String, Long> planted = grades();
		assertThat(planted.get(this.small)).isBetween(1L, 4L);
		GRADES.stream()
			.filter((grade) -> !grade.equals(this.small))
			.forEach((grade) -> assertThat(planted.get(grade)).as(grade).isGreaterThanOrEqualTo(5));
	}

	private Map<String, Long> grades() {
		Map<String, Long> byGrade = new HashMap<>();
		GRADES.forEach((grade) -> byGrade.put(grade, 0L));
		this.jdbc
			.queryForList("SELECT housing_grade AS g, COUNT(*) AS n FROM household WHERE village_code = ? "
					+ "AND housing_grade IS NOT NULL GROUP BY housing_grade", VILLAGE)
			.forEach((row) -> byGrade.put((String) row.get("g"), ((Number) row.get("n")).longValue()));
		return byGrade;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> villages(HttpGraphQlTester client) {
		return client.documentName("dashboardBreakdown")
			.fragmentName("allFigures")
			.variable("period", Map.of("year", 2023))
			.variable("town", Fixtures.OTHER_TOWN)
			.variable("by", "VILLAGE")
			.execute()
			.path("dashboard.breakdown")
			.entityList(Map.class)
			.get()
			.stream()
			.map((m) -> (Map<String, Object>) m)
			.toList();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> figures(HttpGraphQlTester client, String town, String village) {
		return client.documentName("dashboard")
			.fragmentName("allFigures")
			.variable("period", Map.of("year", 2023))
			.variable("town", town)
			.variable("village", village)
			.execute()
			.path("dashboard.figures")
			.entity(Map.class)
			.get();
	}

	@Test
	void oneSmallGradeTakesAnotherWithItAndNoWithheldCountCanBeWorkedOutByAnySubtraction() {
		HttpGraphQlTester viewer = this.clients.dashboardViewer();
		List<Map<String, Object>> all = villages(this.admin);
		List<Map<String, Object>> seen = villages(viewer);
		Map<String, Map<String, Object>> town = cells(figures(viewer, Fixtures.OTHER_TOWN, null));
		assertThat(seen).hasSameSizeAs(all).hasSizeGreaterThan(1);

		// the planted village: its one small grade, and a large one withheld beside it
		int planted = indexOf(seen, VILLAGE);
		Map<String, Map<String, Object>> village = cells(seen.get(planted));
		Map<String, Map<String, Object>> truth = cells(all.get(planted));
		List<String> withheldGrades = GRADES.stream()
			.filter((grade) -> suppressed(village.get("basicNeeds.housingByGrade." + grade)))
			.toList();
		assertThat(withheldGrades).contains(this.small).hasSizeGreaterThanOrEqualTo(2);
		assertThat(withheldGrades).as("a complement of five or more")
			.anySatisfy((grade) -> assertThat(count(truth.get("basicNeeds.housingByGrade." + grade)))
				.isGreaterThanOrEqualTo(5));

		int withheld = 0;
		for (int i = 0; i < seen.size(); i++) {
			Map<String, Map<String, Object>> shown = cells(seen.get(i));
			Map<String, Map<String, Object>> actual = cells(all.get(i));
			// the viewer's weeks are every week of the town's villages, so that each can
			// be withheld alike
			assertThat(shown.keySet()).containsAll(actual.keySet());
			assertThat(shown.keySet())
				.allSatisfy((path) -> assertThat(actual.containsKey(path) || path.startsWith("visits.byWeek.")).as(path)
					.isTrue());
			for (String path : shown.keySet()) {
				Map<String, Object> as = shown.get(path);
				Map.Entry<String, Map<String, Object>> cell = Map.entry(path,
						actual.getOrDefault(path, Map.of("count", 0, "suppressed", false)));
				long count = count(cell.getValue());
				assertThat(suppressed(cell.getValue())).as("the admin sees " + cell.getKey()).isFalse();
				if (count > 0 && count < 5) {
					assertThat(suppressed(as)).as(cell.getKey() + " is small").isTrue();
				}
				if (suppressed(as)) {
					withheld++;
					assertThat(as.get("count")).isNull();
					assertThat(as.get("amount")).isNull();
				}
				else {
					assertThat(count(as)).as(cell.getKey()).isEqualTo(count);
					assertThat(as.get("amount")).as(cell.getKey()).isEqualTo(cell.getValue().get("amount"));
				}
			}
			assertRatesWithheldWithTheirCounts(seen.get(i));
			// within the village: every breakdown, and the total with its categories
			String code = code(seen.get(i));
			lists(seen.get(i)).forEach((list, paths) -> assertNotRecoverable(code + " " + list, paths, shown, false));
			List<String> totalAndCategories = new ArrayList<>(List.of("households.total"));
			totalAndCategories.addAll(lists(seen.get(i)).get("households.byCategory"));
			assertNotRecoverable(code + " total and categories", totalAndCategories, shown, true);
			assertNotRecoverable(code + " unsafe housing",
					List.of("basicNeeds.housingUnsafe", "basicNeeds.housingByGrade.C", "basicNeeds.housingByGrade.D"),
					shown, true);
		}
		assertThat(withheld).isGreaterThanOrEqualTo(2);

		// across the town's villages: the town's figure minus the villages shown
		Set<String> paths = new LinkedHashSet<>();
		seen.forEach((v) -> paths.addAll(cells(v).keySet()));
		for (String path : paths) {
			List<Long> shownCounts = new ArrayList<>();
			List<String> hidden = new ArrayList<>();
			for (Map<String, Object> v : seen) {
				Map<String, Object> cell = cells(v).get(path);
				if (suppressed(cell)) {
					hidden.add(code(v));
				}
				else if (cell != null) {
					shownCounts.add(count(cell));
				}
			}
			Map<String, Object> total = town.get(path);
			if (hidden.size() == 1 && total != null && !suppressed(total)) {
				long recovered = count(total) - shownCounts.stream().mapToLong(Long::longValue).sum();
				throw new AssertionError(path + " of village " + hidden.get(0) + " is the town's " + count(total)
						+ " minus the villages shown: " + recovered);
			}
		}

		// the planted village asked alone withholds exactly what the breakdown withholds
		Map<String, Object> alone = figures(viewer, null, VILLAGE);
		assertThat(cells(alone)).isEqualTo(village);
	}

	@Test
	void countyAdminsStillSeeEveryValueOfThePlantedVillage() {
		Map<String, Map<String, Object>> admin = cells(figures(this.admin, null, VILLAGE));
		Map<String, Long> grades = grades();
		for (String grade : GRADES) {
			Map<String, Object> cell = admin.get("basicNeeds.housingByGrade." + grade);
			assertThat(suppressed(cell)).isFalse();
			assertThat(count(cell)).isEqualTo(grades.get(grade));
		}
		assertThat(admin.values()).noneMatch(DashboardComplementTests::suppressed);
	}

	/**
	 * A rate with a withheld count would give the count back with the other one: it is
	 * withheld too.
	 */
	@SuppressWarnings("unchecked")
	private static void assertRatesWithheldWithTheirCounts(Map<String, Object> figures) {
		Map<String, Object> employment = (Map<String, Object>) figures.get("employment");
		if (suppressed((Map<String, Object>) employment.get("employed"))
				|| suppressed((Map<String, Object>) employment.get("ableAndWilling"))) {
			assertThat(employment.get("rate")).isNull();
			assertThat(employment.get("targetMet")).isNull();
		}
		Map<String, Object> certification = (Map<String, Object>) figures.get("certification");
		boolean labour = suppressed((Map<String, Object>) certification.get("labourForce"));
		if (labour || suppressed((Map<String, Object>) certification.get("certified"))) {
			assertThat(certification.get("rate")).isNull();
		}
		for (Map<String, Object> milestone : (List<Map<String, Object>>) certification.get("milestones")) {
			if (labour || suppressed((Map<String, Object>) milestone.get("certified"))) {
				assertThat(milestone.get("rate")).isNull();
				assertThat(milestone.get("status")).isNull();
			}
		}
		Map<String, Object> visits = (Map<String, Object>) figures.get("visits");
		if (suppressed((Map<String, Object>) visits.get("visits"))
				|| suppressed((Map<String, Object>) visits.get("cadreWeeks"))) {
			assertThat(visits.get("perCadrePerWeek")).isNull();
		}
	}

	/**
	 * Exactly one withheld cell of a set whose sum is known is that sum minus the cells
	 * shown. With a total first ({@code total} true), the sum is the total's count: the
	 * other cells add up to it.
	 */
	private static void assertNotRecoverable(String what, List<String> paths, Map<String, Map<String, Object>> cells,
			boolean total) {
		List<String> hidden = paths.stream().filter((path) -> suppressed(cells.get(path))).toList();
		if (hidden.size() != 1) {
			return;
		}
		String message = what + ": " + hidden.get(0) + " is the only cell withheld";
		if (total) {
			long parts = paths.subList(1, paths.size()).stream().mapToLong((path) -> count(cells.get(path))).sum();
			long recovered = hidden.get(0).equals(paths.get(0)) ? parts : count(cells.get(paths.get(0))) - parts;
			message += ", so it is " + recovered;
		}
		throw new AssertionError(message + " (the known sum minus the cells shown)");
	}

	private static int indexOf(List<Map<String, Object>> villages, String code) {
		for (int i = 0; i < villages.size(); i++) {
			if (code.equals(code(villages.get(i)))) {
				return i;
			}
		}
		throw new AssertionError("no village " + code);
	}

	@SuppressWarnings("unchecked")
	private static String code(Map<String, Object> figures) {
		return (String) ((Map<String, Object>) figures.get("area")).get("code");
	}

	private static boolean suppressed(Map<String, Object> figure) {
		return figure != null && Boolean.TRUE.equals(figure.get("suppressed"));
	}

	private static long count(Map<String, Object> figure) {
		Object count = (figure != null) ? figure.get("count") : null;
		return (count != null) ? ((Number) count).longValue() : 0;
	}

	/**
	 * Every figure by path: section.field, section.field.key for breakdowns,
	 * section.milestones.due.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> cells(Map<String, Object> figures) {
		Map<String, Map<String, Object>> cells = new LinkedHashMap<>();
		figures.forEach((section, value) -> {
			if (!(value instanceof Map<?, ?> fields) || "area".equals(section)) {
				return;
			}
			((Map<String, Object>) fields).forEach((name, field) -> {
				if (field instanceof Map<?, ?> figure && figure.containsKey("suppressed")) {
					cells.put(section + "." + name, (Map<String, Object>) figure);
				}
				else if (field instanceof List<?> list) {
					for (Object item : list) {
						Map<String, Object> entry = (Map<String, Object>) item;
						if (entry.containsKey("suppressed")) {
							cells.put(section + "." + name + "." + entry.get("key"), entry);
						}
						else if (entry.containsKey("due")) {
							cells.put(section + "." + name + "." + entry.get("due"),
									(Map<String, Object>) entry.get("certified"));
						}
					}
				}
			});
		});
		return cells;
	}

	/** The paths of every breakdown (a list of figures), by section.field. */
	@SuppressWarnings("unchecked")
	static Map<String, List<String>> lists(Map<String, Object> figures) {
		Map<String, List<String>> lists = new LinkedHashMap<>();
		figures.forEach((section, value) -> {
			if (!(value instanceof Map<?, ?> fields) || "area".equals(section)) {
				return;
			}
			((Map<String, Object>) fields).forEach((name, field) -> {
				if (field instanceof List<?> list && !list.isEmpty()
						&& ((Map<String, Object>) list.get(0)).containsKey("suppressed")) {
					lists.put(section + "." + name,
							list.stream()
								.map((item) -> section + "." + name + "." + ((Map<String, Object>) item).get("key"))
								.toList());
				}
			});
		});
		return lists;
	}

}
