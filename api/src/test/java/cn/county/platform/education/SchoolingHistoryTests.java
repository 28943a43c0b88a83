package cn.county.platform.education;

import java.time.LocalDate;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.DepartmentOfficers;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.MemberRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.county.platform.support.Refusals.assertForbidden;
import static cn.county.platform.support.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child's schooling as a history, with real tokens: the member's current schooling and
 * the dashboard's "school-age children not in school" follow the newest record; who may
 * write it (EDUCATION county-wide, town officials in their town, the county) and who may
 * not.
 */
class SchoolingHistoryTests extends AbstractPlatformTests {

	Fixtures.Household household;

	long child;

	@BeforeEach
	void setUp() {
		this.household = Fixtures.createHousehold(this.admin, Fixtures.OTHER_TOWN_VILLAGE);
		this.child = addChild(this.admin, this.household.id(), LocalDate.now().minusYears(10));
	}

	@Test
	void memberSchoolingAndTheDashboardFollowTheNewestRecord() {
		HttpGraphQlTester officer = this.clients.as(DepartmentOfficers.of("EDUCATION"));
		LocalDate today = LocalDate.now();
		MemberRecords.schoolingChange(officer, this.child, "ENROLLED", "COMPULSORY", "城关镇第一小学", today.minusYears(3))
			.errors()
			.verify();
		assertThat(schooling()).isEqualTo("COMPULSORY");
		long outOfSchool = notInSchool();
		MemberRecords.schoolingChange(officer, this.child, "DROPPED_OUT", null, null, today.minusMonths(2))
			.errors()
			.verify();
		assertThat(schooling()).isEqualTo("DROPPED_OUT");
		assertThat(notInSchool()).isEqualTo(outOfSchool + 1);
		// recorded late but dated before the drop-out: history, not the current state
		MemberRecords.schoolingChange(officer, this.child, "TRANSFERRED", "COMPULSORY", "城关镇第二小学", today.minusYears(1))
			.errors()
			.verify();
		assertThat(schooling()).isEqualTo("DROPPED_OUT");
		MemberRecords.schoolingChange(officer, this.child, "RETURNED", "COMPULSORY", "城关镇第二小学", today.minusDays(3))
			.errors()
			.verify();
		assertThat(schooling()).isEqualTo("COMPULSORY");
		assertThat(notInSchool()).isEqualTo(outOfSchool);
		this.admin
			.document("query($id: ID!) { household(id: $id) { members { id schooling schoolingHistory { status } } } }")
			.variable("id", this.household.id())
			.execute()
			.path("household.members[1].schoolingHistory[*].status")
			.entityList(String.class)
			.containsExactly("RETURNED", "DROPPED_OUT", "TRANSFERRED", "ENROLLED");
	}

	@Test
	void aDropOutWithoutReturnIsAFindingThatNamesTheRecord() {
		MemberRecords
			.schoolingChange(this.admin, this.child, "ENROLLED", "COMPULSORY", "一小", LocalDate.now().minusYears(2))
			.errors()
			.verify();
		assertThat(dropOutFindings()).isEmpty();
		long dropped = MemberRecords
			.schoolingChange(this.admin, this.child, "DROPPED_OUT", null, null, LocalDate.now().minusMonths(1))
			.path("recordSchoolingChange.schoolingRecord.id")
			.entity(Long.class)
			.get();
		assertThat(dropOutFindings()).singleElement().satisfies((finding) -> {
			assertThat(finding).containsEntry("schoolingRecordId", Long.toString(dropped))
				.containsEntry("memberId", Long.toString(this.child));
			assertThat(finding.get("detail").toString()).contains(Long.toString(dropped))
				.contains(LocalDate.now().minusMonths(1).toString());
		});
		MemberRecords.schoolingChange(this.admin, this.child, "RETURNED", "COMPULSORY", "一小", LocalDate.now())
			.errors()
			.verify();
		assertThat(dropOutFindings()).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private java.util.List<Map<String, Object>> dropOutFindings() {
		return this.admin
			.document("query($h: ID!) { dataQualityFindings(householdId: $h, rule: DROPPED_OUT_WITHOUT_RETURN)"
					+ " { edges { node { rule memberId schoolingRecordId detail } } } }")
			.variable("h", this.household.id())
			.execute()
			.path("dataQualityFindings.edges[*].node")
			.entityList(Map.class)
			.get()
			.stream()
			.map((node) -> (Map<String, Object>) node)
			.toList();
	}

	@Test
	void aKeyedRetryWritesOneRecordAndOneAuditEntry() {
		HttpGraphQlTester keyed = this.admin.mutate().header("Idempotency-Key", "schooling-" + this.child).build();
		long first = MemberRecords
			.schoolingChange(keyed, this.child, "ENROLLED", "COMPULSORY", "一小", LocalDate.now().minusDays(20))
			.path("recordSchoolingChange.schoolingRecord.id")
			.entity(Long.class)
			.get();
		long again = MemberRecords
			.schoolingChange(keyed, this.child, "ENROLLED", "COMPULSORY", "一小", LocalDate.now().minusDays(20))
			.path("recordSchoolingChange.schoolingRecord.id")
			.entity(Long.class)
			.get();
		assertThat(again).isEqualTo(first);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM schooling_record WHERE member_id = ?", Long.class,
				this.child))
			.isOne();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_log WHERE entity_type = 'SchoolingRecord' AND entity_id = ?", Long.class,
				first))
			.isOne();
	}

	@Test
	void homeTaughtAndDeferredChildrenCountAsInSchool() {
		MemberRecords
			.schoolingChange(this.admin, this.child, "HOME_TAUGHT", "COMPULSORY", "县特殊教育学校",
					LocalDate.now().minusMonths(1))
			.errors()
			.verify();
		assertThat(schooling()).isEqualTo("COMPULSORY");
		MemberRecords
			.schoolingChange(this.admin, this.child, "DEFERRED", "COMPULSORY", "县特殊教育学校", LocalDate.now().minusDays(1))
			.errors()
			.verify();
		assertThat(schooling()).isEqualTo("COMPULSORY");
	}

	@Test
	void invalidChangesAreRefusedNamingTheField() {
		assertRefused(this.jdbc, () -> MemberRecords.schoolingChange(this.admin, this.child, "ENROLLED", null, "一小",
				LocalDate.now().minusDays(1)), "input.level", "BAD_REQUEST", "schooling_record", "member");
		assertRefused(this.jdbc, () -> MemberRecords.schoolingChange(this.admin, this.child, "DROPPED_OUT",
				"COMPULSORY", null, LocalDate.now().minusDays(1)), "input.level", "BAD_REQUEST", "schooling_record");
		assertRefused(this.jdbc, () -> MemberRecords.schoolingChange(this.admin, this.child, "ENROLLED", "COMPULSORY",
				"一小", LocalDate.now().plusDays(1)), "input.effectiveOn", "BAD_REQUEST", "schooling_record");
	}

	@Test
	void correctionsCarryTheVersion() {
		long id = MemberRecords
			.schoolingChange(this.admin, this.child, "ENROLLED", "COMPULSORY", "一小", LocalDate.now().minusDays(9))
			.path("recordSchoolingChange.schoolingRecord.id")
			.entity(Long.class)
			.get();
		String correct = "mutation($i: CorrectSchoolingRecordInput!) { correctSchoolingRecord(input: $i)"
				+ " { schoolingRecord { school version } } }";
		this.admin.document(correct)
			.variable("i", Map.of("id", id, "version", 0, "school", "城关镇第一小学"))
			.execute()
			.path("correctSchoolingRecord.schoolingRecord.version")
			.entity(Integer.class)
			.isEqualTo(1);
		assertRefused(this.jdbc,
				() -> this.admin.document(correct)
					.variable("i", Map.of("id", id, "version", 0, "school", "x"))
					.execute(),
				null, "CONFLICT", "schooling_record");
	}

	@Test
	void townOfficialRecordsSchoolingInTheirTownButGrantsNoAid() {
		Fixtures.Household own = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE);
		long pupil = addChild(this.admin, own.id(), LocalDate.now().minusYears(8));
		HttpGraphQlTester official = this.clients.townOfficial();
		MemberRecords.schoolingChange(official, pupil, "ENROLLED", "COMPULSORY", "一小", LocalDate.now().minusDays(5))
			.errors()
			.verify();
		assertRefused(this.jdbc, () -> MemberRecords.schoolingChange(official, this.child, "DROPPED_OUT", null, null,
				LocalDate.now().minusDays(1)), "input.memberId", "NOT_FOUND", "schooling_record", "member");
		assertForbidden(this.jdbc, () -> MemberRecords.grantAid(official, pupil), "education_aid");
	}

	@Test
	void educationOfficerGrantsAidOnceATerm() {
		HttpGraphQlTester officer = this.clients.as(DepartmentOfficers.of("EDUCATION"));
		MemberRecords.grantAid(officer, this.child).errors().verify();
		assertRefused(this.jdbc, () -> MemberRecords.grantAid(officer, this.child), "input.term", "CONFLICT",
				"education_aid");
	}

	@Test
	void villageCadresAndOtherDepartmentsMayNotWriteEducation() {
		Fixtures.Household own = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE);
		long pupil = addChild(this.admin, own.id(), LocalDate.now().minusYears(8));
		for (HttpGraphQlTester refused : new HttpGraphQlTester[] { this.clients.villageCadre(),
				this.clients.hrssOfficer(), this.clients.as(DepartmentOfficers.of("HEALTH")),
				this.clients.dashboardViewer() }) {
			assertForbidden(this.jdbc, () -> MemberRecords.schoolingChange(refused, pupil, "DROPPED_OUT", null, null,
					LocalDate.now().minusDays(1)), "schooling_record", "member");
			assertForbidden(this.jdbc, () -> MemberRecords.grantAid(refused, pupil), "education_aid");
		}
	}

	private String schooling() {
		return this.jdbc.queryForObject("SELECT schooling FROM member WHERE id = ?", String.class, this.child);
	}

	/** The next dashboard summary of the child's town, as the county sees it. */
	private long notInSchool() {
		return this.admin
			.document("query($y: Int!, $t: String) { dashboard(period: {year: $y}, town: $t)"
					+ " { figures { basicNeeds { schoolAgeNotInSchool { count } } } } }")
			.variable("y", LocalDate.now().getYear())
			.variable("t", Fixtures.OTHER_TOWN)
			.execute()
			.path("dashboard.figures.basicNeeds.schoolAgeNotInSchool.count")
			.entity(Long.class)
			.get();
	}

	static long addChild(HttpGraphQlTester caller, long householdId, LocalDate born) {
		Map<String, Object> member = Fixtures.member("张小明", Fixtures.idNumber(born));
		member.put("schooling", "COMPULSORY");
		member.put("labourCapacity", "NONE");
		member.put("willingToWork", false);
		return Fixtures.create(caller, "addMember", null,
				Map.of("householdId", householdId, "relation", "CHILD", "member", member), "addMember.member.id");
	}

}
