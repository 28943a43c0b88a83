package cn.county.platform.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import cn.county.platform.plan.PlanProperties;
import cn.county.platform.plan.PlanYear;
import cn.county.platform.plan.ReportingPeriod;

/**
 * One request's dashboard: the area, the period, the targets, whether small cells are
 * suppressed, and the rows each statement returned, kept for the request so that every
 * section and every area of a breakdown reads them once.
 *
 * @param area the area covered
 * @param period the period covered
 * @param plan the targets that apply
 * @param properties the plan's thresholds
 * @param suppressSmallCells whether village-level counts under the threshold are withheld
 * @param cacheVersions the version of each statement's cache entries, read for this
 * request; null to read SQL only
 * @param callerScope the caller's
 * {@link cn.county.platform.security.CallerScope#cacheKey}, ending every cache key
 * @param rows the rows read so far, by statement and level
 * @param withheld the village cells withheld ({@link SmallCells}), by section and town,
 * then by village
 * @param villages the villages of each town whose cells were decided, in code order
 */
public record Dashboard(Area area, ReportingPeriod period, PlanYear plan, PlanProperties properties,
		boolean suppressSmallCells, Map<FigureQuery, String> cacheVersions, String callerScope,
		Map<String, CompletableFuture<Map<String, AreaRows>>> rows, Map<String, Map<String, Set<String>>> withheld,
		Map<String, List<String>> villages) {

	Dashboard(Area area, ReportingPeriod period, PlanYear plan, PlanProperties properties, boolean suppressSmallCells,
			Map<FigureQuery, String> cacheVersions, String callerScope) {
		this(area, period, plan, properties, suppressSmallCells, cacheVersions, callerScope, new ConcurrentHashMap<>(),
				new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
	}

	/**
	 * The figures of one area at one level: what a {@code Figures} object in the response
	 * shows.
	 */
	public record AreaFigures(Dashboard dashboard, Area area, AreaLevel level) {

		boolean suppressed() {
			return this.dashboard.suppressSmallCells() && this.level == AreaLevel.VILLAGE;
		}

		int threshold() {
			return suppressed() ? this.dashboard.properties().smallCellThreshold() : 0;
		}

	}

	/** The rows of the statements read for one area, by figure and key. */
	record AreaRows(Map<String, Map<String, FigureRow>> byFigure) {

		static final AreaRows EMPTY = new AreaRows(Map.of());

		FigureRow row(String figure, String key) {
			Map<String, FigureRow> keyed = this.byFigure.get(figure);
			return (keyed != null) ? keyed.get(key) : null;
		}

		List<String> keys(String figure) {
			Map<String, FigureRow> keyed = this.byFigure.get(figure);
			return (keyed != null) ? List.copyOf(keyed.keySet()) : List.of();
		}

	}

}
