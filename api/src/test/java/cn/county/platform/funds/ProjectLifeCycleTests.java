package cn.county.platform.funds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Refusals;
import org.junit.jupiter.api.Test;

import static cn.county.platform.funds.FundsFixtures.TABLES;
import static cn.county.platform.funds.FundsFixtures.changeStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life cycle over the API, table-driven: at every status a project can reach, each
 * legal move (from {@link ProjectStatusTest#LEGAL}) is made and every other one is
 * refused with CONFLICT naming {@code input.status}, leaving every table as it was.
 */
class ProjectLifeCycleTests extends AbstractPlatformTests {

	@Test
	void everyLegalMoveIsMadeAndEveryIllegalOneRefusedNamingInputStatus() {
		long project = FundsFixtures.proposed(this.admin, FundsFixtures.proposal());
		List<String> visited = new ArrayList<>();
		ProjectStatus current = ProjectStatus.PROPOSED;
		while (true) {
			visited.add(current.name());
			for (ProjectStatus to : ProjectStatus.values()) {
				if (!ProjectStatusTest.LEGAL.get(current).contains(to)) {
					Refusals.assertRefused(this.jdbc, () -> changeStatus(this.admin, project, to.name()),
							"input.status", "CONFLICT", TABLES);
				}
			}
			ProjectStatus next = ProjectStatusTest.LEGAL.get(current)
				.stream()
				.filter((status) -> status != ProjectStatus.REJECTED)
				.findFirst()
				.orElse(null);
			if (next == null) {
				break;
			}
			changeStatus(this.admin, project, next.name()).path("changeProjectStatus.project.status")
				.entity(String.class)
				.isEqualTo(next.name());
			current = next;
		}
		assertThat(visited).isEqualTo(FundsFixtures.CHAIN);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'Project'"
				+ " AND entity_id = ? AND operation = 'changeProjectStatus'", Long.class, project))
			.isEqualTo(FundsFixtures.CHAIN.size() - 1);
	}

	@Test
	void theReviewRecordsWhoWhenAndItsVerdictAndARejectionIsFinal() {
		long passed = FundsFixtures.proposed(this.admin, FundsFixtures.proposal());
		var review = changeStatus(this.admin, passed, "REVIEWED");
		review.path("changeProjectStatus.project.reviewVerdict").entity(String.class).isEqualTo("PASSED");
		review.path("changeProjectStatus.project.reviewedBy").entity(String.class).isEqualTo("county.admin");
		review.path("changeProjectStatus.project.reviewedOn").hasValue();
		long rejected = FundsFixtures.proposed(this.admin, FundsFixtures.proposal());
		changeStatus(this.admin, rejected, "REJECTED").path("changeProjectStatus.project.reviewVerdict")
			.entity(String.class)
			.isEqualTo("REJECTED");
		for (ProjectStatus to : ProjectStatus.values()) {
			Refusals.assertRefused(this.jdbc, () -> changeStatus(this.admin, rejected, to.name()), "input.status",
					"CONFLICT", TABLES);
		}
		// a project that passed review cannot be rejected afterwards
		Refusals.assertRefused(this.jdbc, () -> changeStatus(this.admin, passed, "REJECTED"), "input.status",
				"CONFLICT", TABLES);
	}

	@Test
	void aStaleVersionIsRefusedAndValidationNamesTheField() {
		long project = FundsFixtures.proposed(this.admin, FundsFixtures.proposal());
		Refusals.assertRefused(this.jdbc, () -> this.admin
			.document("mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { id } } }")
			.variable("input", Map.of("id", project, "version", 7, "budget", 1000))
			.execute(), null, "CONFLICT", TABLES);
		Refusals.assertRefused(this.jdbc,
				() -> FundsFixtures.propose(this.admin,
						cn.county.platform.support.Fixtures.with(FundsFixtures.proposal(), "plannedEnd", "2023-01-01")),
				"input.plannedEnd", "BAD_REQUEST", TABLES);
		Refusals.assertRefused(this.jdbc,
				() -> FundsFixtures.propose(this.admin, cn.county.platform.support.Fixtures
					.with(FundsFixtures.proposal(), "ownerDepartment", "NOBODY")),
				"input.ownerDepartment", "BAD_REQUEST", TABLES);
		this.admin.document(
				"mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { version budget } } }")
			.variable("input", Map.of("id", project, "version", 0, "budget", 1000))
			.execute()
			.path("updateProject.project.version")
			.entity(Integer.class)
			.isEqualTo(1);
	}

}
