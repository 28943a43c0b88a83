package cn.county.platform.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.county.platform.support.MapperTest;
import cn.county.platform.support.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's statements on the real database, over rows of known shape and nothing
 * else: each level groups by its own area, an area limits the rows, and the figures with
 * a rule in their SQL (unsafe housing, monitored households at risk without an open
 * measure, risk causes through their household) count what the rule says.
 */
@MapperTest
class DashboardMapperTests {

	static final LocalDate AS_OF = LocalDate.of(2023, 12, 31);

	@Autowired
	DashboardMapper dashboard;

	@Autowired
	JdbcTemplate jdbc;

	Rows rows;

	Rows.Geography area;

	@BeforeEach
	void writeRows() {
		this.rows = new Rows(this.jdbc);
		this.area = this.rows.geography("90001");
		long a = this.rows.household(this.area.town(), this.area.village(), "D-A", "赵一");
		this.rows.household(this.area.town(), this.area.village(), "D-B", "赵二");
		long atRisk = this.rows.household(this.area.town(), this.area.neighbour(), "D-C", "赵三", "MONITORED",
				"NOT_ELIMINATED", "D");
		long helped = this.rows.household(this.area.town(), this.area.neighbour(), "D-D", "赵四", "MONITORED",
				"NOT_ELIMINATED", "B");
		long helpedOnce = this.rows.household(this.area.otherTown(), this.area.otherVillage(), "D-E", "赵五", "MONITORED",
				"NOT_ELIMINATED", "C");
		this.rows.household(this.area.otherTown(), this.area.otherVillage(), "D-F", "赵六", "MONITORED", "ELIMINATED",
				"A");
		this.rows.measure(helped, "IN_PROGRESS");
		this.rows.measure(helpedOnce, "COMPLETED");
		this.rows.measure(atRisk, "CANCELLED");
		this.rows.riskCause(atRisk, "ILLNESS");
		this.rows.riskCause(helped, "ILLNESS");
		this.rows.riskCause(helpedOnce, "DISASTER");
		this.rows.riskCause(a, "ILLNESS");
	}

	@Test
	void householdFiguresAreGroupedByTheLevelsArea() {
		Map<String, Long> byTown = sum(this.dashboard.households(query("TOWN", null, null)));
		assertThat(byTown).containsEntry(this.area.town() + "/total/", 4L)
			.containsEntry(this.area.otherTown() + "/total/", 2L)
			.containsEntry(this.area.town() + "/byCategory/MONITORED", 2L)
			.containsEntry(this.area.town() + "/byCategory/ALLEVIATED", 2L)
			.containsEntry(this.area.otherTown() + "/byRiskStatus/ELIMINATED", 1L)
			.containsEntry(this.area.town() + "/housingUnsafe/", 1L)
			.containsEntry(this.area.otherTown() + "/housingUnsafe/", 1L);
		Map<String, Long> county = sum(this.dashboard.households(query("COUNTY", null, null)));
		assertThat(county).containsEntry("COUNTY/total/", 6L).containsEntry("COUNTY/housingUnsafe/", 2L);
	}

	@Test
	void anAreaLimitsTheRowsToItsVillages() {
		Map<String, Long> villages = sum(this.dashboard.households(query("VILLAGE", this.area.town(), null)));
		assertThat(villages).containsEntry(this.area.village() + "/total/", 2L)
			.containsEntry(this.area.neighbour() + "/total/", 2L);
		assertThat(villages.keySet())
			.allMatch((key) -> key.startsWith(this.area.village()) || key.startsWith(this.area.neighbour()));
		Map<String, Long> oneVillage = sum(
				this.dashboard.households(query("VILLAGE", this.area.town(), this.area.neighbour())));
		assertThat(oneVillage).containsEntry(this.area.neighbour() + "/total/", 2L);
		assertThat(oneVillage.keySet()).allMatch((key) -> key.startsWith(this.area.neighbour()));
	}

	@Test
	void monitoredHouseholdsAtRiskCountOnlyWithoutAPlannedOrRunningMeasure() {
		assertThat(sum(this.dashboard.atRisk(query("TOWN", null, null))))
			.containsEntry(this.area.town() + "/atRiskWithoutOpenMeasure/", 1L)
			.containsEntry(this.area.otherTown() + "/atRiskWithoutOpenMeasure/", 1L);
		assertThat(sum(this.dashboard.atRisk(query("COUNTY", null, null))))
			.containsExactlyEntriesOf(Map.of("COUNTY/atRiskWithoutOpenMeasure/", 2L));
	}

	@Test
	void riskCausesReachTheirAreaThroughTheirHousehold() {
		assertThat(sum(this.dashboard.riskCauses(query("TOWN", null, null)))).containsExactlyEntriesOf(new TreeMap<>(Map
			.of(this.area.town() + "/byRiskCause/ILLNESS", 3L, this.area.otherTown() + "/byRiskCause/DISASTER", 1L)));
		assertThat(sum(this.dashboard.riskCauses(query("VILLAGE", this.area.town(), this.area.neighbour()))))
			.containsExactlyEntriesOf(Map.of(this.area.neighbour() + "/byRiskCause/ILLNESS", 2L));
	}

	@Test
	void theTownsOfHouseholdsAreEachNamedOnce() {
		List<Long> ids = this.jdbc.queryForList("SELECT id FROM household WHERE code LIKE 'D-%'", Long.class);
		assertThat(this.dashboard.selectTownCodesOfHouseholds(ids)).containsExactlyInAnyOrder(this.area.town(),
				this.area.otherTown());
	}

	/**
	 * Figure rows added up by area, figure and key, in key order:
	 * {@code area/figure/key -> count}.
	 */
	private static Map<String, Long> sum(List<FigureRow> rows) {
		Map<String, Long> sums = new TreeMap<>();
		for (FigureRow row : rows) {
			sums.merge(row.area() + "/" + row.figure() + "/" + row.key(), row.count(), Long::sum);
		}
		sums.values().removeIf((count) -> count == 0);
		return sums;
	}

	/**
	 * The year 2023 as of its last day, at the level, within the town or village when
	 * given.
	 */
	private static SectionQuery query(String level, String townCode, String villageCode) {
		return new SectionQuery(level, townCode, villageCode, null, !"COUNTY".equals(level) || townCode != null,
				LocalDate.of(2023, 1, 1), AS_OF, AS_OF, 2023, LocalDate.of(2023, 1, 1), AS_OF.minusYears(16),
				AS_OF.minusYears(6), AS_OF.minusMonths(3), AS_OF.minusMonths(1), List.of(), List.of(), "2023-01",
				"2023-12", List.of(), 10);
	}

}
