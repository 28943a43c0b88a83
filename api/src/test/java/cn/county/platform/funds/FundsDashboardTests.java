package cn.county.platform.funds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's funds section against an independent computation over the demo data
 * (plain SELECTs, the cards worked out here in Java), for the county and one town, at
 * each spending milestone of 2023; and a payment shows in the next summary.
 */
class FundsDashboardTests extends AbstractPlatformTests {

	private static final String FUNDS = "query($p: PeriodInput, $t: String) { dashboard(period: $p, town: $t) {"
			+ " figures { funds { allocated { count amount } disbursed { amount } industryAllocated { amount }"
			+ " rate milestoneDue milestoneShare industryShare byStatus { key count } cards { key count } } } } }";

	/** The milestones of application.yml and the periods that end on them. */
	private static final Map<String, Map<String, Object>> MILESTONES = Map.of("2023-06-30",
			Map.of("year", 2023, "quarter", 2), "2023-09-30", Map.of("year", 2023, "quarter", 3), "2023-12-31",
			Map.of("year", 2023));

	private static final Map<String, BigDecimal> SHARES = Map.of("2023-06-30", new BigDecimal("0.50"), "2023-09-30",
			new BigDecimal("0.75"), "2023-12-31", BigDecimal.ONE);

	@Test
	void theFundsFiguresEqualAnIndependentComputationForTheCountyAndATownAtEachMilestone() {
		long towns = this.jdbc.queryForObject("SELECT COUNT(*) FROM town", Long.class);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE year = 2023", Long.class))
			.as("the demo's projects, 15 per town")
			.isGreaterThanOrEqualTo(FundsDemoSection.PROJECTS_PER_TOWN * towns);
		for (String town : new String[] { null, Fixtures.TOWN }) {
			for (Map.Entry<String, Map<String, Object>> milestone : MILESTONES.entrySet()) {
				LocalDate asOf = LocalDate.parse(milestone.getKey());
				GraphQlTester.Response response = summary(milestone.getValue(), town);
				String where = (town != null) ? " AND p.town_code = '" + town + "'" : "";
				String as = town + " on " + asOf;
				BigDecimal allocated = sum("SELECT SUM(p.allocated) FROM project p WHERE p.year = 2023" + where);
				BigDecimal industry = sum(
						"SELECT SUM(p.allocated) FROM project p WHERE p.year = 2023 AND p.category = 'INDUSTRY'"
								+ where);
				BigDecimal disbursed = sum(
						"SELECT SUM(d.amount) FROM disbursement d JOIN project p ON p.id = d.project_id"
								+ " WHERE p.year = 2023 AND d.paid_on <= '" + asOf + "'" + where);
				assertThat(response.path("dashboard.figures.funds.allocated.amount").entity(BigDecimal.class).get())
					.as(as)
					.isEqualByComparingTo(allocated);
				assertThat(response.path("dashboard.figures.funds.industryAllocated.amount")
					.entity(BigDecimal.class)
					.get()).as(as).isEqualByComparingTo(industry);
				assertThat(response.path("dashboard.figures.funds.disbursed.amount").entity(BigDecimal.class).get())
					.as(as)
					.isEqualByComparingTo(disbursed);
				assertThat(response.path("dashboard.figures.funds.rate").entity(Double.class).get()).as(as)
					.isEqualTo(disbursed.divide(allocated, 4, RoundingMode.HALF_UP).doubleValue());
				assertThat(response.path("dashboard.figures.funds.industryShare").entity(Double.class).get()).as(as)
					.isEqualTo(industry.divide(allocated, 4, RoundingMode.HALF_UP).doubleValue());
				assertThat(response.path("dashboard.figures.funds.milestoneShare").entity(Double.class).get()).as(as)
					.isEqualTo(SHARES.get(milestone.getKey()).doubleValue());
				Map<String, Long> byStatus = new TreeMap<>();
				for (ProjectStatus status : ProjectStatus.values()) {
					byStatus.put(status.name(), 0L);
				}
				this.jdbc
					.queryForList("SELECT p.status, COUNT(*) AS n FROM project p WHERE p.year = 2023" + where
							+ " GROUP BY p.status")
					.forEach((row) -> byStatus.put((String) row.get("status"), ((Number) row.get("n")).longValue()));
				assertThat(figures(response, "byStatus")).as(as).isEqualTo(byStatus);
				Map<String, Long> cards = cards(where, asOf, SHARES.get(milestone.getKey()));
				assertThat(figures(response, "cards")).as(as).isEqualTo(cards);
				if (town == null) {
					assertThat(cards.get("YELLOW") + cards.get("RED")).as("the demo's late projects on " + asOf)
						.isPositive();
				}
			}
		}
	}

	@Test
	void aPaymentChangesTheNextSummary() {
		long project = FundsFixtures.fundedProject(this.admin, FundsFixtures.proposal(), 100_000);
		Map<String, Object> period = Map.of("year", 2023, "quarter", 2);
		BigDecimal before = summary(period, Fixtures.TOWN).path("dashboard.figures.funds.disbursed.amount")
			.entity(BigDecimal.class)
			.get();
		BigDecimal county = summary(period, null).path("dashboard.figures.funds.disbursed.amount")
			.entity(BigDecimal.class)
			.get();
		FundsFixtures.disbursed(this.admin, project, 12_345);
		assertThat(summary(period, Fixtures.TOWN).path("dashboard.figures.funds.disbursed.amount")
			.entity(BigDecimal.class)
			.get()).isEqualByComparingTo(before.add(new BigDecimal("12345")));
		assertThat(
				summary(period, null).path("dashboard.figures.funds.disbursed.amount").entity(BigDecimal.class).get())
			.isEqualByComparingTo(county.add(new BigDecimal("12345")));
	}

	private GraphQlTester.Response summary(Map<String, Object> period, String town) {
		return this.admin.document(FUNDS).variable("p", period).variable("t", town).execute();
	}

	private BigDecimal sum(String sql) {
		BigDecimal value = this.jdbc.queryForObject(sql, BigDecimal.class);
		return (value != null) ? value : BigDecimal.ZERO;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Long> figures(GraphQlTester.Response response, String name) {
		Map<String, Long> values = new TreeMap<>();
		for (Map<String, Object> figure : (List<Map<String, Object>>) response.path("dashboard.figures.funds." + name)
			.entity(List.class)
			.get()) {
			values.put((String) figure.get("key"), ((Number) figure.get("count")).longValue());
		}
		return values;
	}

	/**
	 * The cards worked out here: funded projects not accepted, their payments by asOf
	 * over their allocation, against the milestone's share and application.yml's margins.
	 */
	private Map<String, Long> cards(String where, LocalDate asOf, BigDecimal due) {
		Map<String, Long> cards = new TreeMap<>(Map.of("RED", 0L, "YELLOW", 0L));
		List<Map<String, Object>> rows = new ArrayList<>(
				this.jdbc.queryForList("SELECT p.id, p.allocated, p.planned_end FROM project p WHERE p.year = 2023"
						+ " AND p.status IN ('APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED')" + where));
		for (Map<String, Object> row : rows) {
			BigDecimal allocated = (BigDecimal) row.get("allocated");
			BigDecimal paid = sum("SELECT SUM(amount) FROM disbursement WHERE project_id = " + row.get("id")
					+ " AND paid_on <= '" + asOf + "'");
			BigDecimal rate = (allocated.signum() == 0) ? BigDecimal.ZERO
					: paid.divide(allocated, 4, RoundingMode.HALF_UP);
			BigDecimal gap = due.subtract(rate);
			LocalDate end = ((java.sql.Date) row.get("planned_end")).toLocalDate();
			String colour = end.isBefore(asOf) || gap.compareTo(new BigDecimal("0.25")) > 0 ? "RED"
					: (gap.compareTo(new BigDecimal("0.10")) > 0) ? "YELLOW" : null;
			if (colour != null) {
				cards.merge(colour, 1L, Long::sum);
			}
		}
		return cards;
	}

}
