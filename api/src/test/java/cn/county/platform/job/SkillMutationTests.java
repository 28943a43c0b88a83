package cn.county.platform.job;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import cn.county.platform.job.EmploymentFixtures.Person;
import cn.county.platform.support.AbstractPlatformTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static cn.county.platform.job.EmploymentFixtures.mutation;
import static cn.county.platform.job.EmploymentFixtures.today;
import static cn.county.platform.support.Fixtures.with;

class SkillMutationTests extends AbstractPlatformTests {

	EmploymentFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new EmploymentFixtures(this.admin, this.jdbc);
	}

	@Test
	void aTrainingIsRecordedCompletedAndACertificateEarnedThroughIt() {
		Person person = this.fixtures.adult();
		GraphQlTester.Response trained = mutation(this.admin, "recordTraining", training(person.memberId()));
		trained.path("recordTraining.training.householdId").entity(Long.class).isEqualTo(person.householdId());
		trained.path("recordTraining.training.completed").entity(Boolean.class).isEqualTo(false);
		trained.path("recordTraining.training.endDate").valueIsNull();
		long trainingId = trained.path("recordTraining.training.id").entity(Long.class).get();
		GraphQlTester.Response completed = mutation(this.admin, "updateTraining",
				Map.of("id", trainingId, "version", 0, "endDate", "2023-05-20", "completed", true));
		completed.path("updateTraining.training.completed").entity(Boolean.class).isEqualTo(true);
		completed.path("updateTraining.training.endDate").entity(String.class).isEqualTo("2023-05-20");
		completed.path("updateTraining.training.version").entity(Integer.class).isEqualTo(1);
		GraphQlTester.Response certified = mutation(this.admin, "recordCertificate",
				with(certificate(person.memberId()), "trainingId", trainingId));
		certified.path("recordCertificate.certificate.trainingId").entity(Long.class).isEqualTo(trainingId);
		certified.path("recordCertificate.certificate.training.course").entity(String.class).isEqualTo("中式烹调师培训");
		certified.path("recordCertificate.certificate.number").entity(String.class).isEqualTo("S202341100007");
		long certificateId = certified.path("recordCertificate.certificate.id").entity(Long.class).get();
		GraphQlTester.Response corrected = mutation(this.admin, "updateCertificate",
				Map.of("id", certificateId, "version", 0, "name", "中式烹调师（四级）", "kind", "VOCATIONAL_SKILL"));
		corrected.path("updateCertificate.certificate.name").entity(String.class).isEqualTo("中式烹调师（四级）");
		corrected.path("updateCertificate.certificate.issuedOn").entity(String.class).isEqualTo("2023-06-01");
		corrected.path("updateCertificate.certificate.version").entity(Integer.class).isEqualTo(1);
		this.fixtures.assertRefused(() -> mutation(this.admin, "updateCertificate",
				Map.of("id", certificateId, "version", 0, "name", "育婴员")), "input.version", "CONFLICT");
	}

	static Stream<Arguments> invalidTrainings() {
		String tomorrow = today().plusDays(1).toString();
		return Stream.of(Arguments.of("a blank course", "course", " ", "input.course", "BAD_REQUEST"),
				Arguments.of("a blank provider", "provider", "", "input.provider", "BAD_REQUEST"),
				Arguments.of("a course of 101 characters", "course", "课".repeat(101), "input.course", "BAD_REQUEST"),
				Arguments.of("a start in the future", "startDate", tomorrow, "input.startDate", "BAD_REQUEST"),
				Arguments.of("an end before the start", "endDate", "2023-04-30", "input.endDate", "BAD_REQUEST"),
				Arguments.of("completed without an end", "completed", true, "input.endDate", "BAD_REQUEST"),
				Arguments.of("an unknown member", "memberId", 424242, "input.memberId", "NOT_FOUND"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidTrainings")
	void aTrainingWithBadInputIsRefusedNamingTheFieldAndNothingIsWritten(String why, String field, Object value,
			String reported, String classification) {
		Map<String, Object> input = with(training(this.fixtures.adult().memberId()), field, value);
		this.fixtures.assertRefused(() -> mutation(this.admin, "recordTraining", input), reported, classification);
	}

	@Test
	void aTrainingEndingInTheFutureCannotBeCompletedYet() {
		long member = this.fixtures.adult().memberId();
		Map<String, Object> input = with(with(training(member), "endDate", today().plusDays(10).toString()),
				"completed", true);
		this.fixtures.assertRefused(() -> mutation(this.admin, "recordTraining", input), "input.endDate",
				"BAD_REQUEST");
		long id = this.fixtures.recordTraining(member, "2023-05-01", today().plusDays(10).toString(), false);
		this.fixtures.assertRefused(() -> mutation(this.admin, "updateTraining", Map.of("id", id, "completed", true)),
				"input.completed", "BAD_REQUEST");
	}

	@Test
	void trainingCorrectionsAreCheckedAgainstTheWholeRecordAndItsCertificates() {
		long member = this.fixtures.adult().memberId();
		long id = this.fixtures.recordTraining(member, "2023-05-01", "2023-05-20", true);
		this.fixtures.recordCertificate(member, "2023-06-01", id);
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "updateTraining", Map.of("id", id, "startDate", "2023-05-21")),
				"input.startDate", "BAD_REQUEST");
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "updateTraining", Map.of("id", id, "endDate", "2023-04-01")),
				"input.endDate", "BAD_REQUEST");
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "updateTraining",
						Map.of("id", id, "startDate", "2023-06-02", "endDate", "2023-06-10")),
				"input.startDate", "CONFLICT");
		this.fixtures.assertRefused(() -> mutation(this.admin, "updateTraining", Map.of("id", id, "version", 7)),
				"input.version", "CONFLICT");
		this.fixtures.assertRefused(() -> mutation(this.admin, "updateTraining", Map.of("id", 424242)), "input.id",
				"NOT_FOUND");
	}

	static Stream<Arguments> invalidCertificates() {
		return Stream.of(Arguments.of("a blank name", "name", " ", "input.name", "BAD_REQUEST"),
				Arguments.of("an issue date in the future", "issuedOn", today().plusDays(1).toString(),
						"input.issuedOn", "BAD_REQUEST"),
				Arguments.of("a blank number", "number", "", "input.number", "BAD_REQUEST"),
				Arguments.of("a number of 65 characters", "number", "9".repeat(65), "input.number", "BAD_REQUEST"),
				Arguments.of("an unknown training", "trainingId", 424242, "input.trainingId", "BAD_REQUEST"),
				Arguments.of("an unknown member", "memberId", 424242, "input.memberId", "NOT_FOUND"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidCertificates")
	void aCertificateWithBadInputIsRefusedNamingTheFieldAndNothingIsWritten(String why, String field, Object value,
			String reported, String classification) {
		Map<String, Object> input = with(certificate(this.fixtures.adult().memberId()), field, value);
		this.fixtures.assertRefused(() -> mutation(this.admin, "recordCertificate", input), reported, classification);
	}

	@Test
	void aCertificateLinksOnlyToTheMembersOwnTrainingAndNotBeforeItBegan() {
		Person person = this.fixtures.adult();
		long own = this.fixtures.recordTraining(person.memberId(), "2023-05-01", "2023-05-20", true);
		long othersTraining = this.fixtures.recordTraining(this.fixtures.adult().memberId(), "2023-05-01", "2023-05-20",
				true);
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "recordCertificate",
						with(certificate(person.memberId()), "trainingId", othersTraining)),
				"input.trainingId", "BAD_REQUEST");
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "recordCertificate",
						with(with(certificate(person.memberId()), "trainingId", own), "issuedOn", "2023-04-30")),
				"input.issuedOn", "BAD_REQUEST");
		long certificate = this.fixtures.recordCertificate(person.memberId(), "2023-03-01", null);
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "updateCertificate", Map.of("id", certificate, "trainingId", own)),
				"input.trainingId", "BAD_REQUEST");
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "updateCertificate",
						Map.of("id", certificate, "trainingId", othersTraining, "issuedOn", "2023-06-01")),
				"input.trainingId", "BAD_REQUEST");
		mutation(this.admin, "updateCertificate",
				Map.of("id", certificate, "trainingId", own, "issuedOn", "2023-06-01"))
			.path("updateCertificate.certificate.trainingId")
			.entity(Long.class)
			.isEqualTo(own);
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "updateCertificate", Map.of("id", certificate, "issuedOn", "2023-04-01")),
				"input.issuedOn", "BAD_REQUEST");
	}

	private static Map<String, Object> training(long memberId) {
		return new HashMap<>(
				Map.of("memberId", memberId, "course", "中式烹调师培训", "provider", "县职业教育中心", "startDate", "2023-05-01"));
	}

	private static Map<String, Object> certificate(long memberId) {
		return new HashMap<>(Map.of("memberId", memberId, "name", "中式烹调师（五级）", "kind", "VOCATIONAL_SKILL", "issuedOn",
				"2023-06-01", "number", " S202341100007 "));
	}

}
