package cn.county.platform.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The basic-needs figures after writes to the departments' records (issue 16): the next
 * summary, read through the rollup and the caches, changes with an enrolment, a payment,
 * an inspection and a failed water test, and equals {@link DashboardOracle}'s independent
 * count for the county and for a town.
 */
class BasicNeedsRecordsTests extends AbstractPlatformTests {

	private Map<String, Object> figures(HttpGraphQlTester client, String town) {
		return client.documentName("dashboard")
			.fragmentName("allFigures")
			.variable("period", Map.of("year", LocalDate.now().getYear()))
			.variable("town", town)
			.execute()
			.path("dashboard.figures")
			.entity(Map.class)
			.get();
	}

	private Map<String, BigDecimal> basicNeeds(Map<String, BigDecimal> figures) {
		Map<String, BigDecimal> only = new TreeMap<>();
		DashboardOracle.normalized(figures).forEach((path, value) -> {
			if (path.startsWith("basicNeeds.")) {
				only.put(path, value);
			}
		});
		return only;
	}

	private Map<String, BigDecimal> expected(String town) {
		LocalDate today = LocalDate.now();
		return basicNeeds(DashboardOracle.compute(this.jdbc, town, LocalDate.of(today.getYear(), 1, 1),
				LocalDate.of(today.getYear(), 12, 31), today));
	}

	private static BigDecimal value(Map<String, BigDecimal> figures, String path) {
		return figures.getOrDefault(path, BigDecimal.ZERO);
	}

	@Test
	void theNextSummaryCountsTheNewRecordsAndEqualsAnIndependentCount() {
		Map<String, BigDecimal> county = basicNeeds(DashboardOracle.flatten(figures(this.admin, null)));
		Map<String, BigDecimal> town = basicNeeds(DashboardOracle.flatten(figures(this.admin, Fixtures.TOWN)));
		assertThat(county).isEqualTo(expected(null));
		assertThat(town).isEqualTo(expected(Fixtures.TOWN));

		long household = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE).id();
		long neighbour = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE).id();
		// the creations alone change the totals; read the summary they give first
		county = basicNeeds(DashboardOracle.flatten(figures(this.admin, null)));
		LocalDate start = LocalDate.now().withDayOfMonth(1);
		long enrolment = this.admin
			.document(
					"mutation($i: EnrolAssistanceInput!) { enrolAssistance(input: $i) { assistanceEnrolment { id } } }")
			.variable("i",
					Map.of("householdId", household, "kind", "MINIMUM_ALLOWANCE", "startDate", start.toString(),
							"monthlyAmount", 512))
			.execute()
			.path("enrolAssistance.assistanceEnrolment.id")
			.entity(Long.class)
			.get();
		this.admin
			.document("mutation($i: RecordAssistancePaymentsInput!) { recordAssistancePayments(input: $i) {"
					+ " assistanceEnrolment { id } } }")
			.variable("i", Map.of("id", enrolment, "months", List.of(YearMonth.from(start).toString())))
			.execute()
			.errors()
			.verify();
		this.admin
			.document("mutation($i: RecordHousingInspectionInput!) { recordHousingInspection(input: $i) {"
					+ " housingInspection { id } } }")
			.variable("i",
					Map.of("householdId", household, "inspectedOn", LocalDate.now().toString(), "inspector", "鉴定员",
							"grade", "D"))
			.execute()
			.errors()
			.verify();
		long point = this.admin
			.document("mutation($i: RegisterWaterSupplyPointInput!) { registerWaterSupplyPoint(input: $i) {"
					+ " waterSupplyPoint { id } } }")
			.variable("i", Map.of("villageCode", Fixtures.VILLAGE, "name", "水井", "kind", "WELL", "populationServed", 8))
			.execute()
			.path("registerWaterSupplyPoint.waterSupplyPoint.id")
			.entity(Long.class)
			.get();
		this.admin
			.document("mutation($i: LinkHouseholdsToWaterPointInput!) { linkHouseholdsToWaterPoint(input: $i) {"
					+ " waterSupplyPoint { id } } }")
			.variable("i", Map.of("pointId", point, "householdIds", List.of(household, neighbour)))
			.execute()
			.errors()
			.verify();
		this.admin
			.document("mutation($i: RecordWaterCheckInput!) { recordWaterCheck(input: $i) { waterCheck { id } } }")
			.variable("i",
					Map.of("pointId", point, "kind", "QUALITY_TEST", "checkedOn", LocalDate.now().toString(), "passed",
							false))
			.execute()
			.errors()
			.verify();

		Map<String, BigDecimal> after = basicNeeds(DashboardOracle.flatten(figures(this.admin, null)));
		assertThat(value(after, "basicNeeds.assistanceByKind.MINIMUM_ALLOWANCE"))
			.isEqualByComparingTo(value(county, "basicNeeds.assistanceByKind.MINIMUM_ALLOWANCE").add(BigDecimal.ONE));
		assertThat(value(after, "basicNeeds.assistancePaidByKind.MINIMUM_ALLOWANCE.amount")).isEqualByComparingTo(
				value(county, "basicNeeds.assistancePaidByKind.MINIMUM_ALLOWANCE.amount").add(new BigDecimal(512)));
		assertThat(value(after, "basicNeeds.housingByGrade.D"))
			.isEqualByComparingTo(value(county, "basicNeeds.housingByGrade.D").add(BigDecimal.ONE));
		assertThat(value(after, "basicNeeds.waterUnsafe"))
			.isEqualByComparingTo(value(county, "basicNeeds.waterUnsafe").add(BigDecimal.valueOf(2)));
		assertThat(after).isEqualTo(expected(null));
		assertThat(basicNeeds(DashboardOracle.flatten(figures(this.admin, Fixtures.TOWN))))
			.isEqualTo(expected(Fixtures.TOWN));
		assertThat(basicNeeds(DashboardOracle.flatten(figures(this.clients.townOfficial(), null))))
			.isEqualTo(expected(Fixtures.TOWN));
	}

}
