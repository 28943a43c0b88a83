package cn.county.platform.measure;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static cn.county.platform.measure.MeasureFixtures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class VisitMutationTests extends AbstractPlatformTests {

	/** "Today" as the API reckons it, in the county's zone. */
	private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	long household;

	@BeforeEach
	void setUp() {
		this.household = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE).id();
	}

	@Test
	void aVisitNeedsOnlyTheHouseholdAndIsByTheCallerToday() {
		LocalDate before = LocalDate.now(COUNTY);
		GraphQlTester.Response response = record(Map.of("householdId", this.household));
		response.errors().verify();
		response.path("recordVisit.visit.householdId").entity(Long.class).isEqualTo(this.household);
		response.path("recordVisit.visit.cadre").entity(String.class).isEqualTo("county.admin");
		response.path("recordVisit.visit.recordedBy").entity(String.class).isEqualTo("county.admin");
		response.path("recordVisit.visit.notes").valueIsNull();
		LocalDate visitedOn = LocalDate.parse(response.path("recordVisit.visit.visitedOn").entity(String.class).get());
		assertThat(visitedOn).isBetween(before, LocalDate.now(COUNTY));
	}

	@Test
	void aVisitForAnotherCadreKeepsTheCallerAsRecorder() {
		GraphQlTester.Response response = record(Map.of("householdId", this.household, "visitedOn", "2023-06-06",
				"cadre", " 王建国 ", "notes", "了解务工情况", "followUp", "联系人社所推荐岗位", "followUpOn", "2023-06-13"));
		response.path("recordVisit.visit.cadre").entity(String.class).isEqualTo("王建国");
		response.path("recordVisit.visit.recordedBy").entity(String.class).isEqualTo("county.admin");
		response.path("recordVisit.visit.visitedOn").entity(String.class).isEqualTo("2023-06-06");
		response.path("recordVisit.visit.notes").entity(String.class).isEqualTo("了解务工情况");
		response.path("recordVisit.visit.followUpOn").entity(String.class).isEqualTo("2023-06-13");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM household_visit WHERE household_id = ?"
				+ " AND cadre = '王建国' AND recorded_by = 'county.admin'", Long.class, this.household))
			.isEqualTo(1);
	}

	static Stream<Arguments> invalidVisits() {
		String tomorrow = LocalDate.now(COUNTY).plusDays(1).toString();
		return Stream.of(Arguments.of("a visit tomorrow", "visitedOn", tomorrow, "input.visitedOn"),
				Arguments.of("a follow-up due before the visit", "followUpOn", "2023-06-05", "input.followUpOn"),
				Arguments.of("a blank cadre", "cadre", "  ", "input.cadre"),
				Arguments.of("a cadre of 65 characters", "cadre", "c".repeat(65), "input.cadre"),
				Arguments.of("notes of 2,001 characters", "notes", "访".repeat(2001), "input.notes"),
				Arguments.of("a follow-up of 501 characters", "followUp", "跟".repeat(501), "input.followUp"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidVisits")
	void aVisitBreakingARuleIsRefusedNamingTheFieldAndNothingIsWritten(String why, String field, Object value,
			String reported) {
		Map<String, Object> input = new HashMap<>(Map.of("householdId", this.household, "visitedOn", "2023-06-06"));
		input.put(field, value);
		assertRefused(this.jdbc, () -> record(input), reported, "BAD_REQUEST");
	}

	@Test
	void aVisitToAnUnknownHouseholdIsNotFound() {
		assertRefused(this.jdbc, () -> record(Map.of("householdId", 424242)), "input.householdId", "NOT_FOUND");
	}

	private GraphQlTester.Response record(Map<String, Object> input) {
		return this.admin.documentName("recordVisit").fragmentName("visitFields").variable("input", input).execute();
	}

}
