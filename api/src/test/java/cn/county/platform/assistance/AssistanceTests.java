package cn.county.platform.assistance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.DepartmentOfficers;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.county.platform.support.Refusals.assertForbidden;
import static cn.county.platform.support.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Social-assistance enrolments with real tokens: the household's allowance flags follow
 * its running enrolments, payments are months of an enrolment, every refusal names its
 * field, and only the county, town officials in their town and CIVIL_AFFAIRS write.
 */
class AssistanceTests extends AbstractPlatformTests {

	static final String ENROL = "mutation($i: EnrolAssistanceInput!) { enrolAssistance(input: $i) {"
			+ " assistanceEnrolment { id version kind endDate paidTotal paymentMonths recordedBy } } }";

	static final String END = "mutation($i: EndAssistanceEnrolmentInput!) { endAssistanceEnrolment(input: $i) {"
			+ " assistanceEnrolment { id version endDate } } }";

	static final String PAY = "mutation($i: RecordAssistancePaymentsInput!) { recordAssistancePayments(input: $i) {"
			+ " assistanceEnrolment { id version paidTotal paymentMonths } } }";

	static final String[] TABLES = { "assistance_enrolment", "assistance_payment", "household" };

	long inFirstTown;

	long inOtherTown;

	@BeforeEach
	void setUp() {
		this.inFirstTown = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE).id();
		this.inOtherTown = Fixtures.createHousehold(this.admin, Fixtures.OTHER_TOWN_VILLAGE).id();
	}

	static Map<String, Object> monthly(long householdId, String kind, LocalDate start) {
		Map<String, Object> input = new HashMap<>();
		input.put("householdId", householdId);
		input.put("kind", kind);
		input.put("startDate", start.toString());
		input.put("monthlyAmount", 450);
		return input;
	}

	static GraphQlTester.Response run(HttpGraphQlTester caller, String document, Map<String, Object> input) {
		return caller.document(document).variable("i", input).execute();
	}

	static long enrolled(HttpGraphQlTester caller, Map<String, Object> input) {
		GraphQlTester.Response response = run(caller, ENROL, input);
		response.errors().verify();
		return response.path("enrolAssistance.assistanceEnrolment.id").entity(Long.class).get();
	}

	private Map<String, Object> flags(long householdId) {
		return this.jdbc.queryForMap("SELECT minimum_allowance, extreme_poverty, version FROM household WHERE id = ?",
				householdId);
	}

	@Test
	void theHouseholdsFlagsFollowItsRunningEnrolments() {
		HttpGraphQlTester officer = this.clients.as(DepartmentOfficers.of("CIVIL_AFFAIRS"));
		int version = ((Number) flags(this.inOtherTown).get("version")).intValue();
		long allowance = enrolled(officer,
				monthly(this.inOtherTown, "MINIMUM_ALLOWANCE", LocalDate.now().minusMonths(3)));
		assertThat(flags(this.inOtherTown)).containsEntry("minimum_allowance", true)
			.containsEntry("extreme_poverty", false);
		assertThat(((Number) flags(this.inOtherTown).get("version")).intValue()).isGreaterThan(version);
		enrolled(officer, monthly(this.inOtherTown, "EXTREME_POVERTY_SUPPORT", LocalDate.now().minusMonths(1)));
		assertThat(flags(this.inOtherTown)).containsEntry("extreme_poverty", true);
		// an older, ended enrolment leaves the flags to the running one
		Map<String, Object> ended = monthly(this.inOtherTown, "MINIMUM_ALLOWANCE", LocalDate.now().minusYears(3));
		ended.put("endDate", LocalDate.now().minusYears(2).toString());
		enrolled(officer, ended);
		assertThat(flags(this.inOtherTown)).containsEntry("minimum_allowance", true);
		run(officer, END, Map.of("id", allowance, "endDate", LocalDate.now().toString())).errors().verify();
		assertThat(flags(this.inOtherTown)).containsEntry("minimum_allowance", true);
		// ended yesterday would have been right too; ended today it still ran today
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_log WHERE entity_type = 'AssistanceEnrolment'" + " AND entity_id = ?",
				Long.class, allowance))
			.isEqualTo(2);
		long second = enrolled(officer, monthly(this.inFirstTown, "MINIMUM_ALLOWANCE", LocalDate.now().minusMonths(2)));
		assertThat(flags(this.inFirstTown)).containsEntry("minimum_allowance", true);
		run(officer, END, Map.of("id", second, "endDate", LocalDate.now().minusDays(1).toString())).errors().verify();
		assertThat(flags(this.inFirstTown)).containsEntry("minimum_allowance", false);
	}

	@Test
	void paymentsAreMonthsOfTheEnrolmentAndReliefIsPaidOnce() {
		LocalDate start = LocalDate.now().minusMonths(2);
		long id = enrolled(this.admin, monthly(this.inFirstTown, "MINIMUM_ALLOWANCE", start));
		List<String> months = List.of(YearMonth.from(start).toString(), YearMonth.from(start).plusMonths(1).toString());
		GraphQlTester.Response paid = run(this.admin, PAY, Map.of("id", id, "version", 0, "months", months));
		paid.errors().verify();
		paid.path("recordAssistancePayments.assistanceEnrolment.paymentMonths")
			.entityList(String.class)
			.containsExactly(months.toArray(new String[0]))
			.path("recordAssistancePayments.assistanceEnrolment.paidTotal")
			.entity(Double.class)
			.isEqualTo(900.0);
		assertRefused(this.jdbc, () -> run(this.admin, PAY, Map.of("id", id, "months", List.of(months.get(0)))),
				"input.months[0]", "CONFLICT", TABLES);
		assertRefused(this.jdbc,
				() -> run(this.admin, PAY,
						Map.of("id", id, "months", List.of(YearMonth.from(start).minusMonths(1).toString()))),
				"input.months[0]", "BAD_REQUEST", TABLES);
		assertRefused(this.jdbc, () -> run(this.admin, PAY, Map.of("id", id, "months", List.of("2023-13"))),
				"input.months[0]", "BAD_REQUEST", TABLES);
		assertRefused(this.jdbc,
				() -> run(this.admin, PAY,
						Map.of("id", id, "version", 0, "months", List.of(YearMonth.now().toString()))),
				null, "CONFLICT", TABLES);
		// ending before a paid month is refused
		assertRefused(this.jdbc, () -> run(this.admin, END, Map.of("id", id, "endDate", start.minusDays(1).toString())),
				"input.endDate", "BAD_REQUEST", TABLES);
		Map<String, Object> relief = new HashMap<>();
		relief.put("householdId", this.inFirstTown);
		relief.put("kind", "TEMPORARY_RELIEF");
		relief.put("startDate", LocalDate.now().minusDays(3).toString());
		relief.put("oneOffAmount", 2000);
		relief.put("reason", "火灾");
		GraphQlTester.Response granted = run(this.admin, ENROL, relief);
		granted.errors().verify();
		granted.path("enrolAssistance.assistanceEnrolment.paymentMonths")
			.entityList(String.class)
			.containsExactly(YearMonth.from(LocalDate.now().minusDays(3)).toString());
		long reliefId = granted.path("enrolAssistance.assistanceEnrolment.id").entity(Long.class).get();
		assertRefused(this.jdbc,
				() -> run(this.admin, PAY, Map.of("id", reliefId, "months", List.of(YearMonth.now().toString()))),
				"input.months", "CONFLICT", TABLES);
	}

	@Test
	void aRetriedEnrolmentWithItsIdempotencyKeyEnrolsOnce() {
		HttpGraphQlTester keyed = this.admin.mutate().header("Idempotency-Key", "enrol-" + this.inFirstTown).build();
		Map<String, Object> input = monthly(this.inFirstTown, "EXTREME_POVERTY_SUPPORT", LocalDate.now().minusDays(4));
		long first = enrolled(keyed, input);
		long again = enrolled(keyed, input);
		assertThat(again).isEqualTo(first);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM assistance_enrolment WHERE household_id = ?",
				Long.class, this.inFirstTown))
			.isOne();
	}

	@Test
	void invalidEnrolmentsAreRefusedNamingTheField() {
		Map<String, Object> noAmount = monthly(this.inFirstTown, "MINIMUM_ALLOWANCE", LocalDate.now());
		noAmount.remove("monthlyAmount");
		assertRefused(this.jdbc, () -> run(this.admin, ENROL, noAmount), "input.monthlyAmount", "BAD_REQUEST", TABLES);
		Map<String, Object> reliefMonthly = monthly(this.inFirstTown, "TEMPORARY_RELIEF", LocalDate.now());
		assertRefused(this.jdbc, () -> run(this.admin, ENROL, reliefMonthly), "input.monthlyAmount", "BAD_REQUEST",
				TABLES);
		assertRefused(this.jdbc,
				() -> run(this.admin, ENROL,
						monthly(this.inFirstTown, "MINIMUM_ALLOWANCE", LocalDate.now().plusDays(2))),
				"input.startDate", "BAD_REQUEST", TABLES);
		Map<String, Object> backwards = monthly(this.inFirstTown, "MINIMUM_ALLOWANCE", LocalDate.now().minusDays(5));
		backwards.put("endDate", LocalDate.now().minusDays(9).toString());
		assertRefused(this.jdbc, () -> run(this.admin, ENROL, backwards), "input.endDate", "BAD_REQUEST", TABLES);
		enrolled(this.admin, monthly(this.inFirstTown, "MINIMUM_ALLOWANCE", LocalDate.now().minusMonths(5)));
		assertRefused(this.jdbc,
				() -> run(this.admin, ENROL,
						monthly(this.inFirstTown, "MINIMUM_ALLOWANCE", LocalDate.now().minusMonths(1))),
				"input.startDate", "CONFLICT", TABLES);
		// the flags now follow the enrolments: a direct value is refused naming the field
		assertRefused(this.jdbc,
				() -> this.admin
					.document("mutation($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { household { id } } }")
					.variable("i", Map.of("id", this.inFirstTown, "minimumAllowance", false))
					.execute(),
				"input.minimumAllowance", "CONFLICT", TABLES);
	}

	@Test
	void theCountyTownOfficialsInTheirTownAndCivilAffairsWriteNobodyElse() {
		HttpGraphQlTester official = this.clients.townOfficial();
		enrolled(official, monthly(this.inFirstTown, "MINIMUM_ALLOWANCE", LocalDate.now().minusMonths(1)));
		assertRefused(this.jdbc,
				() -> run(official, ENROL,
						monthly(this.inOtherTown, "MINIMUM_ALLOWANCE", LocalDate.now().minusMonths(1))),
				"input.householdId", "FORBIDDEN", TABLES);
		long other = enrolled(this.clients.as(DepartmentOfficers.of("CIVIL_AFFAIRS")),
				monthly(this.inOtherTown, "MINIMUM_ALLOWANCE", LocalDate.now().minusMonths(1)));
		assertRefused(this.jdbc, () -> run(official, END, Map.of("id", other, "endDate", LocalDate.now().toString())),
				"input.id", "FORBIDDEN", TABLES);
		for (HttpGraphQlTester refused : List.of(this.clients.villageCadre(), this.clients.hrssOfficer(),
				this.clients.as(DepartmentOfficers.of("HOUSING")), this.clients.dashboardViewer())) {
			assertForbidden(this.jdbc,
					() -> run(refused, ENROL,
							monthly(this.inFirstTown, "EXTREME_POVERTY_SUPPORT", LocalDate.now().minusMonths(1))),
					TABLES);
			assertForbidden(this.jdbc,
					() -> run(refused, END, Map.of("id", other, "endDate", LocalDate.now().toString())), TABLES);
		}
	}

}
