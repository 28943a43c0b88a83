package cn.county.platform.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.county.platform.common.SqlStatementCounter;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's rollup (V31) on the real database: a county summary adds up stored
 * towns, a write makes only the towns it touched be read again, and the figures stay
 * equal to an independent count throughout.
 */
class DashboardRollupTests extends AbstractPlatformTests {

	@Autowired
	SqlStatementCounter statements;

	@Autowired
	DashboardCache cache;

	@Autowired
	DashboardRollup rollup;

	@Autowired
	DashboardService dashboards;

	@Autowired
	DashboardMapper mapper;

	@Autowired
	cn.county.platform.plan.Plan plan;

	@BeforeEach
	void setUp() {
		// derived rows only: each test starts with none stored, so what it reads is one
		// period's towns
		this.jdbc.update("DELETE FROM dashboard_rollup");
		this.cache.invalidateAll();
	}

	/** When each stored town of each statement was computed: statement/town to time. */
	private Map<String, Object> stored() {
		Map<String, Object> stored = new HashMap<>();
		for (Map<String, Object> row : this.jdbc
			.queryForList("SELECT statement, area_code, version, epoch, computed_at FROM dashboard_rollup")) {
			stored.put(row.get("statement") + "/" + row.get("area_code"),
					List.of(row.get("version"), row.get("epoch"), row.get("computed_at")));
		}
		return stored;
	}

	private static long count(Map<String, Object> figures, String section, String figure) {
		@SuppressWarnings("unchecked")
		Map<String, Object> value = (Map<String, Object>) ((Map<String, Object>) figures.get(section)).get(figure);
		return ((Number) value.get("count")).longValue();
	}

	private void recordVisit(String town, String cadre, String day) {
		long household = this.jdbc.queryForObject("SELECT id FROM household WHERE town_code = ? ORDER BY id LIMIT 1",
				Long.class, town);
		this.admin.documentName("recordVisit")
			.fragmentName("visitFields")
			.variable("input", Map.of("householdId", household, "visitedOn", day, "cadre", cadre))
			.execute()
			.errors()
			.verify();
	}

	@Test
	void aRedisMissAddsUpTheStoredTownsWithoutReadingTheRecords() {
		Map<String, Object> first = DashboardOracle.yearFigures(this.admin, null);
		Map<String, Object> storedBefore = stored();
		assertThat(storedBefore).isNotEmpty();
		this.cache.invalidateAll(); // Redis holds nothing current: the next summary is
									// cold
		long before = this.statements.count();
		Map<String, Object> cold = DashboardOracle.yearFigures(this.admin, null);
		// one statement per dashboard statement: its towns, each with its stored figures
		assertThat(DashboardRollup.STORED).containsExactlyInAnyOrder(FigureQuery.values());
		assertThat(this.statements.count() - before).as("SQL statements of a cold summary")
			.isEqualTo(FigureQuery.values().length);
		assertThat(stored()).as("no town computed again").isEqualTo(storedBefore);
		assertThat(cold).isEqualTo(first);
		DashboardOracle.assertYearMatches(this.jdbc, cold, null);
	}

	@Test
	void aWriteMakesOnlyTheTownsItTouchedBeReadAgainAndACadreInTwoTownsCountsOnce() {
		Map<String, Object> county = DashboardOracle.yearFigures(this.admin, null);
		Map<String, Object> town = DashboardOracle.yearFigures(this.admin, Fixtures.TOWN);
		Map<String, Object> otherTown = DashboardOracle.yearFigures(this.admin, Fixtures.OTHER_TOWN);
		Map<String, Object> storedBefore = stored();
		// one cadre visits in two towns on the same Tuesday (the demo's visits are all on
		// Tuesdays, and other tests
		// hold them to it), and in one of them the next Tuesday too: two cadre-weeks,
		// whichever way the towns' weeks
		// are combined
		recordVisit(Fixtures.TOWN, "rollup.cadre", "2023-12-05");
		recordVisit(Fixtures.OTHER_TOWN, "rollup.cadre", "2023-12-05");
		recordVisit(Fixtures.OTHER_TOWN, "rollup.cadre", "2023-12-12");

		Map<String, Object> countyAfter = DashboardOracle.yearFigures(this.admin, null);
		Map<String, Object> storedAfter = stored();
		DashboardOracle.assertYearMatches(this.jdbc, countyAfter, null);
		Map<String, Object> changed = new HashMap<>(storedAfter);
		changed.entrySet().removeIf((entry) -> entry.getValue().equals(storedBefore.get(entry.getKey())));
		assertThat(changed.keySet()).as("stored towns computed again")
			.containsExactlyInAnyOrder("VISITS/" + Fixtures.TOWN, "VISITS/" + Fixtures.OTHER_TOWN);

		assertThat(count(countyAfter, "visits", "visits")).isEqualTo(count(county, "visits", "visits") + 3);
		assertThat(count(countyAfter, "visits", "onTuesday")).isEqualTo(count(county, "visits", "onTuesday") + 3);
		// the new cadre once in the county, though in each of the two towns; the shared
		// week once
		assertThat(count(countyAfter, "visits", "cadres")).isEqualTo(count(county, "visits", "cadres") + 1);
		assertThat(count(countyAfter, "visits", "cadreWeeks")).isEqualTo(count(county, "visits", "cadreWeeks") + 2);
		Map<String, Object> townAfter = DashboardOracle.yearFigures(this.admin, Fixtures.TOWN);
		Map<String, Object> otherTownAfter = DashboardOracle.yearFigures(this.admin, Fixtures.OTHER_TOWN);
		assertThat(count(townAfter, "visits", "cadres")).isEqualTo(count(town, "visits", "cadres") + 1);
		assertThat(count(otherTownAfter, "visits", "cadres")).isEqualTo(count(otherTown, "visits", "cadres") + 1);
		DashboardOracle.assertYearMatches(this.jdbc, townAfter, Fixtures.TOWN);
		DashboardOracle.assertYearMatches(this.jdbc, otherTownAfter, Fixtures.OTHER_TOWN);
	}

	@Test
	void aHouseholdWriteMakesEveryStatementThatReadsHouseholdsReadItsTownAgain() {
		DashboardOracle.yearFigures(this.admin, null);
		Map<String, Object> storedBefore = stored();
		Map<String, Object> input = Fixtures.household();
		input.put("villageCode", Fixtures.OTHER_TOWN_VILLAGE);
		Fixtures.createHousehold(this.admin, input);
		Map<String, Object> after = DashboardOracle.yearFigures(this.admin, null);
		DashboardOracle.assertYearMatches(this.jdbc, after, null);
		Map<String, Object> storedAfter = stored();
		assertThat(FigureQuery.affectedBy("Household")).doesNotContain(FigureQuery.SALES);
		for (FigureQuery query : FigureQuery.values()) {
			if (!FigureQuery.affectedBy("Household").contains(query)) {
				assertThat(storedAfter).as("a household write leaves " + query + " stored")
					.containsEntry(query.name() + "/" + Fixtures.OTHER_TOWN,
							storedBefore.get(query.name() + "/" + Fixtures.OTHER_TOWN));
				continue;
			}
			String key = query.name() + "/" + Fixtures.OTHER_TOWN;
			assertThat(storedAfter.get(key)).as(key).isNotEqualTo(storedBefore.get(key));
			String untouched = query.name() + "/" + Fixtures.TOWN;
			assertThat(storedAfter.get(untouched)).as(untouched).isEqualTo(storedBefore.get(untouched));
		}
	}

	@Test
	void aSellerAndItsSaleMakeOnlyTheSellersTownsSalesBeReadAgain() {
		DashboardOracle.yearFigures(this.admin, null);
		Map<String, Object> storedBefore = stored();
		Map<String, Object> seller = new HashMap<>();
		seller.put("kind", "COOPERATIVE");
		seller.put("name", "汇总测试合作社");
		seller.put("townCode", Fixtures.OTHER_TOWN);
		seller.put("villageCode", Fixtures.OTHER_TOWN_VILLAGE);
		seller.put("platformSupplierId", "ROLLUP-" + System.nanoTime());
		seller.put("registeredOn", "2023-01-01");
		long sellerId = this.admin.documentName("registerSeller")
			.fragmentName("sellerFields")
			.variable("input", seller)
			.execute()
			.path("registerSeller.seller.id")
			.entity(Long.class)
			.get();
		Map<String, Object> sale = new HashMap<>();
		sale.put("sellerId", sellerId);
		sale.put("product", "小米");
		sale.put("category", "GRAIN");
		sale.put("channel", "PURCHASE_PLATFORM");
		sale.put("month", "2023-06");
		sale.put("quantity", 500);
		sale.put("unit", "千克");
		sale.put("amount", 4500);
		sale.put("householdsBenefiting", 12);
		this.admin.documentName("recordSale")
			.fragmentName("saleFields")
			.variable("input", sale)
			.execute()
			.errors()
			.verify();
		Map<String, Object> after = DashboardOracle.yearFigures(this.admin, null);
		DashboardOracle.assertYearMatches(this.jdbc, after, null);
		Map<String, Object> changed = new HashMap<>(stored());
		changed.entrySet().removeIf((entry) -> entry.getValue().equals(storedBefore.get(entry.getKey())));
		assertThat(changed.keySet()).as("stored towns computed again").containsExactly("SALES/" + Fixtures.OTHER_TOWN);
	}

	@Test
	void warmingStoresEveryTownOfTheDefaultDashboardSoItsFirstSummaryComputesNothing() {
		// 2023, long over: the year, its four quarters and its twelve months
		int periods = 1 + 4 + 12;
		assertThat(this.dashboards.warmRollup()).isEqualTo(FigureQuery.values().length * periods);
		long towns = this.jdbc.queryForObject("SELECT COUNT(*) FROM town", Long.class);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_rollup", Long.class))
			.isEqualTo(towns * FigureQuery.values().length * periods);
		long computedBefore = this.jdbc.queryForObject("SELECT COUNT(DISTINCT computed_at) FROM dashboard_rollup",
				Long.class);
		long before = this.statements.count();
		Map<String, Object> figures = DashboardOracle.yearFigures(this.admin, null); // the
																						// default
																						// plan
																						// year,
																						// 2023
		assertThat(this.statements.count() - before).isEqualTo(FigureQuery.values().length);
		DashboardOracle.assertYearMatches(this.jdbc, figures, null);
		// a quarter too: stored, so read without computing
		before = this.statements.count();
		this.admin.documentName("dashboard")
			.fragmentName("allFigures")
			.variable("period", Map.of("year", 2023, "quarter", 3))
			.execute()
			.errors()
			.verify();
		assertThat(this.statements.count() - before).isEqualTo(FigureQuery.values().length);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT computed_at) FROM dashboard_rollup", Long.class))
			.as("nothing stored again")
			.isEqualTo(computedBefore);
	}

	/**
	 * Rows keyed by area, figure and key, summed, without the zeros an aggregate over no
	 * rows returns.
	 */
	private static Map<String, String> summed(List<FigureRow> rows) {
		Map<String, long[]> counts = new java.util.TreeMap<>();
		Map<String, java.math.BigDecimal> amounts = new HashMap<>();
		for (FigureRow row : rows) {
			String key = row.area() + "|" + row.figure() + "|" + row.key();
			counts.computeIfAbsent(key, (k) -> new long[1])[0] += row.count();
			if (row.amount() != null) {
				amounts.merge(key, row.amount(), java.math.BigDecimal::add);
			}
		}
		Map<String, String> summed = new java.util.TreeMap<>();
		counts.forEach((key, count) -> {
			java.math.BigDecimal amount = amounts.get(key);
			if (count[0] != 0 || (amount != null && amount.signum() != 0)) {
				summed.put(key,
						count[0] + ((amount != null) ? " / " + amount.stripTrailingZeros().toPlainString() : ""));
			}
		});
		return summed;
	}

	@Test
	void everyStatementReadFromTheRecordsEqualsItsStoredTownsAddedUpForTheCountyAndByTown() {
		var violations = new cn.county.platform.common.Violations();
		for (Integer quarter : java.util.Arrays.asList(null, 3)) {
			cn.county.platform.plan.ReportingPeriod period = cn.county.platform.plan.ReportingPeriod.of(2023, quarter,
					null, this.plan.today(), "period", violations);
			for (AreaLevel level : List.of(AreaLevel.COUNTY, AreaLevel.TOWN)) {
				SectionQuery sql = SectionQuery.of(Area.COUNTY, level, period, this.plan.year(2023, "year"),
						this.plan.properties());
				for (FigureQuery query : FigureQuery.values()) {
					assertThat(this.rollup.covers(query, sql)).isTrue();
					// what platform.dashboard.rollup.enabled=false reads, against the
					// stored towns
					assertThat(summed(this.rollup.rows(query, sql))).as(query + " by " + level + " in " + period)
						.isEqualTo(summed(query.run(this.mapper, sql)))
						.isNotEmpty();
				}
			}
		}
		assertThat(violations.isEmpty()).isTrue();
	}

	@Test
	void thePurgeDropsOnlyRowsOfAnUnfinishedPeriodComputedOnAnEarlierDay() {
		String insert = "INSERT INTO dashboard_rollup (params, statement, area_code, version, epoch, as_of, period_to,"
				+ " computed_at, figures) VALUES (?, 'VISITS', ?, 0, 0, ?, ?, CURRENT_TIMESTAMP(3), '')";
		java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 29);
		// the year 2026 asked on the 27th and on the 29th; the year 2023, long over
		this.jdbc.update(insert, "a".repeat(40), Fixtures.TOWN, today.minusDays(2), "2026-12-31");
		this.jdbc.update(insert, "b".repeat(40), Fixtures.TOWN, today, "2026-12-31");
		this.jdbc.update(insert, "c".repeat(40), Fixtures.TOWN, "2023-12-31", "2023-12-31");
		assertThat(this.rollup.purge(today)).isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT params FROM dashboard_rollup ORDER BY params", String.class))
			.containsExactly("b".repeat(40), "c".repeat(40));
	}

	@Test
	void rowsWrittenPastTheApiShowOnceTheRollupIsInvalidated() {
		DashboardOracle.yearFigures(this.admin, null);
		long household = this.jdbc.queryForObject("SELECT id FROM household WHERE town_code = ? ORDER BY id LIMIT 1",
				Long.class, Fixtures.OTHER_TOWN);
		this.jdbc.update(
				"INSERT INTO household_visit (id, household_id, cadre, visited_on, recorded_by, recorded_at)"
						+ " VALUES (?, ?, 'bulk.cadre', '2023-11-14', 'bulk', CURRENT_TIMESTAMP)",
				9_100_000_000_000L + household, household);
		this.rollup.invalidateAll(); // what a bulk load does when it is done
		Map<String, Object> storedBefore = stored();
		Map<String, Object> after = DashboardOracle.yearFigures(this.admin, null);
		DashboardOracle.assertYearMatches(this.jdbc, after, null);
		Map<String, Object> storedAfter = stored();
		storedAfter.forEach((key, value) -> assertThat(value).as(key).isNotEqualTo(storedBefore.get(key)));
	}

}
