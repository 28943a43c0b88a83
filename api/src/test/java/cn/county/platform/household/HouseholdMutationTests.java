package cn.county.platform.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import cn.county.platform.common.ResidentIdNumber;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.Refusals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static cn.county.platform.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class HouseholdMutationTests extends AbstractPlatformTests {

	private static final String[] TABLES = { "household", "member", "household_risk_cause" };

	@Test
	void createsAHouseholdWithItsHeadAsFirstMember() {
		Map<String, Object> input = Fixtures.household();
		String headId = (String) ((Map<?, ?>) input.get("head")).get("idNumber");
		GraphQlTester.Response response = create(input);
		response.path("createHousehold.household.code").entity(String.class).isEqualTo((String) input.get("code"));
		response.path("createHousehold.household.town.code").entity(String.class).isEqualTo(Fixtures.TOWN);
		response.path("createHousehold.household.category").entity(String.class).isEqualTo("ALLEVIATED");
		response.path("createHousehold.household.headIdNumber").entity(String.class).isEqualTo(headId);
		response.path("createHousehold.household.members[0].relation").entity(String.class).isEqualTo("HEAD");
		response.path("createHousehold.household.members[0].gender").entity(String.class).isEqualTo("MALE");
		response.path("createHousehold.household.members[0].birthDate").entity(String.class).isEqualTo("1968-03-14");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM member m JOIN household h ON h.id = m.household_id WHERE h.code = ? AND m.id_number = ?",
				Long.class, input.get("code"), headId))
			.isEqualTo(1);
	}

	@Test
	void createsAMonitoredHouseholdWithItsCauses() {
		Map<String, Object> input = with(Fixtures.household(), "monitoring",
				Fixtures.monitoring("MARGINAL", "ILLNESS", "HIGH_RIGID_EXPENSES"));
		GraphQlTester.Response response = create(input);
		response.path("createHousehold.household.category").entity(String.class).isEqualTo("MONITORED");
		response.path("createHousehold.household.monitoringType").entity(String.class).isEqualTo("MARGINAL");
		response.path("createHousehold.household.riskStatus").entity(String.class).isEqualTo("NOT_ELIMINATED");
		response.path("createHousehold.household.riskCauses")
			.entityList(String.class)
			.containsExactly("ILLNESS", "HIGH_RIGID_EXPENSES");
	}

	static Stream<Arguments> invalidCreations() {
		String valid = ResidentIdNumber.of("110101", LocalDate.of(1970, 1, 1), 1);
		String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
		return Stream.of(Arguments.of("a wrong check digit", "head.idNumber", wrongCheck, "input.head.idNumber"),
				Arguments.of("17 characters", "head.idNumber", valid.substring(0, 17), "input.head.idNumber"),
				Arguments.of("an impossible birth date", "head.idNumber", impossibleDate(), "input.head.idNumber"),
				Arguments.of("a birth date the ID disagrees with", "head.birthDate", "1968-03-15",
						"input.head.birthDate"),
				Arguments.of("a gender the ID disagrees with", "head.gender", "FEMALE", "input.head.gender"),
				Arguments.of("an unknown village", "villageCode", "411024999999", "input.villageCode"),
				Arguments.of("an unknown town", "townCode", "411024999", "input.townCode"),
				Arguments.of("another town than the village's", "townCode", Fixtures.OTHER_TOWN, "input.townCode"),
				Arguments.of("a negative income", "incomePerCapita", -1, "input.incomePerCapita"),
				Arguments.of("an income year in the future", "incomeYear", LocalDate.now().getYear() + 1,
						"input.incomeYear"),
				Arguments.of("a blank address", "address", "  ", "input.address"),
				Arguments.of("a malformed phone", "phone", "12345", "input.phone"),
				Arguments.of("a malformed code", "code", "a b", "input.code"),
				Arguments.of("a disabled head without grade", "head.health", "DISABLED", "input.head.disabilityGrade"),
				Arguments.of("a grade for a healthy head", "head.disabilityGrade", 2, "input.head.disabilityGrade"),
				Arguments.of("a blank head name", "head.name", "", "input.head.name"),
				Arguments.of("monitoring without causes", "monitoring",
						Map.of("type", "MARGINAL", "causes", List.of(), "identifiedVia", "SELF_REPORT", "identifiedOn",
								"2023-01-01"),
						"input.monitoring.causes"),
				Arguments.of("monitoring identified in the future", "monitoring",
						Map.of("type", "MARGINAL", "causes", List.of("ILLNESS"), "identifiedVia", "SELF_REPORT",
								"identifiedOn", LocalDate.now().plusDays(3).toString()),
						"input.monitoring.identifiedOn"));
	}

	private static String impossibleDate() {
		String first17 = "110101" + "19700231" + "001";
		return first17 + ResidentIdNumber.checkCharacter(first17);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidCreations")
	void aHouseholdWithBadInputIsRefusedNamingTheFieldAndNothingIsWritten(String why, String field, Object value,
			String reported) {
		Map<String, Object> input = with(Fixtures.household(), field, value);
		assertRefused(() -> this.admin.documentName("createHousehold")
			.fragmentName("householdFields")
			.variable("input", input)
			.execute(), reported, "BAD_REQUEST");
	}

	@Test
	void aDuplicateCodeIsAConflict() {
		Map<String, Object> first = Fixtures.household();
		create(first);
		Map<String, Object> second = with(Fixtures.household(), "code", first.get("code"));
		assertRefused(() -> this.admin.documentName("createHousehold")
			.fragmentName("householdFields")
			.variable("input", second)
			.execute(), "input.code", "CONFLICT");
	}

	@Test
	void theSameIdNumberInTwoHouseholdsIsAConflict() {
		Map<String, Object> first = Fixtures.household();
		create(first);
		Map<String, Object> second = with(Fixtures.household(), "head.idNumber",
				((Map<?, ?>) first.get("head")).get("idNumber"));
		assertRefused(() -> this.admin.documentName("createHousehold")
			.fragmentName("householdFields")
			.variable("input", second)
			.execute(), "input.head.idNumber", "CONFLICT");
	}

	@Test
	void updatesChangeOnlyTheGivenFieldsAndBumpTheVersion() {
		long id = createdId(Fixtures.household());
		GraphQlTester.Response response = this.admin.documentName("updateHousehold")
			.fragmentName("householdFields")
			.variable("input", Map.of("id", id, "version", 0, "incomePerCapita", 7100, "address", "北街村4组1号"))
			.execute();
		response.path("updateHousehold.household.incomePerCapita").entity(Double.class).isEqualTo(7100.0);
		response.path("updateHousehold.household.address").entity(String.class).isEqualTo("北街村4组1号");
		response.path("updateHousehold.household.phone").entity(String.class).isEqualTo("13800138000");
		response.path("updateHousehold.household.version").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void anUpdateWithAStaleVersionIsAConflict() {
		long id = createdId(Fixtures.household());
		this.admin.documentName("updateHousehold")
			.fragmentName("householdFields")
			.variable("input", Map.of("id", id, "version", 0, "incomePerCapita", 7100))
			.execute();
		assertRefused(() -> this.admin.documentName("updateHousehold")
			.fragmentName("householdFields")
			.variable("input", Map.of("id", id, "version", 0, "incomePerCapita", 9100))
			.execute(), "input.version", "CONFLICT");
	}

	@Test
	void anUpdateOfAnUnknownHouseholdIsNotFound() {
		assertRefused(() -> this.admin.documentName("updateHousehold")
			.fragmentName("householdFields")
			.variable("input", Map.of("id", 12345, "incomePerCapita", 9100))
			.execute(), "input.id", "NOT_FOUND");
	}

	@Test
	void aNegativeIncomeUpdateIsRefused() {
		long id = createdId(Fixtures.household());
		assertRefused(() -> this.admin.documentName("updateHousehold")
			.fragmentName("householdFields")
			.variable("input", Map.of("id", id, "incomePerCapita", -5))
			.execute(), "input.incomePerCapita", "BAD_REQUEST");
	}

	@Test
	void anAlleviatedHouseholdIsIdentifiedAndItsRiskEliminated() {
		long id = createdId(Fixtures.household());
		GraphQlTester.Response identified = this.admin.documentName("identifyMonitoredHousehold")
			.fragmentName("householdFields")
			.variable("input",
					Map.of("householdId", id, "monitoring", Fixtures.monitoring("SUDDEN_HARDSHIP", "ACCIDENT")))
			.execute();
		identified.path("identifyMonitoredHousehold.household.category").entity(String.class).isEqualTo("MONITORED");
		identified.path("identifyMonitoredHousehold.household.riskCauses")
			.entityList(String.class)
			.containsExactly("ACCIDENT");
		GraphQlTester.Response eliminated = this.admin.documentName("eliminateHouseholdRisk")
			.fragmentName("householdFields")
			.variable("input", Map.of("householdId", id, "eliminatedOn", "2023-09-30"))
			.execute();
		eliminated.path("eliminateHouseholdRisk.household.riskStatus").entity(String.class).isEqualTo("ELIMINATED");
		eliminated.path("eliminateHouseholdRisk.household.riskEliminatedOn")
			.entity(String.class)
			.isEqualTo("2023-09-30");
	}

	@Test
	void illegalMonitoringChangesAreRefused() {
		long alleviated = createdId(Fixtures.household());
		assertRefused(() -> this.admin.documentName("eliminateHouseholdRisk")
			.fragmentName("householdFields")
			.variable("input", Map.of("householdId", alleviated, "eliminatedOn", "2023-09-30"))
			.execute(), "input.householdId", "CONFLICT");
		assertRefused(() -> this.admin.documentName("identifyMonitoredHousehold")
			.fragmentName("householdFields")
			.variable("input",
					Map.of("householdId", alleviated, "monitoring", Fixtures.monitoring("MARGINAL", "ILLNESS")))
			.execute(), "input.monitoring.type", "CONFLICT");
		long atRisk = createdId(with(Fixtures.household(), "monitoring", Fixtures.monitoring("MARGINAL", "ILLNESS")));
		assertRefused(() -> this.admin.documentName("identifyMonitoredHousehold")
			.fragmentName("householdFields")
			.variable("input", Map.of("householdId", atRisk, "monitoring", Fixtures.monitoring("MARGINAL", "DISASTER")))
			.execute(), "input.householdId", "CONFLICT");
		assertRefused(() -> this.admin.documentName("eliminateHouseholdRisk")
			.fragmentName("householdFields")
			.variable("input", Map.of("householdId", atRisk, "eliminatedOn", "2023-01-01"))
			.execute(), "input.eliminatedOn", "BAD_REQUEST");
		assertRefused(() -> this.admin.documentName("eliminateHouseholdRisk")
			.fragmentName("householdFields")
			.variable("input", Map.of("householdId", atRisk, "eliminatedOn", LocalDate.now().plusDays(2).toString()))
			.execute(), "input.eliminatedOn", "BAD_REQUEST");
	}

	@Test
	void membersAreAddedCorrectedAndRemoved() {
		long id = createdId(Fixtures.household());
		String childId = Fixtures.idNumber(LocalDate.of(2012, 9, 1));
		GraphQlTester.Response added = this.admin.documentName("addMember")
			.variable("input",
					Map.of("householdId", id, "relation", "CHILD", "member",
							with(Fixtures.member("张小明", childId), "schooling", "COMPULSORY")))
			.execute();
		added.path("addMember.member.birthDate").entity(String.class).isEqualTo("2012-09-01");
		long memberId = added.path("addMember.member.id").entity(Long.class).get();
		this.admin.documentName("updateMember")
			.variable("input", Map.of("id", memberId, "version", 0, "health", "DISABLED", "disabilityGrade", 3))
			.execute()
			.path("updateMember.member.disabilityGrade")
			.entity(Integer.class)
			.isEqualTo(3);
		this.admin.documentName("updateMember")
			.variable("input", Map.of("id", memberId, "health", "HEALTHY"))
			.execute()
			.path("updateMember.member.disabilityGrade")
			.valueIsNull();
		this.admin.documentName("removeMember")
			.variable("input", Map.of("id", memberId))
			.execute()
			.path("removeMember.household.members")
			.entityList(Object.class)
			.hasSize(1);
	}

	@Test
	void renamingTheHeadRenamesTheHousehold() {
		long id = createdId(Fixtures.household());
		long headId = this.jdbc.queryForObject("SELECT id FROM member WHERE household_id = ? AND relation = 'HEAD'",
				Long.class, id);
		String newId = Fixtures.idNumber(LocalDate.of(1969, 7, 7));
		this.admin.documentName("updateMember")
			.variable("input", Map.of("id", headId, "name", "张卫", "idNumber", newId))
			.execute()
			.path("updateMember.member.birthDate")
			.entity(String.class)
			.isEqualTo("1969-07-07");
		assertThat(this.jdbc.queryForMap("SELECT head_name, head_id_number FROM household WHERE id = ?", id))
			.containsEntry("head_name", "张卫")
			.containsEntry("head_id_number", newId);
	}

	@Test
	void illegalMemberChangesAreRefused() {
		Map<String, Object> first = Fixtures.household();
		long id = createdId(first);
		long headId = this.jdbc.queryForObject("SELECT id FROM member WHERE household_id = ? AND relation = 'HEAD'",
				Long.class, id);
		String otherHead = (String) ((Map<?, ?>) createdHead()).get("idNumber");
		assertRefused(() -> this.admin.documentName("addMember")
			.variable("input",
					Map.of("householdId", id, "relation", "HEAD", "member",
							Fixtures.member("李四", Fixtures.idNumber(LocalDate.of(1990, 1, 2)))))
			.execute(), "input.relation", "BAD_REQUEST");
		assertRefused(() -> this.admin.documentName("addMember")
			.variable("input",
					Map.of("householdId", id, "relation", "SIBLING", "member", Fixtures.member("李四", otherHead)))
			.execute(), "input.member.idNumber", "CONFLICT");
		assertRefused(() -> this.admin.documentName("addMember")
			.variable("input",
					Map.of("householdId", 999, "relation", "SIBLING", "member",
							Fixtures.member("李四", Fixtures.idNumber(LocalDate.of(1990, 1, 2)))))
			.execute(), "input.householdId", "NOT_FOUND");
		assertRefused(() -> this.admin.documentName("removeMember").variable("input", Map.of("id", headId)).execute(),
				"input.id", "CONFLICT");
		assertRefused(() -> this.admin.documentName("updateMember")
			.variable("input", Map.of("id", headId, "relation", "SPOUSE"))
			.execute(), "input.relation", "BAD_REQUEST");
		assertRefused(() -> this.admin.documentName("updateMember")
			.variable("input", Map.of("id", headId, "idNumber", "123"))
			.execute(), "input.idNumber", "BAD_REQUEST");
		assertRefused(() -> this.admin.documentName("updateMember")
			.variable("input", Map.of("id", headId, "disabilityGrade", 2))
			.execute(), "input.disabilityGrade", "BAD_REQUEST");
	}

	private Map<?, ?> createdHead() {
		Map<String, Object> input = Fixtures.household();
		create(input);
		return (Map<?, ?>) input.get("head");
	}

	private GraphQlTester.Response create(Map<String, Object> input) {
		GraphQlTester.Response response = this.admin.documentName("createHousehold")
			.fragmentName("householdFields")
			.variable("input", input)
			.execute();
		response.errors().verify();
		return response;
	}

	private long createdId(Map<String, Object> input) {
		return Fixtures.createHousehold(this.admin, input).id();
	}

	private void assertRefused(Supplier<GraphQlTester.Response> request, String field, String classification) {
		Refusals.assertRefused(this.jdbc, request, field, classification, TABLES);
	}

}
