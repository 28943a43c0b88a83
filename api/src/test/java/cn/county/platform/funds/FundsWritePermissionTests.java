package cn.county.platform.funds;

import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.DepartmentOfficers;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.Refusals;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.county.platform.funds.FundsFixtures.TABLES;
import static cn.county.platform.funds.FundsFixtures.changeStatus;
import static cn.county.platform.funds.FundsFixtures.disburse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who does what, with real tokens: the county office and FINANCE manage funds and the
 * library; the owner department records progress and payments of its own projects; town
 * officials propose projects and record benefits in their town; village cadres, other
 * departments, dashboard viewers and partners write nothing, and partners and viewers
 * read nothing.
 */
class FundsWritePermissionTests extends AbstractPlatformTests {

	@Test
	void financeManagesAllocationsTheLibraryAndPaymentsAnywhere() {
		HttpGraphQlTester finance = this.clients.financeOfficer();
		long project = FundsFixtures.proposed(finance,
				FundsFixtures.proposal(Fixtures.OTHER_TOWN, Fixtures.OTHER_TOWN_VILLAGE, "INDUSTRY", "AGRICULTURE"));
		FundsFixtures.moveTo(finance, project, "APPROVED");
		long allocation = FundsFixtures.allocation(finance, 50_000);
		FundsFixtures.split(finance, allocation, project, 50_000).errors().verify();
		disburse(finance, project, 20_000, null).path("recordDisbursement.disbursement.recordedBy")
			.entity(String.class)
			.isEqualTo("finance.officer");
		changeStatus(finance, project, "UNDER_CONSTRUCTION").errors().verify();
	}

	@Test
	void theOwnerDepartmentRecordsProgressAndPaymentsOfItsOwnProjectsOnly() {
		HttpGraphQlTester water = this.clients.as(DepartmentOfficers.of("WATER"));
		long own = FundsFixtures.fundedProject(this.admin, FundsFixtures.proposal(), 80_000);
		long other = FundsFixtures.fundedProject(this.admin,
				FundsFixtures.proposal(Fixtures.TOWN, Fixtures.VILLAGE, "HOUSING", "HOUSING"), 80_000);
		changeStatus(water, own, "UNDER_CONSTRUCTION").errors().verify();
		disburse(water, own, 10_000, null).errors().verify();
		changeStatus(water, own, "COMPLETED").errors().verify();
		Refusals.assertRefused(this.jdbc, () -> changeStatus(water, own, "ACCEPTED"), "input.status", "FORBIDDEN",
				TABLES);
		Refusals.assertRefused(this.jdbc, () -> changeStatus(water, other, "UNDER_CONSTRUCTION"), "input.id",
				"FORBIDDEN", TABLES);
		Refusals.assertRefused(this.jdbc, () -> disburse(water, other, 1_000, null), "input.projectId", "FORBIDDEN",
				TABLES);
		Refusals.assertForbidden(this.jdbc, () -> FundsFixtures.recordAllocation(water, 1_000), TABLES);
		Refusals.assertForbidden(this.jdbc, () -> FundsFixtures.propose(water, FundsFixtures.proposal()), TABLES);
		// another department: no payment on the water project either
		Refusals.assertRefused(this.jdbc, () -> disburse(this.clients.hrssOfficer(), own, 1_000, null),
				"input.projectId", "FORBIDDEN", TABLES);
	}

	@Test
	void townOfficialsProposeAndRecordBenefitsInTheirTownOnly() {
		HttpGraphQlTester official = this.clients.townOfficial();
		long project = FundsFixtures.proposed(official, FundsFixtures.proposal());
		assertThat(this.jdbc.queryForObject("SELECT proposed_by FROM project WHERE id = ?", String.class, project))
			.isEqualTo("town.official");
		Refusals.assertRefused(this.jdbc,
				() -> FundsFixtures.propose(official,
						FundsFixtures.proposal(Fixtures.OTHER_TOWN, Fixtures.OTHER_TOWN_VILLAGE, "WATER", "WATER")),
				"input.townCode", "FORBIDDEN", TABLES);
		Refusals.assertForbidden(this.jdbc, () -> changeStatus(official, project, "REVIEWED"), TABLES);
		long funded = FundsFixtures.fundedProject(this.admin, FundsFixtures.proposal(), 10_000);
		Refusals.assertForbidden(this.jdbc, () -> disburse(official, funded, 1_000, null), TABLES);
		long household = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE).id();
		benefit(official, funded, household).path("recordProjectBenefit.benefit.amount").hasValue();
		long otherTown = FundsFixtures.fundedProject(this.admin,
				FundsFixtures.proposal(Fixtures.OTHER_TOWN, Fixtures.OTHER_TOWN_VILLAGE, "WATER", "WATER"), 10_000);
		Refusals.assertRefused(this.jdbc, () -> benefit(official, otherTown, household), "input.projectId", "NOT_FOUND",
				TABLES);
		Refusals.assertRefused(this.jdbc, () -> benefit(this.clients.otherTownOfficial(), funded, household),
				"input.projectId", "NOT_FOUND", TABLES);
		income(official, Fixtures.VILLAGE).path("recordCollectiveIncome.income.amount").hasValue();
		Refusals.assertRefused(this.jdbc, () -> income(official, Fixtures.OTHER_TOWN_VILLAGE), "input.villageCode",
				"FORBIDDEN", TABLES);
	}

	@Test
	void villageCadresViewersAndPartnersWriteNothing() {
		long project = FundsFixtures.fundedProject(this.admin, FundsFixtures.proposal(), 10_000);
		for (HttpGraphQlTester caller : new HttpGraphQlTester[] { this.clients.villageCadre(),
				this.clients.dashboardViewer(), this.clients.insurer() }) {
			Refusals.assertForbidden(this.jdbc, () -> FundsFixtures.propose(caller, FundsFixtures.proposal()), TABLES);
			Refusals.assertForbidden(this.jdbc, () -> changeStatus(caller, project, "UNDER_CONSTRUCTION"), TABLES);
			Refusals.assertForbidden(this.jdbc, () -> disburse(caller, project, 1_000, null), TABLES);
			Refusals.assertForbidden(this.jdbc, () -> FundsFixtures.recordAllocation(caller, 1_000), TABLES);
		}
	}

	@Test
	void partnersAndViewersReadNoProjectWhileTownsReadTheirOwn() {
		long project = FundsFixtures.fundedProject(this.admin, FundsFixtures.proposal(), 10_000);
		long otherTown = FundsFixtures.fundedProject(this.admin,
				FundsFixtures.proposal(Fixtures.OTHER_TOWN, Fixtures.OTHER_TOWN_VILLAGE, "WATER", "WATER"), 10_000);
		for (HttpGraphQlTester caller : new HttpGraphQlTester[] { this.clients.dashboardViewer(),
				this.clients.insurer() }) {
			GraphQlTester.Response response = caller
				.document("{ projects(first: 5) { totalCount edges { node { id } } } }")
				.execute();
			response.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies(
							(error) -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
			response.path("projects").valueIsNull();
		}
		HttpGraphQlTester official = this.clients.townOfficial();
		official.document("query($id: ID!) { project(id: $id) { id } }")
			.variable("id", project)
			.execute()
			.path("project.id")
			.entity(Long.class)
			.isEqualTo(project);
		official.document("query($id: ID!) { project(id: $id) { id } }")
			.variable("id", otherTown)
			.execute()
			.path("project")
			.valueIsNull();
		assertThat(this.clients.villageCadre()
			.document("{ projects(first: 100, filter: {townCode: \"" + Fixtures.OTHER_TOWN + "\"}) { totalCount } }")
			.execute()
			.path("projects.totalCount")
			.entity(Long.class)
			.get()).isZero();
	}

	private static GraphQlTester.Response benefit(HttpGraphQlTester caller, long project, long household) {
		return caller
			.document("mutation($input: RecordProjectBenefitInput!) { recordProjectBenefit(input: $input) {"
					+ " benefit { id amount } } }")
			.variable("input",
					Map.of("projectId", project, "householdId", household, "year", 2023, "kind", "JOBS", "amount",
							3600))
			.execute();
	}

	private static GraphQlTester.Response income(HttpGraphQlTester caller, String village) {
		return caller
			.document("mutation($input: RecordCollectiveIncomeInput!) { recordCollectiveIncome(input: $input) {"
					+ " income { amount version } } }")
			.variable("input", Map.of("villageCode", village, "year", 2023, "source", "LEASING", "amount", 12000))
			.execute();
	}

}
