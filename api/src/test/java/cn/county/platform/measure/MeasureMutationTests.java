package cn.county.platform.measure;

import java.util.List;
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

import static cn.county.platform.measure.MeasureFixtures.assertRefused;
import static cn.county.platform.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class MeasureMutationTests extends AbstractPlatformTests {

	long household;

	@BeforeEach
	void setUp() {
		this.household = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE).id();
	}

	@Test
	void countyAdminRecordsAMeasureAndIsItsRecorder() {
		GraphQlTester.Response response = this.admin.documentName("recordMeasure")
			.fragmentName("measureFields")
			.variable("input", MeasureFixtures.measure(this.household))
			.execute();
		response.errors().verify();
		response.path("recordMeasure.measure.householdId").entity(Long.class).isEqualTo(this.household);
		response.path("recordMeasure.measure.category").entity(String.class).isEqualTo("PUBLIC_WELFARE_POST");
		response.path("recordMeasure.measure.status").entity(String.class).isEqualTo("IN_PROGRESS");
		response.path("recordMeasure.measure.amount").entity(Double.class).isEqualTo(6000.0);
		response.path("recordMeasure.measure.recordedBy").entity(String.class).isEqualTo("county.admin");
		response.path("recordMeasure.measure.version").entity(Integer.class).isEqualTo(0);
		long id = response.path("recordMeasure.measure.id").entity(Long.class).get();
		assertThat(this.jdbc.queryForMap(
				"SELECT household_id, status, recorded_by, end_date FROM assistance_measure" + " WHERE id = ?", id))
			.containsEntry("household_id", this.household)
			.containsEntry("status", "IN_PROGRESS")
			.containsEntry("recorded_by", "county.admin")
			.containsEntry("end_date", java.sql.Date.valueOf("2023-12-31"));
	}

	@Test
	void aMeasureIsPlannedUnlessToldOtherwiseAndNeedsNeitherEndNorAmount() {
		Map<String, Object> input = with(
				with(with(MeasureFixtures.measure(this.household), "status", null), "endDate", null), "amount", null);
		GraphQlTester.Response response = this.admin.documentName("recordMeasure")
			.fragmentName("measureFields")
			.variable("input", input)
			.execute();
		response.path("recordMeasure.measure.status").entity(String.class).isEqualTo("PLANNED");
		response.path("recordMeasure.measure.endDate").valueIsNull();
		response.path("recordMeasure.measure.amount").valueIsNull();
	}

	static Stream<Arguments> invalidMeasures() {
		return Stream.of(Arguments.of("an end before the start", "endDate", "2023-02-28", "input.endDate"),
				Arguments.of("a negative amount", "amount", -0.01, "input.amount"),
				Arguments.of("an amount in fen fractions", "amount", 10.005, "input.amount"),
				Arguments.of("a blank description", "description", "   ", "input.description"),
				Arguments.of("a description of 501 characters", "description", "帮".repeat(501), "input.description"),
				Arguments.of("a blank department", "responsibleDepartment", "", "input.responsibleDepartment"),
				Arguments.of("a department of 65 characters", "responsibleDepartment", "局".repeat(65),
						"input.responsibleDepartment"),
				Arguments.of("recorded as COMPLETED", "status", "COMPLETED", "input.status"),
				Arguments.of("recorded as CANCELLED", "status", "CANCELLED", "input.status"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidMeasures")
	void aMeasureBreakingARuleIsRefusedNamingTheFieldAndNothingIsWritten(String why, String field, Object value,
			String reported) {
		Map<String, Object> input = with(MeasureFixtures.measure(this.household), field, value);
		assertRefused(this.jdbc,
				() -> this.admin.documentName("recordMeasure")
					.fragmentName("measureFields")
					.variable("input", input)
					.execute(),
				reported, "BAD_REQUEST");
	}

	@Test
	void aMeasureForAnUnknownHouseholdIsNotFound() {
		assertRefused(this.jdbc,
				() -> this.admin.documentName("recordMeasure")
					.fragmentName("measureFields")
					.variable("input", MeasureFixtures.measure(424242))
					.execute(),
				"input.householdId", "NOT_FOUND");
	}

	@Test
	void updatesChangeOnlyTheGivenFieldsAndBumpTheVersion() {
		long id = MeasureFixtures.recordMeasure(this.admin, MeasureFixtures.measure(this.household));
		GraphQlTester.Response response = this.admin.documentName("updateMeasure")
			.fragmentName("measureFields")
			.variable("input", Map.of("id", id, "version", 0, "amount", 7200, "description", " 安排村级公益性岗位（护路员） "))
			.execute();
		response.path("updateMeasure.measure.amount").entity(Double.class).isEqualTo(7200.0);
		response.path("updateMeasure.measure.description").entity(String.class).isEqualTo("安排村级公益性岗位（护路员）");
		response.path("updateMeasure.measure.responsibleDepartment").entity(String.class).isEqualTo("县人社局");
		response.path("updateMeasure.measure.status").entity(String.class).isEqualTo("IN_PROGRESS");
		response.path("updateMeasure.measure.version").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void updatesThatBreakARuleAreRefusedAndNothingIsWritten() {
		long id = MeasureFixtures.recordMeasure(this.admin, MeasureFixtures.measure(this.household));
		// the stored start is 2023-03-01 and the stored end 2023-12-31
		assertRefused(this.jdbc, () -> update(Map.of("id", id, "endDate", "2023-01-31")), "input.endDate",
				"BAD_REQUEST");
		assertRefused(this.jdbc, () -> update(Map.of("id", id, "startDate", "2024-01-01")), "input.startDate",
				"BAD_REQUEST");
		assertRefused(this.jdbc, () -> update(Map.of("id", id, "startDate", "2023-06-01", "endDate", "2023-05-01")),
				"input.endDate", "BAD_REQUEST");
		assertRefused(this.jdbc, () -> update(Map.of("id", id, "amount", -1)), "input.amount", "BAD_REQUEST");
		assertRefused(this.jdbc, () -> update(Map.of("id", id, "description", " ")), "input.description",
				"BAD_REQUEST");
		assertRefused(this.jdbc, () -> update(Map.of("id", id, "version", 3, "amount", 1)), "input.version",
				"CONFLICT");
		assertRefused(this.jdbc, () -> update(Map.of("id", 424242, "amount", 1)), "input.id", "NOT_FOUND");
	}

	@Test
	void aMeasureMovesFromPlannedThroughInProgressToCompleted() {
		long id = MeasureFixtures.recordMeasure(this.admin,
				with(MeasureFixtures.measure(this.household), "status", "PLANNED"));
		changeStatus(id, "IN_PROGRESS", null).path("changeMeasureStatus.measure.status")
			.entity(String.class)
			.isEqualTo("IN_PROGRESS");
		GraphQlTester.Response completed = changeStatus(id, "COMPLETED", "2023-11-30");
		completed.path("changeMeasureStatus.measure.status").entity(String.class).isEqualTo("COMPLETED");
		completed.path("changeMeasureStatus.measure.endDate").entity(String.class).isEqualTo("2023-11-30");
		completed.path("changeMeasureStatus.measure.version").entity(Integer.class).isEqualTo(2);
	}

	@ParameterizedTest(name = "{0} → CANCELLED")
	@CsvSource({ "PLANNED", "IN_PROGRESS" })
	void anOpenMeasureCanBeCancelled(String from) {
		long id = MeasureFixtures.recordMeasure(this.admin,
				with(MeasureFixtures.measure(this.household), "status", from));
		changeStatus(id, "CANCELLED", null).path("changeMeasureStatus.measure.status")
			.entity(String.class)
			.isEqualTo("CANCELLED");
	}

	/** Each illegal move, from a measure brought to {@code from} by legal moves. */
	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "PLANNED,PLANNED", "PLANNED,COMPLETED", "IN_PROGRESS,IN_PROGRESS", "IN_PROGRESS,PLANNED",
			"COMPLETED,PLANNED", "COMPLETED,IN_PROGRESS", "COMPLETED,CANCELLED", "COMPLETED,COMPLETED",
			"CANCELLED,PLANNED", "CANCELLED,IN_PROGRESS", "CANCELLED,COMPLETED", "CANCELLED,CANCELLED" })
	void anyOtherStatusChangeIsAConflictNamingTheStatusAndNothingIsWritten(String from, String to) {
		String recordedAs = from.equals("PLANNED") ? "PLANNED" : "IN_PROGRESS";
		long id = MeasureFixtures.recordMeasure(this.admin,
				with(MeasureFixtures.measure(this.household), "status", recordedAs));
		if (from.equals("COMPLETED") || from.equals("CANCELLED")) {
			changeStatus(id, from, null).errors().verify();
		}
		assertRefused(this.jdbc, () -> changeStatus(id, to, null), "input.status", "CONFLICT");
		assertThat(this.jdbc.queryForObject("SELECT status FROM assistance_measure WHERE id = ?", String.class, id))
			.isEqualTo(from);
	}

	@Test
	void everyWriteLeavesAnAuditEntryWithTheStateBeforeAndAfter() {
		long id = MeasureFixtures.recordMeasure(this.admin, MeasureFixtures.measure(this.household));
		changeStatus(id, "COMPLETED", null).errors().verify();
		List<Map<String, Object>> entries = this.jdbc.queryForList(
				"SELECT operation, actor, before_state, after_state"
						+ " FROM audit_log WHERE entity_type = 'Measure' AND entity_id = ? ORDER BY occurred_at, id",
				id);
		assertThat(entries).extracting((entry) -> entry.get("operation"))
			.containsExactly("recordMeasure", "changeMeasureStatus");
		assertThat(entries.get(0).get("before_state")).isNull();
		assertThat(entries.get(1)).containsEntry("actor", "county.admin");
		assertThat((String) entries.get(1).get("before_state")).contains("\"status\":\"IN_PROGRESS\"");
		assertThat((String) entries.get(1).get("after_state")).contains("\"status\":\"COMPLETED\"");
	}

	@Test
	void aStatusChangeWithAnEndBeforeTheStartIsRefused() {
		long id = MeasureFixtures.recordMeasure(this.admin, MeasureFixtures.measure(this.household));
		assertRefused(this.jdbc, () -> changeStatus(id, "COMPLETED", "2023-02-01"), "input.endDate", "BAD_REQUEST");
	}

	@Test
	void aStatusChangeWithAStaleVersionIsAConflict() {
		long id = MeasureFixtures.recordMeasure(this.admin, MeasureFixtures.measure(this.household));
		update(Map.of("id", id, "amount", 100)).errors().verify();
		assertRefused(this.jdbc,
				() -> this.admin.documentName("changeMeasureStatus")
					.fragmentName("measureFields")
					.variable("input", Map.of("id", id, "version", 0, "status", "COMPLETED"))
					.execute(),
				"input.version", "CONFLICT");
	}

	private GraphQlTester.Response update(Map<String, Object> input) {
		return this.admin.documentName("updateMeasure")
			.fragmentName("measureFields")
			.variable("input", input)
			.execute();
	}

	private GraphQlTester.Response changeStatus(long id, String status, String endDate) {
		Map<String, Object> input = new java.util.HashMap<>(Map.of("id", id, "status", status));
		if (endDate != null) {
			input.put("endDate", endDate);
		}
		return this.admin.documentName("changeMeasureStatus")
			.fragmentName("measureFields")
			.variable("input", input)
			.execute();
	}

}
