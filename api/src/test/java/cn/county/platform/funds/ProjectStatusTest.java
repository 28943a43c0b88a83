package cn.county.platform.funds;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static cn.county.platform.funds.ProjectStatus.ACCEPTED;
import static cn.county.platform.funds.ProjectStatus.APPROVED;
import static cn.county.platform.funds.ProjectStatus.COMPLETED;
import static cn.county.platform.funds.ProjectStatus.HANDED_OVER;
import static cn.county.platform.funds.ProjectStatus.IN_LIBRARY;
import static cn.county.platform.funds.ProjectStatus.PROPOSED;
import static cn.county.platform.funds.ProjectStatus.REJECTED;
import static cn.county.platform.funds.ProjectStatus.REVIEWED;
import static cn.county.platform.funds.ProjectStatus.UNDER_CONSTRUCTION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life cycle as a table: for every status, the one set of statuses it may move to;
 * every other pair (staying put included) is illegal.
 */
@Tag("fast")
class ProjectStatusTest {

	static final Map<ProjectStatus, Set<ProjectStatus>> LEGAL = Map.of(PROPOSED, EnumSet.of(REVIEWED, REJECTED),
			REVIEWED, EnumSet.of(IN_LIBRARY), REJECTED, EnumSet.noneOf(ProjectStatus.class), IN_LIBRARY,
			EnumSet.of(APPROVED), APPROVED, EnumSet.of(UNDER_CONSTRUCTION), UNDER_CONSTRUCTION, EnumSet.of(COMPLETED),
			COMPLETED, EnumSet.of(ACCEPTED), ACCEPTED, EnumSet.of(HANDED_OVER), HANDED_OVER,
			EnumSet.noneOf(ProjectStatus.class));

	@ParameterizedTest
	@EnumSource(ProjectStatus.class)
	void everyMoveFromAStatusIsLegalExactlyWhenTheTableSaysSo(ProjectStatus from) {
		assertThat(LEGAL).containsKey(from);
		for (ProjectStatus to : ProjectStatus.values()) {
			assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(LEGAL.get(from).contains(to));
		}
	}

}
