package cn.county.platform.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which village cells a dashboard viewer may not see: the small ones (primary
 * suppression: a count from 1 to {@code threshold - 1}) and enough others (complementary
 * suppression) that no withheld count can be worked out by subtraction from what is
 * shown.
 * <p>
 * A <em>relation</em> is a set of cells whose sum the viewer knows or may know: a
 * breakdown (its keys add up to a total shown, or one the viewer can get), a total with
 * its breakdown ({@code households.total} and {@code byCategory}), or one figure over the
 * villages of a town (they add up to the town's figure, which is shown). A relation with
 * exactly one withheld cell gives that cell away: the known sum minus the shown cells.
 * So, until no relation has exactly one withheld cell, the smallest shown cell of each
 * such relation is withheld too (zero first, then the smallest count; ties go to the cell
 * listed first), which may expose another relation, and so on: every cell added makes the
 * set larger, so it ends. A relation of one cell is left alone: its sum is the cell, and
 * nothing can be withheld beside it.
 * <p>
 * Every cell is decided over the whole town at once, whatever the request asks for (one
 * village, a town's villages, the county's), so that two requests never withhold
 * different cells of the same village.
 */
final class SmallCells {

	private SmallCells() {
	}

	/**
	 * One number of one village: the area's code and the cell's id within the section
	 * ({@code figure/key}).
	 */
	record Cell(String area, String id) {
	}

	/**
	 * The cells to withhold.
	 * @param values every cell's count (a cell absent counts as zero)
	 * @param relations sets of cells whose sums are known
	 * @param threshold counts from 1 to {@code threshold - 1} are small
	 */
	static Set<Cell> withheld(Map<Cell, Long> values, Collection<List<Cell>> relations, int threshold) {
		Set<Cell> withheld = new HashSet<>();
		values.forEach((cell, count) -> {
			if (count > 0 && count < threshold) {
				withheld.add(cell);
			}
		});
		if (withheld.isEmpty()) {
			return withheld;
		}
		List<List<Cell>> sets = relations.stream().filter((relation) -> relation.size() > 1).toList();
		boolean changed = true;
		while (changed) {
			changed = false;
			for (List<Cell> relation : sets) {
				Cell only = null;
				int count = 0;
				for (Cell cell : relation) {
					if (withheld.contains(cell)) {
						count++;
						only = cell;
					}
				}
				if (count != 1) {
					continue;
				}
				Cell smallest = null;
				long least = Long.MAX_VALUE;
				for (Cell cell : relation) {
					long value = values.getOrDefault(cell, 0L);
					if (!cell.equals(only) && !withheld.contains(cell) && value < least) {
						smallest = cell;
						least = value;
					}
				}
				if (smallest != null) {
					withheld.add(smallest);
					changed = true;
				}
			}
		}
		return withheld;
	}

	/**
	 * The relations across villages: each cell id over every village that shows it, in
	 * village order (their sum is the town's figure).
	 */
	static List<List<Cell>> acrossVillages(Collection<Cell> cells) {
		Map<String, List<Cell>> byId = new LinkedHashMap<>();
		for (Cell cell : cells) {
			byId.computeIfAbsent(cell.id(), (id) -> new ArrayList<>()).add(cell);
		}
		return List.copyOf(byId.values());
	}

}
