package cn.county.platform.job;

import java.time.LocalDate;
import java.util.List;
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

import static cn.county.platform.job.EmploymentFixtures.job;
import static cn.county.platform.job.EmploymentFixtures.mutation;
import static cn.county.platform.job.EmploymentFixtures.post;
import static cn.county.platform.job.EmploymentFixtures.today;
import static cn.county.platform.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class JobMutationTests extends AbstractPlatformTests {

	EmploymentFixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new EmploymentFixtures(this.admin, this.jdbc);
	}

	@Test
	void countyAdminRecordsAJobThatIsCurrentUntilItEnds() {
		Person person = this.fixtures.adult();
		Map<String, Object> input = with(job(person.memberId(), "OUT_OF_PROVINCE", "2023-03-01"), "monthlyIncome",
				5200.5);
		GraphQlTester.Response recorded = mutation(this.admin, "recordJob",
				with(with(input, "employer", "  东莞电子科技有限公司 "), "place", "广东省东莞市"));
		recorded.path("recordJob.job.memberId").entity(Long.class).isEqualTo(person.memberId());
		recorded.path("recordJob.job.householdId").entity(Long.class).isEqualTo(person.householdId());
		recorded.path("recordJob.job.member.id").entity(Long.class).isEqualTo(person.memberId());
		recorded.path("recordJob.job.type").entity(String.class).isEqualTo("OUT_OF_PROVINCE");
		recorded.path("recordJob.job.welfarePostLevel").valueIsNull();
		recorded.path("recordJob.job.employer").entity(String.class).isEqualTo("东莞电子科技有限公司");
		recorded.path("recordJob.job.monthlyIncome").entity(Double.class).isEqualTo(5200.5);
		recorded.path("recordJob.job.endDate").valueIsNull();
		recorded.path("recordJob.job.current").entity(Boolean.class).isEqualTo(true);
		long id = recorded.path("recordJob.job.id").entity(Long.class).get();
		assertThat(this.jdbc.queryForMap("SELECT member_id, household_id, monthly_income FROM job WHERE id = ?", id))
			.containsEntry("member_id", person.memberId())
			.containsEntry("household_id", person.householdId());

		GraphQlTester.Response ended = mutation(this.admin, "endJob",
				Map.of("id", id, "version", 0, "endDate", "2023-11-30"));
		ended.path("endJob.job.endDate").entity(String.class).isEqualTo("2023-11-30");
		ended.path("endJob.job.current").entity(Boolean.class).isEqualTo(false);
		ended.path("endJob.job.version").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void aPublicWelfarePostIsRecordedWithItsLevel() {
		Person person = this.fixtures.adult();
		GraphQlTester.Response recorded = mutation(this.admin, "recordJob",
				post(person.memberId(), "TOWN", "2023-02-01", null));
		recorded.path("recordJob.job.type").entity(String.class).isEqualTo("PUBLIC_WELFARE_POST");
		recorded.path("recordJob.job.welfarePostLevel").entity(String.class).isEqualTo("TOWN");
	}

	static Stream<Arguments> invalidJobs() {
		String tomorrow = today().plusDays(1).toString();
		return Stream.of(
				Arguments.of("a public-welfare post without level", "type", "PUBLIC_WELFARE_POST",
						"input.welfarePostLevel", "BAD_REQUEST"),
				Arguments.of("a level for another type", "welfarePostLevel", "VILLAGE", "input.welfarePostLevel",
						"BAD_REQUEST"),
				Arguments.of("a blank employer", "employer", "  ", "input.employer", "BAD_REQUEST"),
				Arguments.of("an employer of 101 characters", "employer", "厂".repeat(101), "input.employer",
						"BAD_REQUEST"),
				Arguments.of("a blank place", "place", "", "input.place", "BAD_REQUEST"),
				Arguments.of("a start in the future", "startDate", tomorrow, "input.startDate", "BAD_REQUEST"),
				Arguments.of("an end before the start", "endDate", "2023-02-28", "input.endDate", "BAD_REQUEST"),
				Arguments.of("an end in the future", "endDate", tomorrow, "input.endDate", "BAD_REQUEST"),
				Arguments.of("a negative income", "monthlyIncome", -1, "input.monthlyIncome", "BAD_REQUEST"),
				Arguments.of("an income in fractions of a fen", "monthlyIncome", 3000.125, "input.monthlyIncome",
						"BAD_REQUEST"),
				Arguments.of("an unknown member", "memberId", 424242, "input.memberId", "NOT_FOUND"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidJobs")
	void aJobWithBadInputIsRefusedNamingTheFieldAndNothingIsWritten(String why, String field, Object value,
			String reported, String classification) {
		Person person = this.fixtures.adult();
		Map<String, Object> input = with(job(person.memberId(), "LOCAL_ENTERPRISE", "2023-03-01"), field, value);
		this.fixtures.assertRefused(() -> mutation(this.admin, "recordJob", input), reported, classification);
	}

	@Test
	void aMemberUnder16CannotBeEmployed() {
		Person parent = this.fixtures.adult();
		Person child = this.fixtures.member(parent.householdId(), "CHILD", today().minusYears(15), "COMPULSORY");
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "recordJob", job(child.memberId(), "LOCAL_ENTERPRISE", today().toString())),
				"input.memberId", "BAD_REQUEST");
		// 17 now: refused the day before the 16th birthday, accepted on it
		LocalDate birth = today().minusYears(17);
		Person teenager = this.fixtures.member(parent.householdId(), "CHILD", birth, "HIGH_SCHOOL");
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "recordJob",
						job(teenager.memberId(), "LOCAL_ENTERPRISE", birth.plusYears(16).minusDays(1).toString())),
				"input.memberId", "BAD_REQUEST");
		long id = this.fixtures.recordJob(job(teenager.memberId(), "LOCAL_ENTERPRISE", birth.plusYears(16).toString()));
		// and a correction cannot move the start before that birthday either
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "updateJob", Map.of("id", id, "startDate", birth.plusYears(15).toString())),
				"input.startDate", "BAD_REQUEST");
	}

	@Test
	void aMemberCannotHoldTwoOverlappingPublicWelfarePosts() {
		long member = this.fixtures.adult().memberId();
		this.fixtures.recordJob(post(member, "VILLAGE", "2023-01-01", "2023-03-31"));
		for (Map<String, Object> overlapping : List.of(post(member, "TOWN", "2023-03-31", null),
				post(member, "TOWN", "2022-12-01", "2023-01-01"), post(member, "COUNTY", "2022-06-01", "2023-06-01"),
				post(member, "VILLAGE", "2023-02-01", "2023-02-10"))) {
			this.fixtures.assertRefused(() -> mutation(this.admin, "recordJob", overlapping), "input.startDate",
					"CONFLICT");
		}
		// adjacent posts, the day after and the day before, do not overlap
		this.fixtures.recordJob(post(member, "TOWN", "2022-10-01", "2022-12-31"));
		long open = this.fixtures.recordJob(post(member, "TOWN", "2023-04-01", null));
		// a post with no end runs on: nothing may start after it until it ends
		this.fixtures.assertRefused(() -> mutation(this.admin, "recordJob", post(member, "COUNTY", "2024-01-01", null)),
				"input.startDate", "CONFLICT");
		// other work alongside a post is allowed
		this.fixtures.recordJob(job(member, "SELF_EMPLOYED", "2023-05-01"));
		mutation(this.admin, "endJob", Map.of("id", open, "endDate", "2023-12-31")).errors().verify();
		this.fixtures.recordJob(post(member, "COUNTY", "2024-01-01", null));
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM job WHERE member_id = ? AND type = 'PUBLIC_WELFARE_POST'", Long.class, member))
			.isEqualTo(4);
	}

	@Test
	void correctionsCannotMakeTwoPostsOverlap() {
		long member = this.fixtures.adult().memberId();
		long first = this.fixtures.recordJob(post(member, "VILLAGE", "2023-01-01", "2023-03-31"));
		long second = this.fixtures.recordJob(post(member, "VILLAGE", "2023-04-01", null));
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "updateJob", Map.of("id", first, "endDate", "2023-04-01")), "input.endDate",
				"CONFLICT");
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "updateJob", Map.of("id", second, "startDate", "2023-03-15")),
				"input.startDate", "CONFLICT");
		mutation(this.admin, "updateJob", Map.of("id", first, "endDate", "2023-03-20")).path("updateJob.job.endDate")
			.entity(String.class)
			.isEqualTo("2023-03-20");
		mutation(this.admin, "updateJob", Map.of("id", second, "startDate", "2023-03-21"))
			.path("updateJob.job.startDate")
			.entity(String.class)
			.isEqualTo("2023-03-21");
	}

	@Test
	void updatesChangeOnlyTheGivenFieldsAndCheckTheVersion() {
		long id = this.fixtures.recordJob(job(this.fixtures.adult().memberId(), "IN_PROVINCE", "2023-03-01"));
		GraphQlTester.Response updated = mutation(this.admin, "updateJob",
				Map.of("id", id, "version", 0, "employer", "郑州客车股份有限公司", "monthlyIncome", 4100));
		updated.path("updateJob.job.employer").entity(String.class).isEqualTo("郑州客车股份有限公司");
		updated.path("updateJob.job.monthlyIncome").entity(Double.class).isEqualTo(4100.0);
		updated.path("updateJob.job.place").entity(String.class).isEqualTo("安乐镇");
		updated.path("updateJob.job.version").entity(Integer.class).isEqualTo(1);
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "updateJob", Map.of("id", id, "version", 0, "monthlyIncome", 4200)),
				"input.version", "CONFLICT");
		this.fixtures.assertRefused(() -> mutation(this.admin, "updateJob", Map.of("id", id, "monthlyIncome", -3)),
				"input.monthlyIncome", "BAD_REQUEST");
		this.fixtures.assertRefused(() -> mutation(this.admin, "updateJob", Map.of("id", id, "employer", " ")),
				"input.employer", "BAD_REQUEST");
		this.fixtures.assertRefused(() -> mutation(this.admin, "updateJob", Map.of("id", 424242, "place", "许昌")),
				"input.id", "NOT_FOUND");
		mutation(this.admin, "endJob", Map.of("id", id, "endDate", "2023-06-30")).errors().verify();
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "updateJob", Map.of("id", id, "startDate", "2023-07-01")), "input.startDate",
				"BAD_REQUEST");
	}

	@Test
	void endingIsRefusedBeforeTheStartInTheFutureOrTwice() {
		long id = this.fixtures.recordJob(job(this.fixtures.adult().memberId(), "IN_PROVINCE", "2023-03-01"));
		this.fixtures.assertRefused(() -> mutation(this.admin, "endJob", Map.of("id", id, "endDate", "2023-02-28")),
				"input.endDate", "BAD_REQUEST");
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "endJob", Map.of("id", id, "endDate", today().plusDays(1).toString())),
				"input.endDate", "BAD_REQUEST");
		this.fixtures.assertRefused(() -> mutation(this.admin, "endJob", Map.of("id", 424242, "endDate", "2023-05-01")),
				"input.id", "NOT_FOUND");
		// the day it started is a valid last day
		mutation(this.admin, "endJob", Map.of("id", id, "endDate", "2023-03-01")).errors().verify();
		this.fixtures.assertRefused(() -> mutation(this.admin, "endJob", Map.of("id", id, "endDate", "2023-05-01")),
				"input.id", "CONFLICT");
	}

	@Test
	void aTransportSubsidyIsPaidOnlyForAJobOutOfTheProvince() {
		long member = this.fixtures.adult().memberId();
		long away = this.fixtures.recordJob(job(member, "OUT_OF_PROVINCE", "2023-02-01"));
		GraphQlTester.Response paid = mutation(this.admin, "recordSubsidy",
				Map.of("jobId", away, "kind", "CROSS_PROVINCE_TRANSPORT", "amount", 600, "paidOn", "2023-02-20"));
		paid.path("recordSubsidy.subsidy.kind").entity(String.class).isEqualTo("CROSS_PROVINCE_TRANSPORT");
		paid.path("recordSubsidy.subsidy.memberId").entity(Long.class).isEqualTo(member);
		paid.path("recordSubsidy.subsidy.amount").entity(Double.class).isEqualTo(600.0);
		// paid again the next year for the same job
		this.fixtures.recordSubsidy(away, "CROSS_PROVINCE_TRANSPORT", "2024-02-20");
		long inProvince = this.fixtures.recordJob(job(member, "IN_PROVINCE", "2023-02-01"));
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "recordSubsidy", Map.of("jobId", inProvince, "kind",
						"CROSS_PROVINCE_TRANSPORT", "amount", 600, "paidOn", "2023-02-20")),
				"input.kind", "BAD_REQUEST");
	}

	@Test
	void aStartUpSubsidyIsPaidOnceAPersonForSelfEmploymentOrALocalEnterprise() {
		long member = this.fixtures.adult().memberId();
		long own = this.fixtures.recordJob(job(member, "SELF_EMPLOYED", "2023-01-01"));
		long local = this.fixtures.recordJob(job(member, "LOCAL_ENTERPRISE", "2023-01-01"));
		long away = this.fixtures.recordJob(job(member, "OUT_OF_PROVINCE", "2023-01-01"));
		Map<String, Object> startUp = Map.of("kind", "ONE_TIME_STARTUP", "amount", 5000, "paidOn", "2023-08-01");
		this.fixtures.assertRefused(() -> mutation(this.admin, "recordSubsidy", with(startUp, "jobId", away)),
				"input.kind", "BAD_REQUEST");
		mutation(this.admin, "recordSubsidy", with(startUp, "jobId", own)).errors().verify();
		this.fixtures.assertRefused(() -> mutation(this.admin, "recordSubsidy", with(startUp, "jobId", local)),
				"input.kind", "CONFLICT");
		this.fixtures.assertRefused(() -> mutation(this.admin, "recordSubsidy", with(startUp, "jobId", own)),
				"input.kind", "CONFLICT");
		long neighbour = this.fixtures.adult().memberId();
		long neighbourLocal = this.fixtures.recordJob(job(neighbour, "LOCAL_ENTERPRISE", "2023-01-01"));
		mutation(this.admin, "recordSubsidy", with(startUp, "jobId", neighbourLocal)).errors().verify();
	}

	static Stream<Arguments> invalidSubsidies() {
		return Stream.of(Arguments.of("a zero amount", "amount", 0, "input.amount", "BAD_REQUEST"),
				Arguments.of("a negative amount", "amount", -500, "input.amount", "BAD_REQUEST"),
				Arguments.of("a payment in the future", "paidOn", today().plusDays(1).toString(), "input.paidOn",
						"BAD_REQUEST"),
				Arguments.of("a payment before the job started", "paidOn", "2023-01-31", "input.paidOn", "BAD_REQUEST"),
				Arguments.of("an unknown job", "jobId", 424242, "input.jobId", "NOT_FOUND"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSubsidies")
	void aSubsidyWithBadInputIsRefusedNamingTheFieldAndNothingIsWritten(String why, String field, Object value,
			String reported, String classification) {
		long jobId = this.fixtures.recordJob(job(this.fixtures.adult().memberId(), "OUT_OF_PROVINCE", "2023-02-01"));
		Map<String, Object> input = with(
				Map.of("jobId", jobId, "kind", "CROSS_PROVINCE_TRANSPORT", "amount", 600, "paidOn", "2023-03-01"),
				field, value);
		this.fixtures.assertRefused(() -> mutation(this.admin, "recordSubsidy", input), reported, classification);
	}

	@Test
	void aJobCannotBeMovedToStartAfterASubsidyPaidForIt() {
		long jobId = this.fixtures.recordJob(job(this.fixtures.adult().memberId(), "OUT_OF_PROVINCE", "2023-02-01"));
		this.fixtures.recordSubsidy(jobId, "CROSS_PROVINCE_TRANSPORT", "2023-03-01");
		this.fixtures.assertRefused(
				() -> mutation(this.admin, "updateJob", Map.of("id", jobId, "startDate", "2023-03-02")),
				"input.startDate", "CONFLICT");
		mutation(this.admin, "updateJob", Map.of("id", jobId, "startDate", "2023-03-01")).errors().verify();
	}

}
