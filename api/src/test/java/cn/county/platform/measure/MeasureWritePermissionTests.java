package cn.county.platform.measure;

import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.county.platform.measure.MeasureFixtures.assertForbidden;
import static cn.county.platform.measure.MeasureFixtures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may record help, with real tokens: the county, town officials in their town and
 * village cadres in their village. A household outside the caller's scope answers as if
 * it did not exist.
 */
class MeasureWritePermissionTests extends AbstractPlatformTests {

	long inCadresVillage;

	long inNeighbourVillage;

	long inOtherTown;

	@BeforeEach
	void setUp() {
		HttpGraphQlTester admin = this.admin;
		this.inCadresVillage = Fixtures.createHousehold(admin, Fixtures.VILLAGE).id();
		this.inNeighbourVillage = Fixtures.createHousehold(admin, MeasureFixtures.NEIGHBOUR_VILLAGE).id();
		this.inOtherTown = Fixtures.createHousehold(admin, Fixtures.OTHER_TOWN_VILLAGE).id();
	}

	@Test
	void villageCadreRecordsAVisitAndAMeasureInTheirVillage() {
		HttpGraphQlTester cadre = this.clients.villageCadre();
		GraphQlTester.Response visit = recordVisit(cadre, this.inCadresVillage);
		visit.errors().verify();
		visit.path("recordVisit.visit.cadre").entity(String.class).isEqualTo("village.cadre");
		long measure = MeasureFixtures.recordMeasure(cadre, MeasureFixtures.measure(this.inCadresVillage));
		cadre.documentName("changeMeasureStatus")
			.fragmentName("measureFields")
			.variable("input", Map.of("id", measure, "status", "COMPLETED"))
			.execute()
			.path("changeMeasureStatus.measure.recordedBy")
			.entity(String.class)
			.isEqualTo("village.cadre");
	}

	@Test
	void villageCadreCannotRecordAVisitOrAMeasureInAnotherVillage() {
		HttpGraphQlTester cadre = this.clients.villageCadre();
		assertRefused(this.jdbc, () -> recordVisit(cadre, this.inNeighbourVillage), "input.householdId", "NOT_FOUND");
		assertRefused(this.jdbc, () -> recordMeasure(cadre, this.inNeighbourVillage), "input.householdId", "NOT_FOUND");
		long measure = MeasureFixtures.recordMeasure(this.admin, MeasureFixtures.measure(this.inNeighbourVillage));
		assertRefused(this.jdbc, () -> changeStatus(cadre, measure), "input.id", "NOT_FOUND");
		assertRefused(this.jdbc,
				() -> cadre.documentName("updateMeasure")
					.fragmentName("measureFields")
					.variable("input", Map.of("id", measure, "amount", 1))
					.execute(),
				"input.id", "NOT_FOUND");
	}

	@Test
	void townOfficialRecordsInTheirTown() {
		HttpGraphQlTester official = this.clients.townOfficial();
		recordVisit(official, this.inNeighbourVillage).errors().verify();
		long measure = MeasureFixtures.recordMeasure(official, MeasureFixtures.measure(this.inNeighbourVillage));
		changeStatus(official, measure).errors().verify();
	}

	@Test
	void townOfficialOfAnotherTownCannotTouchTheFirstTown() {
		HttpGraphQlTester official = this.clients.otherTownOfficial();
		long measure = MeasureFixtures.recordMeasure(this.admin, MeasureFixtures.measure(this.inCadresVillage));
		assertRefused(this.jdbc, () -> recordVisit(official, this.inCadresVillage), "input.householdId", "NOT_FOUND");
		assertRefused(this.jdbc, () -> recordMeasure(official, this.inCadresVillage), "input.householdId", "NOT_FOUND");
		assertRefused(this.jdbc, () -> changeStatus(official, measure), "input.id", "NOT_FOUND");
		// and in their own town they may
		recordVisit(official, this.inOtherTown).errors().verify();
	}

	@Test
	void hrssOfficerCannotRecordAMeasureOrAVisit() {
		HttpGraphQlTester officer = this.clients.hrssOfficer();
		assertForbidden(this.jdbc, () -> recordMeasure(officer, this.inCadresVillage));
		assertForbidden(this.jdbc, () -> recordVisit(officer, this.inCadresVillage));
	}

	@Test
	void dashboardViewerCannotWrite() {
		HttpGraphQlTester viewer = this.clients.dashboardViewer();
		long measure = MeasureFixtures.recordMeasure(this.admin, MeasureFixtures.measure(this.inCadresVillage));
		assertForbidden(this.jdbc, () -> recordMeasure(viewer, this.inCadresVillage));
		assertForbidden(this.jdbc, () -> recordVisit(viewer, this.inCadresVillage));
		assertForbidden(this.jdbc, () -> changeStatus(viewer, measure));
		assertThat(
				this.jdbc.queryForObject("SELECT status FROM assistance_measure WHERE id = ?", String.class, measure))
			.isEqualTo("IN_PROGRESS");
	}

	@Test
	void partnersCannotWrite() {
		HttpGraphQlTester bank = this.clients.bank();
		assertForbidden(this.jdbc, () -> recordVisit(bank, this.inCadresVillage));
	}

	private static GraphQlTester.Response recordVisit(HttpGraphQlTester caller, long household) {
		return caller.documentName("recordVisit")
			.fragmentName("visitFields")
			.variable("input", Map.of("householdId", household, "visitedOn", "2023-10-10"))
			.execute();
	}

	private static GraphQlTester.Response recordMeasure(HttpGraphQlTester caller, long household) {
		return caller.documentName("recordMeasure")
			.fragmentName("measureFields")
			.variable("input", MeasureFixtures.measure(household))
			.execute();
	}

	private static GraphQlTester.Response changeStatus(HttpGraphQlTester caller, long measure) {
		return caller.documentName("changeMeasureStatus")
			.fragmentName("measureFields")
			.variable("input", Map.of("id", measure, "status", "CANCELLED"))
			.execute();
	}

}
