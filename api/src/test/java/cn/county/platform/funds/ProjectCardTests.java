package cn.county.platform.funds;

import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cards on planted late projects: a project of 100,000 yuan with payments planted on
 * chosen days is carded on each milestone as its gap says, and one past its planned end
 * without acceptance is red whatever it paid.
 */
class ProjectCardTests extends AbstractPlatformTests {

	@Test
	void plantedProjectsAreCardedByTheirGapAtEachMilestoneAndPastTheirEnd() {
		// on track: 60% by 30 June, 80% by 30 September
		long onTrack = planted("2023-12-20", new String[][] { { "2023-05-20", "60000" }, { "2023-08-20", "20000" } });
		// 45%: 5 points behind 50% on 30 June (no card), 30 points behind 75% on 30
		// September (red)
		long slow = planted("2023-12-20", new String[][] { { "2023-05-20", "45000" } });
		// 35%: 15 points behind on 30 June (yellow)
		long behind = planted("2023-12-20", new String[][] { { "2023-05-20", "35000" } });
		// all paid, but its planned end (31 August) has passed without acceptance: red
		// from September on
		long pastEnd = planted("2023-08-31", new String[][] { { "2023-05-20", "100000" } });
		assertThat(cards("2023-06-30")).containsEntry(behind, "YELLOW|BEHIND_MILESTONE|2023-06-30|0.1500")
			.doesNotContainKeys(onTrack, slow, pastEnd);
		assertThat(cards("2023-09-30")).containsEntry(slow, "RED|BEHIND_MILESTONE|2023-09-30|0.3000")
			.containsEntry(behind, "RED|BEHIND_MILESTONE|2023-09-30|0.4000")
			.containsEntry(pastEnd, "RED|PAST_END_NOT_ACCEPTED|2023-09-30|0.0000")
			.doesNotContainKey(onTrack);
		// accepted: no card any more
		FundsFixtures.changeStatus(this.admin, pastEnd, "COMPLETED").errors().verify();
		FundsFixtures.changeStatus(this.admin, pastEnd, "ACCEPTED").errors().verify();
		assertThat(cards("2023-09-30")).doesNotContainKey(pastEnd);
		// a town official sees the cards of the own town only
		assertThat(this.clients.otherTownOfficial()
			.document("{ projectCards(year: 2023, asOf: \"2023-09-30\") { project { id } } }")
			.execute()
			.path("projectCards[*].project.id")
			.entityList(Long.class)
			.get()).doesNotContain(slow, behind);
	}

	private long planted(String plannedEnd, String[][] payments) {
		long project = FundsFixtures.fundedProject(this.admin,
				Fixtures.with(FundsFixtures.proposal(), "plannedEnd", plannedEnd), 100_000);
		FundsFixtures.changeStatus(this.admin, project, "UNDER_CONSTRUCTION").errors().verify();
		int n = 0;
		for (String[] payment : payments) {
			this.admin
				.document("mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) {"
						+ " disbursement { id } } }")
				.variable("input",
						Map.of("projectId", project, "paidOn", payment[0], "amount", payment[1], "voucherNumber",
								"P-" + project + "-" + (++n)))
				.execute()
				.errors()
				.verify();
		}
		return project;
	}

	@SuppressWarnings("unchecked")
	private Map<Long, String> cards(String asOf) {
		List<Map<String, Object>> cards = this.admin
			.document("query($d: Date) { projectCards(year: 2023, asOf: $d) { project { id } colour reason"
					+ " milestone { due } gap } }")
			.variable("d", asOf)
			.execute()
			.path("projectCards")
			.entity(List.class)
			.get();
		Map<Long, String> byProject = new java.util.HashMap<>();
		for (Map<String, Object> card : cards) {
			long id = Long.parseLong(((Map<String, Object>) card.get("project")).get("id").toString());
			byProject.put(id,
					card.get("colour") + "|" + card.get("reason") + "|"
							+ ((Map<String, Object>) card.get("milestone")).get("due") + "|"
							+ new java.math.BigDecimal(card.get("gap").toString()).setScale(4));
		}
		return byProject;
	}

}
