package cn.county.platform.medical;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.DepartmentOfficers;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.MemberRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.county.platform.support.Refusals.assertForbidden;
import static cn.county.platform.support.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Medical care and disability records with real tokens: who writes which
 * (MEDICAL_INSURANCE enrolments and identifications, HEALTH identifications and family
 * doctors, DISABLED_FEDERATION certificates and services, town officials enrolments and
 * services in their town), that the member's health and disability grade follow them, and
 * that they are health records: every role that may not read {@code Member.health} gets
 * neither rows nor fields.
 */
class MedicalRecordsTests extends AbstractPlatformTests {

	Fixtures.Household household;

	@BeforeEach
	void setUp() {
		this.household = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE);
	}

	@Test
	void healthAndDisabilityGradeFollowTheRecordsInForce() {
		long member = this.household.headId();
		HttpGraphQlTester insurance = this.clients.as(DepartmentOfficers.of("MEDICAL_INSURANCE"));
		HttpGraphQlTester federation = this.clients.as(DepartmentOfficers.of("DISABLED_FEDERATION"));
		long chronic = id(
				MemberRecords.identifyIllness(insurance, member, "CHRONIC", "糖尿病", LocalDate.now().minusMonths(6)),
				"identifyIllness.illnessIdentification.id");
		assertThat(health(member)).isEqualTo(Map.of("health", "CHRONIC"));
		long special = id(
				MemberRecords.identifyIllness(insurance, member, "SPECIAL", "尿毒症", LocalDate.now().minusMonths(2)),
				"identifyIllness.illnessIdentification.id");
		assertThat(health(member)).isEqualTo(Map.of("health", "SERIOUS_ILLNESS"));
		long first = id(
				MemberRecords.issueCertificate(federation, member, "PHYSICAL", 3, LocalDate.now().minusYears(1)),
				"issueDisabilityCertificate.disabilityCertificate.id");
		assertThat(health(member)).isEqualTo(Map.of("health", "DISABLED", "grade", 3));
		// a new assessment replaces the certificate in force
		long second = id(
				MemberRecords.issueCertificate(federation, member, "PHYSICAL", 2, LocalDate.now().minusDays(5)),
				"issueDisabilityCertificate.disabilityCertificate.id");
		assertThat(health(member)).isEqualTo(Map.of("health", "DISABLED", "grade", 2));
		assertThat(this.jdbc.queryForObject("SELECT revoked_on FROM disability_certificate WHERE id = ?",
				LocalDate.class, first))
			.isEqualTo(LocalDate.now().minusDays(5));
		revoke(federation, second).errors().verify();
		assertThat(health(member)).isEqualTo(Map.of("health", "SERIOUS_ILLNESS"));
		end(insurance, special, 0).errors().verify();
		assertThat(health(member)).isEqualTo(Map.of("health", "CHRONIC"));
		assertRefused(this.jdbc, () -> end(insurance, special, 1), "input.id", "CONFLICT", "illness_identification");
		end(insurance, chronic, 0).errors().verify();
		assertThat(health(member)).isEqualTo(Map.of("health", "HEALTHY"));
	}

	@Test
	void eachDepartmentWritesItsOwnMedicalRecordsCountyWide() {
		Fixtures.Household other = Fixtures.createHousehold(this.admin, Fixtures.OTHER_TOWN_VILLAGE);
		long member = other.headId();
		HttpGraphQlTester insurance = this.clients.as(DepartmentOfficers.of("MEDICAL_INSURANCE"));
		HttpGraphQlTester health = this.clients.as(DepartmentOfficers.of("HEALTH"));
		HttpGraphQlTester federation = this.clients.as(DepartmentOfficers.of("DISABLED_FEDERATION"));
		MemberRecords.enrol(insurance, member, LocalDate.now().getYear()).errors().verify();
		MemberRecords.identifyIllness(insurance, member, "CHRONIC", "高血压", LocalDate.now().minusDays(9))
			.errors()
			.verify();
		MemberRecords.identifyIllness(health, member, "CHRONIC", "冠心病", LocalDate.now().minusDays(8)).errors().verify();
		MemberRecords.signContract(health, member, LocalDate.now().minusDays(7)).errors().verify();
		MemberRecords.issueCertificate(federation, member, "VISUAL", 1, LocalDate.now().minusDays(6)).errors().verify();
		MemberRecords.recordService(federation, member, "HOME_ADAPTATION", LocalDate.now().minusDays(5))
			.errors()
			.verify();
		// each only its own
		assertForbidden(this.jdbc, () -> MemberRecords.signContract(insurance, member, LocalDate.now().minusYears(3)),
				"family_doctor_contract");
		assertForbidden(this.jdbc, () -> MemberRecords.enrol(health, member, LocalDate.now().getYear() - 1),
				"insurance_enrolment");
		assertForbidden(this.jdbc,
				() -> MemberRecords.issueCertificate(health, member, "VISUAL", 1, LocalDate.now().minusDays(1)),
				"disability_certificate");
		assertForbidden(this.jdbc,
				() -> MemberRecords.identifyIllness(federation, member, "SPECIAL", "肿瘤", LocalDate.now().minusDays(1)),
				"illness_identification", "member");
		assertRefused(this.jdbc, () -> MemberRecords.enrol(insurance, member, LocalDate.now().getYear()),
				"input.scheme", "CONFLICT", "insurance_enrolment");
	}

	@Test
	void townOfficialEnrolsAndRecordsServicesInTheirTownOnly() {
		HttpGraphQlTester official = this.clients.townOfficial();
		long own = this.household.headId();
		long elsewhere = Fixtures.createHousehold(this.admin, Fixtures.OTHER_TOWN_VILLAGE).headId();
		MemberRecords.enrol(official, own, LocalDate.now().getYear()).errors().verify();
		MemberRecords.recordService(official, own, "ASSISTIVE_DEVICE", LocalDate.now().minusDays(2)).errors().verify();
		assertRefused(this.jdbc, () -> MemberRecords.enrol(official, elsewhere, LocalDate.now().getYear()),
				"input.memberId", "NOT_FOUND", "insurance_enrolment");
		assertRefused(this.jdbc,
				() -> MemberRecords.recordService(official, elsewhere, "ASSISTIVE_DEVICE", LocalDate.now()),
				"input.memberId", "NOT_FOUND", "disability_service");
		assertForbidden(this.jdbc,
				() -> MemberRecords.identifyIllness(official, own, "CHRONIC", "高血压", LocalDate.now().minusDays(1)),
				"illness_identification");
		assertForbidden(this.jdbc, () -> MemberRecords.signContract(official, own, LocalDate.now().minusDays(1)),
				"family_doctor_contract");
		assertForbidden(this.jdbc,
				() -> MemberRecords.issueCertificate(official, own, "VISUAL", 4, LocalDate.now().minusDays(1)),
				"disability_certificate");
	}

	@Test
	void villageCadresAndOtherDepartmentsMayNotWriteMedicalOrDisabilityRecords() {
		long member = this.household.headId();
		for (HttpGraphQlTester refused : new HttpGraphQlTester[] { this.clients.villageCadre(),
				this.clients.hrssOfficer(), this.clients.as(DepartmentOfficers.of("EDUCATION")),
				this.clients.as(DepartmentOfficers.of("CIVIL_AFFAIRS")) }) {
			assertForbidden(this.jdbc, () -> MemberRecords.enrol(refused, member, LocalDate.now().getYear()),
					"insurance_enrolment");
			assertForbidden(this.jdbc, () -> MemberRecords.identifyIllness(refused, member, "CHRONIC", "高血压",
					LocalDate.now().minusDays(1)), "illness_identification", "member");
			assertForbidden(this.jdbc, () -> MemberRecords.signContract(refused, member, LocalDate.now().minusDays(1)),
					"family_doctor_contract");
			assertForbidden(this.jdbc,
					() -> MemberRecords.issueCertificate(refused, member, "VISUAL", 4, LocalDate.now().minusDays(1)),
					"disability_certificate", "member");
			assertForbidden(this.jdbc,
					() -> MemberRecords.recordService(refused, member, "ASSISTIVE_DEVICE", LocalDate.now()),
					"disability_service");
		}
	}

	@Test
	void childRehabilitationIsForChildrenAndValidationNamesTheField() {
		long member = this.household.headId();
		assertRefused(this.jdbc,
				() -> MemberRecords.recordService(this.admin, member, "CHILD_REHABILITATION", LocalDate.now()),
				"input.kind", "BAD_REQUEST", "disability_service");
		assertRefused(this.jdbc, () -> MemberRecords.issueCertificate(this.admin, member, "VISUAL", 5, LocalDate.now()),
				"input.grade", "BAD_REQUEST", "disability_certificate", "member");
		assertRefused(this.jdbc,
				() -> MemberRecords.write(this.admin, "enrolInInsurance", "EnrolInInsuranceInput", "insuranceEnrolment",
						Map.of("memberId", member, "year", 2023, "scheme", "BASIC", "premium", 380, "governmentShare",
								400, "enrolledOn", "2023-01-05")),
				"input.governmentShare", "BAD_REQUEST", "insurance_enrolment");
	}

	/**
	 * For every role: who reads {@code Member.health} sees the records; everyone else
	 * gets each list refused whole, with no row loaded.
	 */
	@Test
	void onlyCallersWhoReadHealthSeeMedicalAndDisabilityRecords() {
		MemberRecords.plantOneOfEach(this.admin, this.household.headId());
		String query = "query($id: ID!) { household(id: $id) { members { insuranceEnrolments { id scheme }"
				+ " illnessIdentifications { id disease } familyDoctorContracts { id doctor }"
				+ " disabilityCertificates { id kind } disabilityServices { id description } } } }";
		List<String> lists = List.of("insuranceEnrolments", "illnessIdentifications", "familyDoctorContracts",
				"disabilityCertificates", "disabilityServices");
		for (HttpGraphQlTester reader : new HttpGraphQlTester[] { this.admin, this.clients.townOfficial(),
				this.clients.villageCadre(), this.clients.as(DepartmentOfficers.of("HEALTH")),
				this.clients.as(DepartmentOfficers.of("MEDICAL_INSURANCE")),
				this.clients.as(DepartmentOfficers.of("CIVIL_AFFAIRS")),
				this.clients.as(DepartmentOfficers.of("DISABLED_FEDERATION")) }) {
			GraphQlTester.Response response = reader.document(query).variable("id", this.household.id()).execute();
			response.errors().verify();
			for (String list : lists) {
				response.path("household.members[0]." + list).entityList(Object.class).hasSize(1);
			}
		}
		for (HttpGraphQlTester blind : new HttpGraphQlTester[] { this.clients.hrssOfficer(),
				this.clients.financeOfficer(), this.clients.commerceOfficer(),
				this.clients.as(DepartmentOfficers.of("EDUCATION")),
				this.clients.as(DepartmentOfficers.of("AGRICULTURE")) }) {
			GraphQlTester.Response response = blind.document(query).variable("id", this.household.id()).execute();
			response.errors().satisfy((errors) -> {
				assertThat(errors).hasSize(lists.size())
					.allSatisfy((ResponseError error) -> assertThat(error.getExtensions())
						.containsEntry("classification", "FORBIDDEN"));
				assertThat(errors).extracting(ResponseError::getPath)
					.containsExactlyInAnyOrderElementsOf(
							lists.stream().map((list) -> "household.members[0]." + list).toList());
			});
			for (String list : lists) {
				response.path("household.members[0]." + list).valueIsNull();
			}
		}
		// the dashboard viewer reaches no household at all, the partner no unapproved
		// field
		for (HttpGraphQlTester outside : new HttpGraphQlTester[] { this.clients.dashboardViewer(),
				this.clients.insurer() }) {
			GraphQlTester.Response response = outside.document(query).variable("id", this.household.id()).execute();
			response.errors()
				.satisfy((errors) -> assertThat(errors).isNotEmpty()
					.allSatisfy((ResponseError error) -> assertThat(error.getExtensions())
						.containsEntry("classification", "FORBIDDEN")));
			response.path("household.members[0].insuranceEnrolments[0]").pathDoesNotExist();
		}
	}

	@Test
	void healthDepartmentSeesCertificatesButNotTheirGrade() {
		MemberRecords.issueCertificate(this.admin, this.household.headId(), "HEARING", 3, LocalDate.now().minusDays(3))
			.errors()
			.verify();
		GraphQlTester.Response response = this.clients.as(DepartmentOfficers.of("HEALTH"))
			.document("query($id: ID!) { household(id: $id) { members { disabilityCertificates { kind grade } } } }")
			.variable("id", this.household.id())
			.execute();
		response.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.getPath()).isEqualTo("household.members[0].disabilityCertificates[0].grade");
			assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
		}));
		response.path("household.members[0].disabilityCertificates[0].kind").entity(String.class).isEqualTo("HEARING");
	}

	private Map<String, Object> health(long member) {
		Map<String, Object> row = this.jdbc.queryForMap("SELECT health, disability_grade FROM member WHERE id = ?",
				member);
		return (row.get("disability_grade") == null) ? Map.of("health", row.get("health"))
				: Map.of("health", row.get("health"), "grade", ((Number) row.get("disability_grade")).intValue());
	}

	private GraphQlTester.Response end(HttpGraphQlTester caller, long id, int version) {
		return MemberRecords.write(caller, "endIllnessIdentification", "EndIllnessIdentificationInput",
				"illnessIdentification", Map.of("id", id, "version", version, "endedOn", LocalDate.now().toString()));
	}

	private GraphQlTester.Response revoke(HttpGraphQlTester caller, long id) {
		return MemberRecords.write(caller, "revokeDisabilityCertificate", "RevokeDisabilityCertificateInput",
				"disabilityCertificate", Map.of("id", id, "revokedOn", LocalDate.now().toString()));
	}

	private static long id(GraphQlTester.Response response, String path) {
		return response.path(path).entity(Long.class).get();
	}

}
