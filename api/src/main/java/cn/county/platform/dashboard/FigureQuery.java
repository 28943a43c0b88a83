package cn.county.platform.dashboard;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The statements behind the dashboard, each reading one large table once; a section reads one or more of them,
 * and each is cached on its own.
 */
enum FigureQuery {

	HOUSEHOLDS(DashboardMapper::households),

	MEMBERS(DashboardMapper::members),

	MEASURES(DashboardMapper::measures),

	LOANS(DashboardMapper::loans),

	SALES(DashboardMapper::sales),

	COURTYARD(DashboardMapper::courtyard),

	VISITS(DashboardMapper::visits);

	private final BiFunction<DashboardMapper, SectionQuery, List<FigureRow>> statement;

	FigureQuery(BiFunction<DashboardMapper, SectionQuery, List<FigureRow>> statement) {
		this.statement = statement;
	}

	List<FigureRow> run(DashboardMapper mapper, SectionQuery query) {
		return this.statement.apply(mapper, query);
	}

}
