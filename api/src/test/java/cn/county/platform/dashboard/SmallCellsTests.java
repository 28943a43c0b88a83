package cn.county.platform.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.county.platform.dashboard.SmallCells.Cell;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule alone: small cells withheld, and complements until no relation has exactly one
 * withheld cell.
 */
@Tag("fast")
class SmallCellsTests {

	private static Cell cell(String area, String id) {
		return new Cell(area, id);
	}

	@Test
	void aBreakdownWithOneSmallCellLosesItsNextSmallestToo() {
		Map<Cell, Long> values = new LinkedHashMap<>();
		values.put(cell("v1", "byGrade/A"), 12L);
		values.put(cell("v1", "byGrade/B"), 3L);
		values.put(cell("v1", "byGrade/C"), 7L);
		values.put(cell("v1", "byGrade/D"), 9L);
		Set<Cell> withheld = SmallCells.withheld(values, List.of(List.copyOf(values.keySet())), 5);
		assertThat(withheld).containsExactlyInAnyOrder(cell("v1", "byGrade/B"), cell("v1", "byGrade/C"));
	}

	@Test
	void zeroIsTheSmallestComplementAndTwoSmallCellsNeedNone() {
		Map<Cell, Long> values = new LinkedHashMap<>();
		values.put(cell("v1", "k/A"), 12L);
		values.put(cell("v1", "k/B"), 3L);
		values.put(cell("v1", "k/C"), 0L);
		assertThat(SmallCells.withheld(values, List.of(List.copyOf(values.keySet())), 5))
			.containsExactlyInAnyOrder(cell("v1", "k/B"), cell("v1", "k/C"));
		values.put(cell("v1", "k/C"), 2L);
		assertThat(SmallCells.withheld(values, List.of(List.copyOf(values.keySet())), 5))
			.containsExactlyInAnyOrder(cell("v1", "k/B"), cell("v1", "k/C"));
	}

	@Test
	void aComplementInOneVillageIsCoveredAcrossTheTownsVillagesAndSoOn() {
		// two villages, one breakdown of two keys each: v1's small A forces v1's B (row),
		// then B and A across the
		// villages force v2's B and A (columns), which leaves v2's row with two withheld
		// cells: stable
		Map<Cell, Long> values = new LinkedHashMap<>();
		values.put(cell("v1", "k/A"), 2L);
		values.put(cell("v1", "k/B"), 8L);
		values.put(cell("v2", "k/A"), 6L);
		values.put(cell("v2", "k/B"), 9L);
		List<List<Cell>> relations = new java.util.ArrayList<>();
		relations.add(List.of(cell("v1", "k/A"), cell("v1", "k/B")));
		relations.add(List.of(cell("v2", "k/A"), cell("v2", "k/B")));
		relations.addAll(SmallCells.acrossVillages(values.keySet()));
		Set<Cell> withheld = SmallCells.withheld(values, relations, 5);
		assertThat(withheld).hasSize(4);
		for (List<Cell> relation : relations) {
			assertThat(relation.stream().filter(withheld::contains).count()).as(relation.toString()).isNotEqualTo(1);
		}
	}

	@Test
	void nothingSmallWithholdsNothing() {
		Map<Cell, Long> values = Map.of(cell("v1", "k/A"), 0L, cell("v1", "k/B"), 5L);
		assertThat(SmallCells.withheld(values, List.of(List.copyOf(values.keySet())), 5)).isEmpty();
	}

}
