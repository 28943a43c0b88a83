package cn.county.platform.job;

import java.time.LocalDate;
import java.util.Map;

import cn.county.platform.job.EmploymentFixtures.Person;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.county.platform.job.EmploymentFixtures.job;
import static cn.county.platform.job.EmploymentFixtures.mutation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who writes and reads jobs, with real tokens: county admins, town officials in their own
 * town and HRSS officers county-wide write; village cadres and other departments do not;
 * reads follow the caller's row scope.
 */
class JobPermissionTests extends AbstractPlatformTests {

	EmploymentFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new EmploymentFixtures(this.admin, this.jdbc);
	}

	@Test
	void hrssOfficerRecordsJobsSubsidiesTrainingsAndCertificatesAnywhereInTheCounty() {
		HttpGraphQlTester hrss = this.clients.hrssOfficer();
		for (String village : new String[] { Fixtures.VILLAGE, Fixtures.OTHER_TOWN_VILLAGE }) {
			long member = this.fixtures.head(village, LocalDate.of(1979, 9, 9)).memberId();
			GraphQlTester.Response recorded = mutation(hrss, "recordJob", job(member, "OUT_OF_PROVINCE", "2023-03-01"));
			recorded.errors().verify();
			long jobId = recorded.path("recordJob.job.id").entity(Long.class).get();
			mutation(hrss, "recordSubsidy",
					Map.of("jobId", jobId, "kind", "CROSS_PROVINCE_TRANSPORT", "amount", 500, "paidOn", "2023-03-10"))
				.errors()
				.verify();
			mutation(hrss, "endJob", Map.of("id", jobId, "endDate", "2023-10-31")).errors().verify();
			long training = mutation(hrss, "recordTraining",
					Map.of("memberId", member, "course", "电工技能培训", "provider", "县就业训练中心", "startDate", "2023-04-01",
							"endDate", "2023-04-15", "completed", true))
				.path("recordTraining.training.id")
				.entity(Long.class)
				.get();
			mutation(hrss, "recordCertificate", Map.of("memberId", member, "name", "低压电工作业", "kind",
					"SPECIAL_OPERATION", "issuedOn", "2023-05-01", "number", "T411024000001", "trainingId", training))
				.errors()
				.verify();
		}
	}

	@Test
	void townOfficialRecordsAndEndsJobsInTheirOwnTown() {
		HttpGraphQlTester official = this.clients.townOfficial();
		long member = this.fixtures.head(Fixtures.VILLAGE, LocalDate.of(1979, 9, 9)).memberId();
		long jobId = mutation(official, "recordJob", job(member, "LOCAL_ENTERPRISE", "2023-03-01"))
			.path("recordJob.job.id")
			.entity(Long.class)
			.get();
		mutation(official, "endJob", Map.of("id", jobId, "endDate", "2023-08-31")).path("endJob.job.endDate")
			.entity(String.class)
			.isEqualTo("2023-08-31");
	}

	@Test
	void town2OfficialCannotWriteForAMemberInTown411024100() {
		HttpGraphQlTester official = this.clients.otherTownOfficial();
		Person person = this.fixtures.head(Fixtures.VILLAGE, LocalDate.of(1979, 9, 9));
		long jobId = this.fixtures.recordJob(job(person.memberId(), "OUT_OF_PROVINCE", "2023-03-01"));
		long trainingId = this.fixtures.recordTraining(person.memberId(), "2023-04-01", null, false);
		long certificateId = this.fixtures.recordCertificate(person.memberId(), "2023-05-01", null);
		this.fixtures.assertRefused(
				() -> mutation(official, "recordJob", job(person.memberId(), "LOCAL_ENTERPRISE", "2023-03-01")),
				"input.memberId", "NOT_FOUND");
		this.fixtures.assertRefused(() -> mutation(official, "endJob", Map.of("id", jobId, "endDate", "2023-08-31")),
				"input.id", "NOT_FOUND");
		this.fixtures.assertRefused(() -> mutation(official, "updateJob", Map.of("id", jobId, "monthlyIncome", 1)),
				"input.id", "NOT_FOUND");
		this.fixtures.assertRefused(() -> mutation(official, "recordSubsidy",
				Map.of("jobId", jobId, "kind", "CROSS_PROVINCE_TRANSPORT", "amount", 500, "paidOn", "2023-03-10")),
				"input.jobId", "NOT_FOUND");
		this.fixtures.assertRefused(() -> mutation(official, "recordTraining", Map.of("memberId", person.memberId(),
				"course", "电工技能培训", "provider", "县就业训练中心", "startDate", "2023-04-01")), "input.memberId", "NOT_FOUND");
		this.fixtures.assertRefused(
				() -> mutation(official, "updateTraining", Map.of("id", trainingId, "completed", false)), "input.id",
				"NOT_FOUND");
		this.fixtures
			.assertRefused(
					() -> mutation(official, "recordCertificate",
							Map.of("memberId", person.memberId(), "name", "低压电工作业", "kind", "SPECIAL_OPERATION",
									"issuedOn", "2023-05-01", "number", "T411024000002")),
					"input.memberId", "NOT_FOUND");
		this.fixtures.assertRefused(
				() -> mutation(official, "updateCertificate", Map.of("id", certificateId, "name", "焊工")), "input.id",
				"NOT_FOUND");
	}

	@ParameterizedTest
	@ValueSource(strings = { "village.cadre", "finance.officer", "dashboard.viewer" })
	void callersOtherThanAdminsTownOfficialsAndHrssCannotWriteJobs(String username) {
		HttpGraphQlTester caller = this.clients.as(username);
		// in the cadre's own village, so that only the role can be the reason
		Person person = this.fixtures.head(Fixtures.VILLAGE, LocalDate.of(1979, 9, 9));
		long jobId = this.fixtures.recordJob(job(person.memberId(), "OUT_OF_PROVINCE", "2023-03-01"));
		long trainingId = this.fixtures.recordTraining(person.memberId(), "2023-04-01", null, false);
		long certificateId = this.fixtures.recordCertificate(person.memberId(), "2023-05-01", null);
		this.fixtures.assertForbidden(
				() -> mutation(caller, "recordJob", job(person.memberId(), "LOCAL_ENTERPRISE", "2023-03-01")));
		this.fixtures.assertForbidden(() -> mutation(caller, "endJob", Map.of("id", jobId, "endDate", "2023-08-31")));
		this.fixtures.assertForbidden(() -> mutation(caller, "updateJob", Map.of("id", jobId, "place", "许昌")));
		this.fixtures.assertForbidden(() -> mutation(caller, "recordSubsidy",
				Map.of("jobId", jobId, "kind", "CROSS_PROVINCE_TRANSPORT", "amount", 500, "paidOn", "2023-03-10")));
		this.fixtures.assertForbidden(() -> mutation(caller, "recordTraining", Map.of("memberId", person.memberId(),
				"course", "电工技能培训", "provider", "县就业训练中心", "startDate", "2023-04-01")));
		this.fixtures
			.assertForbidden(() -> mutation(caller, "updateTraining", Map.of("id", trainingId, "completed", false)));
		this.fixtures.assertForbidden(() -> mutation(caller, "recordCertificate", Map.of("memberId", person.memberId(),
				"name", "低压电工作业", "kind", "SPECIAL_OPERATION", "issuedOn", "2023-05-01", "number", "T411024000003")));
		this.fixtures
			.assertForbidden(() -> mutation(caller, "updateCertificate", Map.of("id", certificateId, "name", "焊工")));
	}

	@Test
	void aPartnerCannotWriteJobs() {
		HttpGraphQlTester partner = this.clients.bank();
		long member = this.fixtures.adult().memberId();
		this.fixtures
			.assertForbidden(() -> mutation(partner, "recordJob", job(member, "LOCAL_ENTERPRISE", "2023-03-01")));
	}

	@Test
	void townOfficialAndVillageCadreListOnlyTheJobsAndCertificatesOfTheirTownOrVillage() {
		assertLists("town.official", "h.town_code = ?", Fixtures.TOWN);
		assertLists("village.cadre", "h.village_code = ?", Fixtures.VILLAGE);
		assertLists("hrss.officer", "1 = 1");
		HttpGraphQlTester official = this.clients.townOfficial();
		official.documentName("jobs")
			.variable("filter", Map.of("townCode", Fixtures.OTHER_TOWN))
			.execute()
			.path("jobs.totalCount")
			.entity(Long.class)
			.isEqualTo(0L);
		official.documentName("certificates")
			.variable("filter", Map.of("villageCode", Fixtures.OTHER_TOWN_VILLAGE))
			.execute()
			.path("certificates.totalCount")
			.entity(Long.class)
			.isEqualTo(0L);
	}

	@Test
	void dashboardViewerReadsNoJobsOrCertificates() {
		HttpGraphQlTester viewer = this.clients.dashboardViewer();
		for (String document : new String[] { "jobs", "certificates" }) {
			GraphQlTester.Response response = viewer.documentName(document).execute();
			response.errors()
				.satisfy((errors) -> assertThat(errors).anySatisfy(
						(error) -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
			response.path(document).valueIsNull();
		}
	}

	private void assertLists(String username, String where, Object... args) {
		long jobs = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM job j JOIN household h ON h.id = j.household_id WHERE " + where, Long.class,
				args);
		long certificates = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM certificate c JOIN household h ON h.id = c.household_id WHERE " + where,
				Long.class, args);
		HttpGraphQlTester caller = this.clients.as(username);
		assertThat(jobs).isPositive();
		caller.documentName("jobs").execute().path("jobs.totalCount").entity(Long.class).isEqualTo(jobs);
		caller.documentName("certificates")
			.execute()
			.path("certificates.totalCount")
			.entity(Long.class)
			.isEqualTo(certificates);
	}

}
