package cn.county.platform.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure of the dashboard against {@link DashboardOracle}, which counts the same
 * demo data in Java from plain SELECTs: for the county, for one town, for a quarter, and
 * summed over a breakdown.
 */
class DashboardFigureTests extends AbstractPlatformTests {

	static final LocalDate YEAR_START = LocalDate.of(2023, 1, 1);

	static final LocalDate YEAR_END = LocalDate.of(2023, 12, 31);

	private Map<String, Object> figures(HttpGraphQlTester client, Map<String, Object> period, String town) {
		return client.documentName("dashboard")
			.fragmentName("allFigures")
			.variable("period", period)
			.variable("town", town)
			.execute()
			.path("dashboard.figures")
			.entity(Map.class)
			.get();
	}

	@Test
	void everyCountyFigureMatchesAnIndependentCountOfTheDemoData() {
		Map<String, BigDecimal> expected = DashboardOracle.compute(this.jdbc, null, YEAR_START, YEAR_END, YEAR_END);
		assertThat(expected).as("the demo data gives every section something to count")
			.containsKeys("households.total", "basicNeeds.schoolAgeNotInSchool", "measures.atRiskWithoutOpenMeasure",
					"employment.employed", "certification.certified", "certification.milestones.2023-09-30",
					"loans.overdue", "loans.renewalsInPeriod", "sales.yearToDate", "sales.missingReports.2023-06",
					"courtyard.approvedHouseholds", "courtyard.villagesAtTarget",
					"courtyard.townsWithDemonstrationVillage", "visits.cadreWeeks", "households.newlyIdentified",
					"basicNeeds.assistanceByKind.MINIMUM_ALLOWANCE", "basicNeeds.assistanceByKind.TEMPORARY_RELIEF",
					"basicNeeds.assistancePaidByKind.EXTREME_POVERTY_SUPPORT.amount");
		Map<String, BigDecimal> actual = DashboardOracle.flatten(figures(this.admin, Map.of("year", 2023), null));
		assertThat(DashboardOracle.normalized(actual)).isEqualTo(DashboardOracle.normalized(expected));
	}

	@Test
	void everyFigureOfOneTownMatchesAnIndependentCountAndTheTownOfficialSeesTheSame() {
		Map<String, BigDecimal> expected = DashboardOracle.compute(this.jdbc, Fixtures.TOWN, YEAR_START, YEAR_END,
				YEAR_END);
		Map<String, Object> asAdmin = figures(this.admin, Map.of("year", 2023), Fixtures.TOWN);
		assertThat(DashboardOracle.normalized(DashboardOracle.flatten(asAdmin)))
			.isEqualTo(DashboardOracle.normalized(expected));
		Map<String, Object> asOfficial = figures(this.clients.townOfficial(), Map.of("year", 2023), null);
		assertThat(asOfficial).isEqualTo(asAdmin);
	}

	@Test
	void aQuarterCountsTheFlowsOfItsDaysAndJudgesStatesOnItsLastDay() {
		LocalDate from = LocalDate.of(2023, 4, 1);
		LocalDate to = LocalDate.of(2023, 6, 30);
		Map<String, BigDecimal> expected = DashboardOracle.compute(this.jdbc, null, from, to, to);
		Map<String, Object> answer = this.admin.documentName("dashboard")
			.fragmentName("allFigures")
			.variable("period", Map.of("year", 2023, "quarter", 2))
			.execute()
			.path("dashboard.period")
			.entity(Map.class)
			.isEqualTo(secondQuarter())
			.path("dashboard.figures")
			.entity(Map.class)
			.get();
		assertThat(DashboardOracle.normalized(DashboardOracle.flatten(answer)))
			.isEqualTo(DashboardOracle.normalized(expected));
	}

	private static Map<String, Object> secondQuarter() {
		Map<String, Object> period = new java.util.HashMap<>();
		period.put("year", 2023);
		period.put("quarter", 2);
		period.put("month", null);
		period.put("from", "2023-04-01");
		period.put("to", "2023-06-30");
		period.put("asOf", "2023-06-30");
		return period;
	}

	@Test
	@SuppressWarnings("unchecked")
	void theTownsOfABreakdownAddUpToTheCounty() {
		Map<String, BigDecimal> county = DashboardOracle
			.normalized(DashboardOracle.flatten(figures(this.admin, Map.of("year", 2023), null)));
		List<Map<String, Object>> towns = this.admin.documentName("dashboardBreakdown")
			.fragmentName("allFigures")
			.variable("period", Map.of("year", 2023))
			.variable("by", "TOWN")
			.execute()
			.path("dashboard.breakdown")
			.entityList(Map.class)
			.get()
			.stream()
			.map((m) -> (Map<String, Object>) m)
			.toList();
		assertThat(towns).hasSize(this.jdbc.queryForObject("SELECT COUNT(*) FROM town", Integer.class));
		Map<String, BigDecimal> summed = new java.util.HashMap<>();
		for (Map<String, Object> town : towns) {
			DashboardOracle.flatten(town).forEach((path, value) -> summed.merge(path, value, BigDecimal::add));
		}
		// distinct counts (cadres, cadre-weeks) need not add up: a cadre may visit in two
		// towns
		summed.keySet().removeIf((path) -> path.startsWith("visits.cadre"));
		county.keySet().removeIf((path) -> path.startsWith("visits.cadre"));
		assertThat(DashboardOracle.normalized(summed)).isEqualTo(county);
	}

	@Test
	void targetsComeFromConfigurationPerYear() {
		this.admin.documentName("dashboard")
			.fragmentName("allFigures")
			.variable("period", Map.of("year", 2023))
			.execute()
			.path("dashboard.targets.monitoringLine")
			.entity(Double.class)
			.isEqualTo(7500.0)
			.path("dashboard.targets.certificationRate")
			.entity(Double.class)
			.isEqualTo(0.40)
			.path("dashboard.targets.certificationMilestones[*].due")
			.entityList(String.class)
			.containsExactly("2023-09-30", "2023-11-30");
	}

}
