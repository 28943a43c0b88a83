package cn.county.platform.funds;

import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.Refusals;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who benefits: a project's households as each caller's area has them, one entry per
 * project, household, year and kind; a village's collective income replaced only with the
 * version read.
 */
class BenefitTests extends AbstractPlatformTests {

	@Test
	void aProjectsBenefitsAreTheHouseholdsOfTheCallersAreaOnly() {
		long project = FundsFixtures.fundedProject(this.admin, FundsFixtures.proposal(), 10_000);
		long own = Fixtures.createHousehold(this.admin, Fixtures.VILLAGE).id();
		long other = Fixtures.createHousehold(this.admin, Fixtures.OTHER_TOWN_VILLAGE).id();
		benefit(this.admin, project, own, "JOBS").errors().verify();
		benefit(this.admin, project, other, "LAND_RENT").errors().verify();
		Refusals.assertRefused(this.jdbc, () -> benefit(this.admin, project, own, "JOBS"), "input.kind", "CONFLICT",
				FundsFixtures.TABLES);
		assertThat(benefitsSeenBy(this.admin, project)).containsExactlyInAnyOrder(own, other);
		assertThat(benefitsSeenBy(this.clients.villageCadre(), project)).containsExactly(own);
		assertThat(benefitsSeenBy(this.clients.townOfficial(), project)).containsExactly(own);
	}

	@Test
	void collectiveIncomeIsReplacedOnlyWithTheVersionRead() {
		// a village of the first demo town other than the village cadre's
		String village = "411024100202";
		income(this.admin, village, 50_000, null).errors().verify();
		int version = income(this.admin, village, 60_000, null).path("recordCollectiveIncome.income.version")
			.entity(Integer.class)
			.get();
		Refusals.assertRefused(this.jdbc, () -> income(this.admin, village, 70_000, version - 1), null, "CONFLICT",
				FundsFixtures.TABLES);
		income(this.admin, village, 70_000, version).path("recordCollectiveIncome.income.amount").hasValue();
		assertThat(this.clients.villageCadre()
			.document("{ collectiveIncome(year: 2023) { village { code } } }")
			.execute()
			.path("collectiveIncome[*].village.code")
			.entityList(String.class)
			.get()).allMatch(Fixtures.VILLAGE::equals);
	}

	@SuppressWarnings("unchecked")
	private List<Long> benefitsSeenBy(HttpGraphQlTester caller, long project) {
		List<Map<String, Object>> benefits = caller
			.document("query($id: ID!) { project(id: $id) { benefits { householdId } } }")
			.variable("id", project)
			.execute()
			.path("project.benefits")
			.entity(List.class)
			.get();
		return benefits.stream().map((b) -> Long.valueOf(b.get("householdId").toString())).toList();
	}

	private static GraphQlTester.Response benefit(HttpGraphQlTester caller, long project, long household, String kind) {
		return caller
			.document("mutation($input: RecordProjectBenefitInput!) { recordProjectBenefit(input: $input) {"
					+ " benefit { id } } }")
			.variable("input",
					Map.of("projectId", project, "householdId", household, "year", 2023, "kind", kind, "amount", 1200))
			.execute();
	}

	private static GraphQlTester.Response income(HttpGraphQlTester caller, String village, long amount,
			Integer version) {
		Map<String, Object> input = new java.util.HashMap<>(
				Map.of("villageCode", village, "year", 2023, "source", "SERVICES", "amount", amount));
		if (version != null) {
			input.put("version", version);
		}
		return caller
			.document("mutation($input: RecordCollectiveIncomeInput!) { recordCollectiveIncome(input: $input) {"
					+ " income { amount version } } }")
			.variable("input", input)
			.execute();
	}

}
