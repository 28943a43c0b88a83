package cn.county.platform.security;

import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code me} tells each front end who the caller is and how it sees each household-level
 * field.
 */
class MeTests extends AbstractPlatformTests {

	private static final String ME = "{ me { username roles townCode villageCode department partnerId fieldAccess { type whole masked forbidden } } }";

	@Test
	void villageCadreSeesTheirScopeAndIdNumbersMasked() {
		GraphQlTester.Response me = this.clients.villageCadre().document(ME).execute();
		me.path("me.roles").entityList(String.class).containsExactly("VILLAGE_CADRE");
		me.path("me.townCode").entity(String.class).isEqualTo(Fixtures.TOWN);
		me.path("me.villageCode").entity(String.class).isEqualTo(Fixtures.VILLAGE);
		Map<?, ?> household = access(me, "Household");
		assertThat((List<Object>) household.get("masked")).containsExactly("headIdNumber");
		assertThat((List<Object>) household.get("whole")).contains("phone", "code", "members");
		assertThat((List<Object>) household.get("forbidden")).isEmpty();
	}

	@Test
	void departmentOfficerSeesNoPhoneAndOnlyTheirDomainsSensitiveFields() {
		GraphQlTester.Response me = this.clients.hrssOfficer().document(ME).execute();
		me.path("me.department").entity(String.class).isEqualTo("HRSS");
		// no phone; and nothing that tells health (risk causes, the warning's department
		// follow Member.health)
		assertThat((List<Object>) access(me, "Household").get("forbidden")).containsExactly("phone", "riskCauses",
				"warningSource");
		// and none of the line departments' health records (medical care, disability)
		assertThat((List<Object>) access(me, "Member").get("forbidden")).containsExactlyInAnyOrder("health",
				"disabilityGrade", "insuranceEnrolments", "illnessIdentifications", "familyDoctorContracts",
				"disabilityCertificates", "disabilityServices");
		assertThat((List<Object>) access(me, "Member").get("masked")).containsExactly("idNumber");
	}

	@Test
	void dashboardViewerSeesNoHouseholdField() {
		GraphQlTester.Response me = this.clients.dashboardViewer().document(ME).execute();
		assertThat((List<Object>) access(me, "Household").get("whole")).isEmpty();
		assertThat((List<Object>) access(me, "Member").get("whole")).isEmpty();
	}

	@Test
	void partnerInsurerIsIdentifiedAsAPartner() {
		GraphQlTester.Response me = this.clients.insurer().document(ME).execute();
		me.path("me.roles").entityList(String.class).containsExactly("PARTNER");
		me.path("me.partnerId").entity(String.class).isEqualTo("partner-insurer");
	}

	private static Map<?, ?> access(GraphQlTester.Response me, String type) {
		List<Map> types = me.path("me.fieldAccess").entityList(Map.class).get();
		return types.stream().filter((entry) -> type.equals(entry.get("type"))).findFirst().orElseThrow();
	}

}
