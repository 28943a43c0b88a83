package cn.county.platform.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;

/** The dashboard's SQL; see DashboardMapper.xml for what each statement counts and how. */
@Mapper
interface DashboardMapper {

	List<Map<String, Object>> householdTotals(SectionQuery query);

	List<FigureRow> householdBreakdowns(SectionQuery query);

	List<FigureRow> schoolAge(SectionQuery query);

	List<FigureRow> measures(SectionQuery query);

	List<FigureRow> employment(SectionQuery query);

	List<FigureRow> certification(SectionQuery query);

	List<FigureRow> loans(SectionQuery query);

	List<FigureRow> sales(SectionQuery query);

	List<FigureRow> courtyard(SectionQuery query);

	List<FigureRow> visits(SectionQuery query);

	/** The household totals, one scan for several figures, as rows: one per (area, column). */
	default List<FigureRow> householdTotalRows(SectionQuery query) {
		List<FigureRow> rows = new ArrayList<>();
		for (Map<String, Object> wide : householdTotals(query)) {
			String area = String.valueOf(wide.get("area"));
			wide.forEach((column, value) -> {
				if (!"area".equals(column)) {
					rows.add(new FigureRow(area, column, "", ((Number) value).longValue(), (BigDecimal) null));
				}
			});
		}
		return rows;
	}

}
