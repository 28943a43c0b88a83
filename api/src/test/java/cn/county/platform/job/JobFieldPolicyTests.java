package cn.county.platform.job;

import java.util.List;
import java.util.Map;

import cn.county.platform.job.EmploymentFixtures.Person;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.KeycloakServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.county.platform.job.EmploymentFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs, subsidies, trainings and certificates are household-level data: every role that
 * reads households sees their fields (none is sensitive, monthly income included),
 * dashboard viewers see none, and partners see only approved fields, with each read
 * logged against the household.
 */
class JobFieldPolicyTests extends AbstractPlatformTests {

	Person person;

	@BeforeEach
	void setUp() {
		EmploymentFixtures fixtures = new EmploymentFixtures(this.admin, this.jdbc);
		this.person = fixtures.adult();
		long jobId = fixtures.recordJob(job(this.person.memberId(), "OUT_OF_PROVINCE", "2023-03-01"));
		fixtures.recordSubsidy(jobId, "CROSS_PROVINCE_TRANSPORT", "2023-03-10");
		long training = fixtures.recordTraining(this.person.memberId(), "2023-04-01", "2023-04-15", true);
		fixtures.recordCertificate(this.person.memberId(), "2023-05-01", training);
	}

	@ParameterizedTest
	@ValueSource(strings = { "county.admin", "town.official", "village.cadre", "hrss.officer", "finance.officer" })
	void everyRoleThatReadsHouseholdsSeesEveryFieldOfTheseRecords(String username) {
		GraphQlTester.Response response = this.clients.as(username)
			.documentName("householdEmployment")
			.fragmentName("jobFields")
			.variable("id", this.person.householdId())
			.execute();
		response.errors().verify();
		response.path("household.members[0].jobs[0].monthlyIncome").entity(Double.class).isEqualTo(3200.0);
		response.path("household.members[0].jobs[0].subsidies[0].amount").entity(Double.class).isEqualTo(500.0);
		response.path("household.members[0].trainings[0].provider").entity(String.class).isEqualTo("县职业教育中心");
		response.path("household.members[0].certificates[0].number").entity(String.class).isEqualTo("S202341100001");
		response.path("household.members[0].certificates[0].training.course").entity(String.class).isEqualTo("中式烹调师培训");
	}

	@Test
	void dashboardViewerGetsNoneOfThem() {
		GraphQlTester.Response response = this.clients.dashboardViewer()
			.documentName("householdEmployment")
			.fragmentName("jobFields")
			.variable("id", this.person.householdId())
			.execute();
		response.errors()
			.satisfy((errors) -> assertThat(errors).isNotEmpty()
				.allSatisfy((error) -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
		response.path("household").valueIsNull();
	}

	@Test
	void partnerSeesOnlyApprovedFieldsAndEachReadIsLoggedWithTheHousehold() {
		this.admin
			.document("mutation($f: [String!]!) { setPartnerApprovedFields(input: {partnerId: \"partner-insurer\","
					+ " fields: $f}) { fields } }")
			.variable("f",
					List.of("Household.members", "Member.jobs", "Member.certificates", "Job.type", "Job.monthlyIncome",
							"Certificate.kind"))
			.execute()
			.errors()
			.verify();
		long logged = this.jdbc.queryForObject("SELECT COUNT(*) FROM partner_access_log WHERE partner_id = ?",
				Long.class, "partner-insurer");
		// a fresh token, so the approvals just set apply
		HttpGraphQlTester insurer = this.clients
			.withToken(KeycloakServer.shared().clientCredentialsToken("partner-insurer", "partner-insurer-dev-secret"));
		GraphQlTester.Response response = insurer
			.document("query jobsForInsurer($id: ID!) { household(id: $id) { members { jobs { type monthlyIncome"
					+ " endDate welfarePostLevel } certificates { kind trainingId } } } }")
			.variable("id", this.person.householdId())
			.execute();
		response.errors()
			.satisfy((errors) -> assertThat(errors).extracting((error) -> error.getPath())
				.containsExactlyInAnyOrder("household.members[0].jobs[0].endDate",
						"household.members[0].jobs[0].welfarePostLevel",
						"household.members[0].certificates[0].trainingId"));
		response.path("household.members[0].jobs[0].type").entity(String.class).isEqualTo("OUT_OF_PROVINCE");
		response.path("household.members[0].jobs[0].monthlyIncome").entity(Double.class).isEqualTo(3200.0);
		response.path("household.members[0].certificates[0].kind").entity(String.class).isEqualTo("VOCATIONAL_SKILL");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM partner_access_log WHERE partner_id = ?", Long.class,
				"partner-insurer"))
			.isEqualTo(logged + 1);
		Map<String, Object> entry = this.admin
			.document("{ partnerAccessLog(partnerId: \"partner-insurer\", first: 1) { edges { node { householdIds"
					+ " fields } } } }")
			.execute()
			.path("partnerAccessLog.edges[0].node")
			.entity(Map.class)
			.get();
		assertThat((List<Object>) entry.get("householdIds")).containsExactly(String.valueOf(this.person.householdId()));
		assertThat((List<Object>) entry.get("fields")).contains("Job.type", "Job.monthlyIncome", "Certificate.kind");
	}

	@Test
	void noFieldOfTheseTypesIsSensitive() {
		GraphQlTester.Response me = this.clients.financeOfficer()
			.document("{ me { fieldAccess { type whole masked forbidden } } }")
			.execute();
		List<Map> types = me.path("me.fieldAccess").entityList(Map.class).get();
		for (String type : List.of("Job", "Subsidy", "Training", "Certificate")) {
			Map<?, ?> access = types.stream()
				.filter((entry) -> type.equals(entry.get("type")))
				.findFirst()
				.orElseThrow();
			assertThat((List<?>) access.get("whole")).as(type).isNotEmpty();
			assertThat((List<?>) access.get("masked")).as(type).isEmpty();
			assertThat((List<?>) access.get("forbidden")).as(type).isEmpty();
		}
	}

}
