package cn.county.platform.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The dashboard's SQL (DashboardMapper.xml). Statements that read a large table do it in
 * one pass and return one wide row per area, or a small cube; the default methods here
 * turn those into {@link FigureRow}s.
 */
@Mapper
interface DashboardMapper {

	List<Map<String, Object>> householdCube(SectionQuery query);

	List<FigureRow> riskCauses(SectionQuery query);

	List<Map<String, Object>> memberTotals(SectionQuery query);

	List<Map<String, Object>> certifiedTotals(SectionQuery query);

	List<FigureRow> jobs(SectionQuery query);

	List<FigureRow> atRisk(SectionQuery query);

	List<FigureRow> measureCube(SectionQuery query);

	List<Map<String, Object>> loanTotals(SectionQuery query);

	List<FigureRow> loanEvents(SectionQuery query);

	List<FigureRow> sales(SectionQuery query);

	List<FigureRow> courtyard(SectionQuery query);

	/** Linkage funds and projects of the period's year, with the cards on asOf. */
	List<FigureRow> funds(SectionQuery query);

	List<FigureRow> visitWeeks(SectionQuery query);

	/**
	 * Social-assistance enrolments by kind and payments of the period by kind, one pass
	 * over each table.
	 */
	List<FigureRow> assistance(SectionQuery query);

	// ---- the rollup (DashboardRollup) ----

	List<FigureRow> visitRollup(SectionQuery query);

	/**
	 * The area's towns with their stored figures of one statement, null where not
	 * current: maps of area, figures.
	 */
	List<Map<String, Object>> selectRollup(@Param("params") String params, @Param("statement") String statement,
			@Param("townCode") String townCode);

	/** Maps of area and version. */
	List<Map<String, Object>> selectAreaVersions(@Param("statement") String statement,
			@Param("areas") Collection<String> areas);

	void storeRollup(@Param("params") String params, @Param("statement") String statement,
			@Param("asOf") LocalDate asOf, @Param("periodTo") LocalDate periodTo,
			@Param("rows") List<DashboardRollup.Stored> rows);

	int purgeRollup(@Param("today") LocalDate today);

	void incrementAreaVersions(@Param("keys") List<DashboardRollup.AreaStatement> keys);

	List<String> selectTownCodesOfHouseholds(@Param("ids") Collection<Long> ids);

	List<String> selectTownCodesOfSellers(@Param("ids") Collection<Long> ids);

	/**
	 * Every household figure from one pass: the cube's rows added up along each
	 * breakdown.
	 */
	default List<FigureRow> households(SectionQuery query) {
		List<FigureRow> rows = new ArrayList<>(riskCauses(query));
		for (Map<String, Object> cube : householdCube(query)) {
			String area = String.valueOf(cube.get("area"));
			long n = count(cube.get("n"));
			Object category = cube.get("category");
			Object grade = cube.get("housingGrade");
			rows.add(new FigureRow(area, "total", "", n, null));
			rows.add(new FigureRow(area, "byCategory", String.valueOf(category), n, null));
			if ("MONITORED".equals(category) && cube.get("monitoringType") != null) {
				rows.add(new FigureRow(area, "byMonitoringType", (String) cube.get("monitoringType"), n, null));
			}
			if ("MONITORED".equals(category) && cube.get("riskStatus") != null) {
				rows.add(new FigureRow(area, "byRiskStatus", (String) cube.get("riskStatus"), n, null));
			}
			if (grade != null) {
				rows.add(new FigureRow(area, "housingByGrade", String.valueOf(grade), n, null));
				if ("C".equals(grade) || "D".equals(grade)) {
					rows.add(new FigureRow(area, "housingUnsafe", "", n, null));
				}
			}
			for (String flag : List.of("newlyIdentified", "riskEliminated", "housingInspectionOverdue", "waterUnsafe",
					"waterCheckOverdue")) {
				rows.add(new FigureRow(area, flag, "", count(cube.get(flag)), null));
			}
		}
		return rows;
	}

	/**
	 * School age, the able and willing with those employed, and the labour force: one
	 * pass over member.
	 */
	default List<FigureRow> members(SectionQuery query) {
		return wide(memberTotals(query), (column) -> new String[] { column, "" });
	}

	/** The labour force's certified members, on asOf and on each milestone. */
	default List<FigureRow> certified(SectionQuery query) {
		return wide(certifiedTotals(query),
				(column) -> column.startsWith("certifiedBy_")
						? new String[] { "certifiedBy", query.milestones().get(index(column)).key() }
						: new String[] { column, "" });
	}

	/** The households at risk without an open measure, and the measures' two margins. */
	default List<FigureRow> measures(SectionQuery query) {
		List<FigureRow> rows = new ArrayList<>(atRisk(query));
		for (FigureRow cell : measureCube(query)) {
			String[] key = cell.key().split("/", 2);
			rows.add(new FigureRow(cell.area(), "byCategory", key[0], cell.count(), cell.amount()));
			rows.add(new FigureRow(cell.area(), "byStatus", key[1], cell.count(), cell.amount()));
		}
		return rows;
	}

	default List<FigureRow> loans(SectionQuery query) {
		List<FigureRow> rows = wide(loanTotals(query),
				(column) -> column.startsWith("maturingWithin_")
						? new String[] { "maturingWithin", query.maturing().get(index(column)).key() }
						: new String[] { column, "" });
		rows.addAll(loanEvents(query));
		return rows;
	}

	/**
	 * Visits by week; a week's distinct cadres summed over the weeks are the cadre-weeks.
	 */
	default List<FigureRow> visits(SectionQuery query) {
		List<FigureRow> rows = new ArrayList<>();
		for (FigureRow row : visitWeeks(query)) {
			switch (row.figure()) {
				case "week" -> rows.addAll(week(row.area(), row));
				case "weekCadres" -> rows.add(new FigureRow(row.area(), "cadreWeeks", "", row.count(), null));
				default -> rows.add(row);
			}
		}
		return rows;
	}

	/**
	 * A week's row of visits (key the Monday, count the visits, amount the Tuesday
	 * visits) as the figures of an area: the week in {@code byWeek}, and its share of
	 * {@code visits} and {@code onTuesday}.
	 */
	static List<FigureRow> week(String area, FigureRow week) {
		return List.of(new FigureRow(area, "byWeek", week.key(), week.count(), null),
				new FigureRow(area, "visits", "", week.count(), null),
				new FigureRow(area, "onTuesday", "", week.amount().longValue(), null));
	}

	/**
	 * One wide row per area into rows: each column is a figure's count, and a column
	 * named {@code x__amount} is the amount of figure {@code x}. {@code figureOf} names
	 * the figure and key of a column.
	 */
	private static List<FigureRow> wide(List<Map<String, Object>> areas,
			java.util.function.Function<String, String[]> figureOf) {
		List<FigureRow> rows = new ArrayList<>();
		for (Map<String, Object> wide : areas) {
			String area = String.valueOf(wide.get("area"));
			wide.forEach((column, value) -> {
				if ("area".equals(column) || column.endsWith("__amount")) {
					return;
				}
				Object amount = wide.get(column + "__amount");
				String[] figure = figureOf.apply(column);
				rows.add(new FigureRow(area, figure[0], figure[1], count(value),
						(amount != null) ? new BigDecimal(amount.toString()) : null));
			});
		}
		return rows;
	}

	private static long count(Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

	private static int index(String column) {
		return Integer.parseInt(column.substring(column.lastIndexOf('_') + 1));
	}

}
