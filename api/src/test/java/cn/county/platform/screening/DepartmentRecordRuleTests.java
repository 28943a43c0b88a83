package cn.county.platform.screening;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two data-quality rules of issue 16 on planted faults, each next to the near misses
 * it must leave alone: a running minimum allowance with an income far above the line
 * (twice the line by default), and a latest inspection graded D past 90 days with no
 * renovation open or completed since. Each finding names its record.
 */
class DepartmentRecordRuleTests extends AbstractPlatformTests {

	private long household(double income) {
		Map<String, Object> input = Fixtures.household();
		input.put("incomePerCapita", income);
		input.put("incomeYear", 2023);
		return Fixtures.createHousehold(this.admin, input).id();
	}

	private long enrol(long household, LocalDate start, LocalDate end) {
		Map<String, Object> input = new HashMap<>();
		input.put("householdId", household);
		input.put("kind", "MINIMUM_ALLOWANCE");
		input.put("startDate", start.toString());
		input.put("monthlyAmount", 400);
		if (end != null) {
			input.put("endDate", end.toString());
		}
		return this.admin
			.document(
					"mutation($i: EnrolAssistanceInput!) { enrolAssistance(input: $i) { assistanceEnrolment { id } } }")
			.variable("i", input)
			.execute()
			.path("enrolAssistance.assistanceEnrolment.id")
			.entity(Long.class)
			.get();
	}

	private long inspect(long household, String grade, LocalDate on) {
		return this.admin
			.document("mutation($i: RecordHousingInspectionInput!) { recordHousingInspection(input: $i) {"
					+ " housingInspection { id } } }")
			.variable("i",
					Map.of("householdId", household, "grade", grade, "inspectedOn", on.toString(), "inspector", "鉴定员"))
			.execute()
			.path("recordHousingInspection.housingInspection.id")
			.entity(Long.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> findings(long household, String rule) {
		return this.admin
			.document("query($h: ID!, $r: DataQualityRule) { dataQualityFindings(householdId: $h, rule: $r) {"
					+ " edges { node { rule householdId assistanceEnrolmentId housingInspectionId detail } } } }")
			.variable("h", household)
			.variable("r", rule)
			.execute()
			.path("dataQualityFindings.edges[*].node")
			.entityList(Map.class)
			.get()
			.stream()
			.map((m) -> (Map<String, Object>) m)
			.toList();
	}

	@Test
	void aRunningAllowanceWithAnIncomeFarAboveTheLineIsAFindingNamingTheEnrolment() {
		String rule = "MINIMUM_ALLOWANCE_INCOME_FAR_ABOVE_LINE";
		long rich = household(30000);
		long enrolment = enrol(rich, LocalDate.now().minusMonths(6), null);
		List<Map<String, Object>> found = findings(rich, rule);
		assertThat(found).singleElement().satisfies((finding) -> {
			assertThat(finding).containsEntry("assistanceEnrolmentId", Long.toString(enrolment))
				.containsEntry("housingInspectionId", null);
			assertThat(finding.get("detail").toString()).contains("30,000.00").contains("7,500");
		});
		// under twice the line: not far above it
		long modest = household(14000);
		enrol(modest, LocalDate.now().minusMonths(6), null);
		assertThat(findings(modest, rule)).isEmpty();
		// an allowance that has ended is no finding
		long ended = household(30000);
		enrol(ended, LocalDate.now().minusYears(2), LocalDate.now().minusYears(1));
		assertThat(findings(ended, rule)).isEmpty();
	}

	@Test
	void aDHouseWithoutRenovationAfterNinetyDaysIsAFindingNamingTheInspection() {
		String rule = "D_HOUSE_WITHOUT_RENOVATION";
		long waiting = household(9000);
		long inspection = inspect(waiting, "D", LocalDate.now().minusDays(100));
		assertThat(findings(waiting, rule)).singleElement()
			.satisfies((finding) -> assertThat(finding).containsEntry("housingInspectionId", Long.toString(inspection))
				.containsEntry("assistanceEnrolmentId", null));
		long project = this.admin
			.document("mutation($i: PlanRenovationInput!) { planRenovation(input: $i) { renovationProject { id } } }")
			.variable("i",
					Map.of("householdId", waiting, "priorityGroup", "OTHER_ALLEVIATED", "description", "翻建",
							"plannedOn", LocalDate.now().toString()))
			.execute()
			.path("planRenovation.renovationProject.id")
			.entity(Long.class)
			.get();
		assertThat(findings(waiting, rule)).as("an open project deals with it").isEmpty();
		this.admin
			.document("mutation($i: ChangeRenovationStatusInput!) { changeRenovationStatus(input: $i) {"
					+ " renovationProject { id } } }")
			.variable("i", Map.of("id", project, "status", "CANCELLED"))
			.execute()
			.errors()
			.verify();
		assertThat(findings(waiting, rule)).as("a cancelled one does not").hasSize(1);
		// within its 90 days
		long recent = household(9000);
		inspect(recent, "D", LocalDate.now().minusDays(30));
		assertThat(findings(recent, rule)).isEmpty();
		// graded D once, but a newer inspection grades it B
		long regraded = household(9000);
		inspect(regraded, "D", LocalDate.now().minusDays(200));
		inspect(regraded, "B", LocalDate.now().minusDays(10));
		assertThat(findings(regraded, rule)).isEmpty();
	}

}
