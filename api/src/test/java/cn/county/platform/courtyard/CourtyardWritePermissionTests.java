package cn.county.platform.courtyard;

import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.DepartmentOfficers;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.county.platform.courtyard.CourtyardFixtures.assertForbidden;
import static cn.county.platform.courtyard.CourtyardFixtures.assertRefused;
import static cn.county.platform.courtyard.CourtyardFixtures.changeStatus;
import static cn.county.platform.courtyard.CourtyardFixtures.designate;
import static cn.county.platform.courtyard.CourtyardFixtures.nominate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may write the courtyard economy, with real tokens: the county, town officials in
 * their own town, and the AGRICULTURE department county-wide. Village cadres, other
 * departments and dashboard viewers may not.
 */
class CourtyardWritePermissionTests extends AbstractPlatformTests {

	long inFirstTown;

	long inOtherTown;

	@BeforeEach
	void setUp() {
		HttpGraphQlTester admin = this.admin;
		this.inFirstTown = Fixtures.createHousehold(admin, Fixtures.VILLAGE).id();
		this.inOtherTown = Fixtures.createHousehold(admin, Fixtures.OTHER_TOWN_VILLAGE).id();
	}

	@Test
	void agricultureOfficerNominatesApprovesAndDesignatesAnywhereInTheCounty() {
		String username = DepartmentOfficers.of("AGRICULTURE");
		HttpGraphQlTester officer = this.clients.as(username);
		long first = CourtyardFixtures.nominated(officer, CourtyardFixtures.nomination(this.inFirstTown));
		long other = CourtyardFixtures.nominated(officer, CourtyardFixtures.nomination(this.inOtherTown));
		changeStatus(officer, first, "APPROVED").path("changeCourtyardStatus.courtyardHousehold.decidedBy")
			.entity(String.class)
			.isEqualTo(username);
		changeStatus(officer, other, "REVOKED").errors().verify();
		int year = CourtyardFixtures.freeYears(this.jdbc);
		designate(officer, Fixtures.OTHER_TOWN, Fixtures.OTHER_TOWN_VILLAGE, year).errors().verify();
		assertThat(this.jdbc.queryForObject(
				"SELECT designated_by FROM demonstration_village WHERE town_code = ?" + " AND year = ?", String.class,
				Fixtures.OTHER_TOWN, year))
			.isEqualTo(username);
	}

	@Test
	void townOfficialWritesInTheirTownOnly() {
		HttpGraphQlTester official = this.clients.townOfficial();
		long record = CourtyardFixtures.nominated(official, CourtyardFixtures.nomination(this.inFirstTown));
		changeStatus(official, record, "APPROVED").errors().verify();
		int year = CourtyardFixtures.freeYears(this.jdbc);
		designate(official, Fixtures.TOWN, Fixtures.VILLAGE, year).errors().verify();
		assertRefused(this.jdbc, () -> designate(official, Fixtures.OTHER_TOWN, Fixtures.OTHER_TOWN_VILLAGE, year),
				"input.townCode", "FORBIDDEN");
		assertRefused(this.jdbc, () -> nominate(official, CourtyardFixtures.nomination(this.inOtherTown)),
				"input.householdId", "NOT_FOUND");
	}

	@Test
	void townOfficialOfAnotherTownCannotTouchTheFirstTown() {
		HttpGraphQlTester official = this.clients.otherTownOfficial();
		long record = CourtyardFixtures.nominated(this.admin, CourtyardFixtures.nomination(this.inFirstTown));
		assertRefused(this.jdbc, () -> nominate(official, CourtyardFixtures.nomination(this.inFirstTown)),
				"input.householdId", "NOT_FOUND");
		assertRefused(this.jdbc, () -> changeStatus(official, record, "APPROVED"), "input.id", "NOT_FOUND");
		assertRefused(this.jdbc,
				() -> official.documentName("updateCourtyardHousehold")
					.fragmentName("courtyardFields")
					.variable("input", Map.of("id", record, "income", 1))
					.execute(),
				"input.id", "NOT_FOUND");
		int year = CourtyardFixtures.freeYears(this.jdbc);
		assertRefused(this.jdbc, () -> designate(official, Fixtures.TOWN, Fixtures.VILLAGE, year), "input.townCode",
				"FORBIDDEN");
	}

	@Test
	void villageCadreCannotWriteCourtyardRecordsEvenInTheirVillage() {
		HttpGraphQlTester cadre = this.clients.villageCadre();
		assertForbidden(this.jdbc, () -> nominate(cadre, CourtyardFixtures.nomination(this.inFirstTown)));
		int year = CourtyardFixtures.freeYears(this.jdbc);
		assertForbidden(this.jdbc, () -> designate(cadre, Fixtures.TOWN, Fixtures.VILLAGE, year));
	}

	@Test
	void hrssOfficerCannotWriteCourtyardRecords() {
		HttpGraphQlTester officer = this.clients.hrssOfficer();
		long record = CourtyardFixtures.nominated(this.admin, CourtyardFixtures.nomination(this.inFirstTown));
		assertForbidden(this.jdbc, () -> nominate(officer, CourtyardFixtures.nomination(this.inOtherTown)));
		assertForbidden(this.jdbc, () -> changeStatus(officer, record, "APPROVED"));
		int year = CourtyardFixtures.freeYears(this.jdbc);
		assertForbidden(this.jdbc, () -> designate(officer, Fixtures.TOWN, Fixtures.VILLAGE, year));
	}

	@Test
	void dashboardViewerCannotWrite() {
		HttpGraphQlTester viewer = this.clients.dashboardViewer();
		GraphQlTester.Response nomination = nominate(viewer, CourtyardFixtures.nomination(this.inFirstTown));
		nomination.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
		int year = CourtyardFixtures.freeYears(this.jdbc);
		assertForbidden(this.jdbc, () -> designate(viewer, Fixtures.TOWN, Fixtures.VILLAGE, year));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM courtyard_household WHERE household_id = ?",
				Long.class, this.inFirstTown))
			.isZero();
	}

}
