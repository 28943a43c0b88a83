package cn.county.platform.courtyard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static cn.county.platform.courtyard.CourtyardFixtures.assertRefused;
import static cn.county.platform.courtyard.CourtyardFixtures.changeStatus;
import static cn.county.platform.courtyard.CourtyardFixtures.designate;
import static cn.county.platform.courtyard.CourtyardFixtures.nominate;
import static cn.county.platform.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class CourtyardMutationTests extends AbstractPlatformTests {

	private static final int NEXT_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;

	long household;

	@BeforeEach
	void setUp() {
		this.household = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE).id();
	}

	@Test
	void aNominatedHouseholdIsACandidateWithTheCallerAsNominator() {
		GraphQlTester.Response response = nominate(this.admin, CourtyardFixtures.nomination(this.household));
		response.errors().verify();
		response.path("nominateCourtyardHousehold.courtyardHousehold.status")
			.entity(String.class)
			.isEqualTo("CANDIDATE");
		response.path("nominateCourtyardHousehold.courtyardHousehold.year").entity(Integer.class).isEqualTo(2023);
		response.path("nominateCourtyardHousehold.courtyardHousehold.area").entity(Double.class).isEqualTo(120.5);
		response.path("nominateCourtyardHousehold.courtyardHousehold.nominatedBy")
			.entity(String.class)
			.isEqualTo("county.admin");
		response.path("nominateCourtyardHousehold.courtyardHousehold.decidedBy").valueIsNull();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM courtyard_household WHERE household_id = ?",
				Long.class, this.household))
			.isEqualTo(1);
	}

	static Stream<Arguments> invalidNominations() {
		return Stream.of(Arguments.of("a zero area", "area", 0, "input.area"),
				Arguments.of("a negative area", "area", -12.5, "input.area"),
				Arguments.of("an area in thousandths", "area", 10.125, "input.area"),
				Arguments.of("a negative income", "income", -1, "input.income"),
				Arguments.of("an income in fen fractions", "income", 0.001, "input.income"),
				Arguments.of("a year before 2000", "year", 1999, "input.year"),
				Arguments.of("a year after next year", "year", NEXT_YEAR + 1, "input.year"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidNominations")
	void aNominationBreakingARuleIsRefusedNamingTheFieldAndNothingIsWritten(String why, String field, Object value,
			String reported) {
		Map<String, Object> input = with(CourtyardFixtures.nomination(this.household), field, value);
		assertRefused(this.jdbc, () -> nominate(this.admin, input), reported, "BAD_REQUEST");
	}

	@Test
	void aZeroIncomeAndNextYearAreAllowed() {
		nominate(this.admin, with(with(CourtyardFixtures.nomination(this.household), "income", 0), "year", NEXT_YEAR))
			.errors()
			.verify();
	}

	@Test
	void aNominationForAnUnknownHouseholdIsNotFound() {
		assertRefused(this.jdbc, () -> nominate(this.admin, CourtyardFixtures.nomination(424242)), "input.householdId",
				"NOT_FOUND");
	}

	@Test
	void aSecondRecordForTheSameHouseholdAndYearIsAConflictEvenWhenTheFirstWasRevoked() {
		long first = CourtyardFixtures.nominated(this.admin, CourtyardFixtures.nomination(this.household));
		Map<String, Object> again = with(CourtyardFixtures.nomination(this.household), "category", "HANDICRAFT");
		assertRefused(this.jdbc, () -> nominate(this.admin, again), "input.year", "CONFLICT");
		changeStatus(this.admin, first, "REVOKED").errors().verify();
		assertRefused(this.jdbc, () -> nominate(this.admin, again), "input.year", "CONFLICT");
		// another year is another record
		CourtyardFixtures.nominated(this.admin, with(again, "year", 2022));
	}

	@Test
	void aCandidateIsApprovedThenRevokedAndEachDecisionIsRecorded() {
		long id = CourtyardFixtures.nominated(this.admin, CourtyardFixtures.nomination(this.household));
		GraphQlTester.Response approved = changeStatus(this.admin, id, "APPROVED");
		approved.path("changeCourtyardStatus.courtyardHousehold.status").entity(String.class).isEqualTo("APPROVED");
		approved.path("changeCourtyardStatus.courtyardHousehold.decidedBy")
			.entity(String.class)
			.isEqualTo("county.admin");
		approved.path("changeCourtyardStatus.courtyardHousehold.decidedOn").hasValue();
		changeStatus(this.admin, id, "REVOKED").path("changeCourtyardStatus.courtyardHousehold.version")
			.entity(Integer.class)
			.isEqualTo(2);
	}

	@Test
	void decisionsAreAuditedWithTheStateBeforeAndAfter() {
		long id = CourtyardFixtures.nominated(this.admin, CourtyardFixtures.nomination(this.household));
		changeStatus(this.admin, id, "APPROVED").errors().verify();
		assertThat(this.jdbc.queryForList("SELECT operation FROM audit_log WHERE entity_type = 'CourtyardHousehold'"
				+ " AND entity_id = ? ORDER BY occurred_at, id", String.class, id))
			.containsExactly("nominateCourtyardHousehold", "changeCourtyardStatus");
		assertThat(this.jdbc.queryForObject(
				"SELECT after_state FROM audit_log WHERE entity_id = ?" + " AND operation = 'changeCourtyardStatus'",
				String.class, id))
			.contains("\"status\":\"APPROVED\"", "\"decidedBy\":\"county.admin\"");
	}

	@Test
	void aCandidateCanBeRevokedWithoutApproval() {
		long id = CourtyardFixtures.nominated(this.admin, CourtyardFixtures.nomination(this.household));
		changeStatus(this.admin, id, "REVOKED").path("changeCourtyardStatus.courtyardHousehold.status")
			.entity(String.class)
			.isEqualTo("REVOKED");
	}

	/** Each illegal move, from a record brought to {@code from} by legal moves. */
	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "CANDIDATE,CANDIDATE", "APPROVED,CANDIDATE", "APPROVED,APPROVED", "REVOKED,CANDIDATE",
			"REVOKED,APPROVED", "REVOKED,REVOKED" })
	void anyOtherStatusChangeIsAConflictNamingTheStatusAndNothingIsWritten(String from, String to) {
		long id = CourtyardFixtures.nominated(this.admin, CourtyardFixtures.nomination(this.household));
		if (!from.equals("CANDIDATE")) {
			changeStatus(this.admin, id, from).errors().verify();
		}
		assertRefused(this.jdbc, () -> changeStatus(this.admin, id, to), "input.status", "CONFLICT");
		assertThat(this.jdbc.queryForObject("SELECT status FROM courtyard_household WHERE id = ?", String.class, id))
			.isEqualTo(from);
	}

	@Test
	void updatesChangeOnlyTheGivenFieldsAndRefuseBadValues() {
		long id = CourtyardFixtures.nominated(this.admin, CourtyardFixtures.nomination(this.household));
		GraphQlTester.Response updated = this.admin.documentName("updateCourtyardHousehold")
			.fragmentName("courtyardFields")
			.variable("input", Map.of("id", id, "version", 0, "income", 9100))
			.execute();
		updated.path("updateCourtyardHousehold.courtyardHousehold.income").entity(Double.class).isEqualTo(9100.0);
		updated.path("updateCourtyardHousehold.courtyardHousehold.area").entity(Double.class).isEqualTo(120.5);
		updated.path("updateCourtyardHousehold.courtyardHousehold.version").entity(Integer.class).isEqualTo(1);
		assertRefused(this.jdbc, () -> update(Map.of("id", id, "area", 0)), "input.area", "BAD_REQUEST");
		assertRefused(this.jdbc, () -> update(Map.of("id", id, "income", -5)), "input.income", "BAD_REQUEST");
		assertRefused(this.jdbc, () -> update(Map.of("id", id, "version", 0, "income", 1)), "input.version",
				"CONFLICT");
		assertRefused(this.jdbc, () -> update(Map.of("id", 424242, "income", 1)), "input.id", "NOT_FOUND");
	}

	@Test
	void aTownHasAtMostOneDemonstrationVillageAYear() {
		int year = CourtyardFixtures.freeYears(this.jdbc);
		GraphQlTester.Response first = designate(this.admin, Fixtures.TOWN, Fixtures.VILLAGE, year);
		first.errors().verify();
		first.path("designateDemonstrationVillage.demonstrationVillage.village.code")
			.entity(String.class)
			.isEqualTo(Fixtures.VILLAGE);
		first.path("designateDemonstrationVillage.demonstrationVillage.designatedBy")
			.entity(String.class)
			.isEqualTo("county.admin");
		assertRefused(this.jdbc, () -> designate(this.admin, Fixtures.TOWN, CourtyardFixtures.NEIGHBOUR_VILLAGE, year),
				"input.townCode", "CONFLICT");
		assertRefused(this.jdbc, () -> designate(this.admin, Fixtures.TOWN, Fixtures.VILLAGE, year), "input.townCode",
				"CONFLICT");
		// another year, or another town the same year, is another designation
		designate(this.admin, Fixtures.TOWN, CourtyardFixtures.NEIGHBOUR_VILLAGE, year + 1).errors().verify();
		designate(this.admin, Fixtures.OTHER_TOWN, Fixtures.OTHER_TOWN_VILLAGE, year).errors().verify();
		assertThat(this.jdbc.queryForList(
				"SELECT village_code FROM demonstration_village WHERE year = ?" + " ORDER BY town_code", String.class,
				year))
			.containsExactly(Fixtures.VILLAGE, Fixtures.OTHER_TOWN_VILLAGE);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_log WHERE entity_type = 'DemonstrationVillage'" + " AND after_state LIKE ?",
				Long.class, "%\"year\":" + year + "%"))
			.isEqualTo(2);
	}

	@Test
	void aDemonstrationVillageMustBeAVillageOfTheTown() {
		int year = CourtyardFixtures.freeYears(this.jdbc);
		assertRefused(this.jdbc, () -> designate(this.admin, Fixtures.TOWN, Fixtures.OTHER_TOWN_VILLAGE, year),
				"input.villageCode", "BAD_REQUEST");
		assertRefused(this.jdbc, () -> designate(this.admin, Fixtures.TOWN, "411024100999", year), "input.villageCode",
				"BAD_REQUEST");
		assertRefused(this.jdbc, () -> designate(this.admin, "411024999", Fixtures.VILLAGE, year), "input.townCode",
				"BAD_REQUEST");
		assertRefused(this.jdbc, () -> designate(this.admin, Fixtures.TOWN, Fixtures.VILLAGE, 1999), "input.year",
				"BAD_REQUEST");
	}

	private GraphQlTester.Response update(Map<String, Object> input) {
		return this.admin.documentName("updateCourtyardHousehold")
			.fragmentName("courtyardFields")
			.variable("input", input)
			.execute();
	}

}
