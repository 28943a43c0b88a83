package cn.county.platform.job;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import cn.county.platform.support.Fixtures;
import cn.county.platform.support.Refusals;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People and their records for the job tests, created through the API as the county
 * admin, each test with households of its own so tests never see each other's jobs.
 */
final class EmploymentFixtures {

	/**
	 * The tables this feature writes; a refused request must leave every one unchanged.
	 */
	static final String[] TABLES = { "job", "job_subsidy", "training", "certificate" };

	private final HttpGraphQlTester admin;

	private final JdbcTemplate jdbc;

	EmploymentFixtures(HttpGraphQlTester admin, JdbcTemplate jdbc) {
		this.admin = admin;
		this.jdbc = jdbc;
	}

	/** A household and one of its members. */
	record Person(long householdId, long memberId) {
	}

	/** The county's today, as the API sees it. */
	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	/** The head, born in 1980, of a new household in the first demo village. */
	Person adult() {
		return head(Fixtures.VILLAGE, LocalDate.of(1980, 4, 2));
	}

	/** The head of a new household in the village, born on the date. */
	Person head(String villageCode, LocalDate birthDate) {
		return head(villageCode, birthDate, Fixtures.code());
	}

	/** The head of a new household with the given code. */
	Person head(String villageCode, LocalDate birthDate, String code) {
		Map<String, Object> input = Fixtures.household(villageCode);
		input.put("code", code);
		input.put("head", Fixtures.member("张伟", Fixtures.idNumber(birthDate)));
		Fixtures.Household created = Fixtures.createHousehold(this.admin, input);
		return new Person(created.id(), created.headId());
	}

	/** Another member of the household, born on the date. */
	Person member(long householdId, String relation, LocalDate birthDate, String schooling) {
		Map<String, Object> member = Fixtures.with(Fixtures.member("张敏", Fixtures.idNumber(birthDate)), "schooling",
				schooling);
		GraphQlTester.Response response = this.admin.documentName("addMember")
			.variable("input", Map.of("householdId", householdId, "relation", relation, "member", member))
			.execute();
		response.errors().verify();
		return new Person(householdId, response.path("addMember.member.id").entity(Long.class).get());
	}

	static Map<String, Object> job(long memberId, String type, String startDate) {
		Map<String, Object> input = new HashMap<>();
		input.put("memberId", memberId);
		input.put("type", type);
		input.put("employer", "安乐花木产业基地");
		input.put("place", "安乐镇");
		input.put("startDate", startDate);
		input.put("monthlyIncome", 3200);
		return input;
	}

	/** A public-welfare post; {@code endDate} may be null for a post still held. */
	static Map<String, Object> post(long memberId, String level, String startDate, String endDate) {
		Map<String, Object> input = job(memberId, "PUBLIC_WELFARE_POST", startDate);
		input.put("welfarePostLevel", level);
		input.put("employer", "北街村村民委员会");
		input.put("monthlyIncome", 600);
		if (endDate != null) {
			input.put("endDate", endDate);
		}
		return input;
	}

	long recordJob(Map<String, Object> input) {
		return id("recordJob", "recordJob.job.id", input);
	}

	long recordSubsidy(long jobId, String kind, String paidOn) {
		return id("recordSubsidy", "recordSubsidy.subsidy.id",
				Map.of("jobId", jobId, "kind", kind, "amount", 500, "paidOn", paidOn));
	}

	long recordTraining(long memberId, String startDate, String endDate, boolean completed) {
		Map<String, Object> input = new HashMap<>(Map.of("memberId", memberId, "course", "中式烹调师培训", "provider",
				"县职业教育中心", "startDate", startDate, "completed", completed));
		if (endDate != null) {
			input.put("endDate", endDate);
		}
		return id("recordTraining", "recordTraining.training.id", input);
	}

	long recordCertificate(long memberId, String issuedOn, Long trainingId) {
		Map<String, Object> input = new HashMap<>(Map.of("memberId", memberId, "name", "中式烹调师（五级）", "kind",
				"VOCATIONAL_SKILL", "issuedOn", issuedOn, "number", "S202341100001"));
		if (trainingId != null) {
			input.put("trainingId", trainingId);
		}
		return id("recordCertificate", "recordCertificate.certificate.id", input);
	}

	private long id(String document, String path, Map<String, Object> input) {
		return Fixtures.create(this.admin, document, document.endsWith("Job") ? "jobFields" : null, input, path);
	}

	/**
	 * One of this feature's mutations as the caller; the job mutations select the
	 * {@code jobFields} fragment.
	 */
	static GraphQlTester.Response mutation(HttpGraphQlTester caller, String document, Map<String, Object> input) {
		GraphQlTester.Request<?> request = caller.documentName(document);
		if (document.endsWith("Job")) {
			request = request.fragmentName("jobFields");
		}
		return request.variable("input", input).execute();
	}

	/**
	 * The request is refused with an error naming the field, and none of this feature's
	 * tables changed.
	 */
	void assertRefused(Supplier<GraphQlTester.Response> request, String field, String classification) {
		Refusals.assertRefused(this.jdbc, request, field, classification, TABLES);
	}

	/**
	 * The request is refused as not allowed for the caller, and none of this feature's
	 * tables changed.
	 */
	void assertForbidden(Supplier<GraphQlTester.Response> request) {
		Refusals.assertForbidden(this.jdbc, request, TABLES);
	}

}
