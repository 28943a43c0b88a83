package cn.county.platform.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.Futures;
import cn.county.platform.common.Violation;
import cn.county.platform.common.Violations;
import cn.county.platform.courtyard.CourtyardCategory;
import cn.county.platform.dashboard.Dashboard.AreaFigures;
import cn.county.platform.dashboard.Dashboard.AreaRows;
import cn.county.platform.household.HouseholdCategory;
import cn.county.platform.household.HousingGrade;
import cn.county.platform.household.MonitoringType;
import cn.county.platform.household.RiskCause;
import cn.county.platform.household.RiskStatus;
import cn.county.platform.job.JobType;
import cn.county.platform.job.WelfarePostLevel;
import cn.county.platform.measure.MeasureCategory;
import cn.county.platform.measure.MeasureStatus;
import cn.county.platform.plan.Plan;
import cn.county.platform.plan.PlanProperties;
import cn.county.platform.plan.PlanYear;
import cn.county.platform.plan.ReportingPeriod;
import cn.county.platform.region.RegionMapper;
import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
import cn.county.platform.sales.SalesChannel;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Role;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * The county dashboard: resolves the caller's area and the period, reads each statement once per request (from
 * Redis when cached, else SQL), and shapes the rows into the sections of {@code schema/dashboard.graphqls}.
 * Breakdown lists are complete: every key of an enumerated domain appears, with zero where nothing was counted.
 */
@Service
public class DashboardService {

	private final DashboardMapper mapper;

	private final DashboardCache cache;

	private final DashboardRollup rollup;

	private final RegionMapper regions;

	private final Areas areas;

	private final Plan plan;

	private final Executor executor;

	DashboardService(DashboardMapper mapper, DashboardCache cache, DashboardRollup rollup, RegionMapper regions,
			Areas areas, Plan plan, @Qualifier("dashboardExecutor") Executor executor) {
		this.executor = executor;
		this.rollup = rollup;
		this.mapper = mapper;
		this.cache = cache;
		this.regions = regions;
		this.areas = areas;
		this.plan = plan;
	}

	/** Checks the request and fixes what the dashboard covers; figures are read when a section is asked for. */
	public Dashboard open(Caller caller, Integer year, Integer quarter, Integer month, boolean periodGiven,
			String town, String village) {
		Area own = ownArea(caller);
		Violations violations = new Violations();
		ReportingPeriod period = ReportingPeriod.of(periodGiven ? year : Integer.valueOf(this.plan.defaultYear()),
				quarter, month, this.plan.today(), "period", violations);
		violations.throwIfAny();
		PlanYear targets = this.plan.year(period.year(), "period.year");
		Area area = this.areas.narrow(own, town, village);
		return new Dashboard(area, period, targets, this.plan.properties(), viewerOnly(caller),
				this.cache.versions());
	}

	/** The areas one level down from the dashboard's, in code order. */
	public List<AreaFigures> breakdown(Dashboard dashboard, AreaLevel by) {
		AreaLevel level = dashboard.area().level();
		boolean finer = (by == AreaLevel.TOWN && level == AreaLevel.COUNTY)
				|| (by == AreaLevel.VILLAGE && level != AreaLevel.VILLAGE);
		if (!finer) {
			throw DomainException.badRequest("by", "must be a level below the dashboard's area (" + level + ")");
		}
		List<AreaFigures> areas = new ArrayList<>();
		if (by == AreaLevel.TOWN) {
			for (Town town : this.regions.selectTowns()) {
				areas.add(new AreaFigures(dashboard, new Area(AreaLevel.TOWN, town.code(), town.code(), town.name()),
						by));
			}
			return areas;
		}
		List<String> towns = (level == AreaLevel.TOWN) ? List.of(dashboard.area().code())
				: this.regions.selectTowns().stream().map(Town::code).toList();
		for (Village village : this.regions.selectVillagesByTownCodes(towns)) {
			areas.add(new AreaFigures(dashboard,
					new Area(AreaLevel.VILLAGE, village.code(), village.townCode(), village.name()), by));
		}
		return areas;
	}

	/**
	 * Computes and stores every town of every statement of the county's dashboards for the latest plan year (the
	 * year, then each quarter and month that has begun, the current ones first), where not stored yet, so that
	 * nobody's request pays for it; first drops what earlier days stored for periods that had not ended. A period
	 * that has ended keeps its rows, so after the first run each night computes only the current year, quarter and
	 * month. Returns the number of statements it read.
	 */
	public int warmRollup() {
		LocalDate today = this.plan.today();
		this.rollup.purge(today);
		int year = this.plan.defaultYear();
		PlanYear targets = this.plan.year(year, "period.year");
		List<Integer[]> periods = new ArrayList<>();
		periods.add(new Integer[] { null, null });
		for (int quarter = 4; quarter >= 1; quarter--) {
			periods.add(new Integer[] { quarter, null });
		}
		for (int month = 12; month >= 1; month--) {
			periods.add(new Integer[] { null, month });
		}
		int read = 0;
		for (Integer[] quarterOrMonth : periods) {
			Violations violations = new Violations();
			ReportingPeriod period = ReportingPeriod.of(year, quarterOrMonth[0], quarterOrMonth[1], today, "period",
					violations);
			if (period == null) {
				continue; // not begun yet
			}
			SectionQuery sql = SectionQuery.of(Area.COUNTY, AreaLevel.COUNTY, period, targets, this.plan.properties());
			for (FigureQuery query : FigureQuery.values()) {
				if (this.rollup.covers(query, sql)) {
					this.rollup.rows(query, sql);
					read++;
				}
			}
		}
		return read;
	}

	public AreaFigures figures(Dashboard dashboard) {
		return new AreaFigures(dashboard, dashboard.area(), dashboard.area().level());
	}

	// ---- sections ----

	public Map<String, Object> households(AreaFigures figures) {
		View view = view(figures, FigureQuery.HOUSEHOLDS);
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("total", view.single("total"));
		section.put("byCategory", view.keyed("byCategory", names(HouseholdCategory.values())));
		section.put("byMonitoringType", view.keyed("byMonitoringType", names(MonitoringType.values())));
		section.put("byRiskStatus", view.keyed("byRiskStatus", names(RiskStatus.values())));
		section.put("byRiskCause", view.keyed("byRiskCause", names(RiskCause.values())));
		section.put("newlyIdentified", view.single("newlyIdentified"));
		section.put("riskEliminated", view.single("riskEliminated"));
		return section;
	}

	public Map<String, Object> basicNeeds(AreaFigures figures) {
		View view = view(figures, FigureQuery.HOUSEHOLDS, FigureQuery.MEMBERS);
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("schoolAgeNotInSchool", view.single("schoolAgeNotInSchool"));
		section.put("housingByGrade", view.keyed("housingByGrade", names(HousingGrade.values())));
		section.put("housingUnsafe", view.single("housingUnsafe"));
		section.put("housingInspectionOverdue", view.single("housingInspectionOverdue"));
		section.put("waterUnsafe", view.single("waterUnsafe"));
		section.put("waterCheckOverdue", view.single("waterCheckOverdue"));
		return section;
	}

	public Map<String, Object> measures(AreaFigures figures) {
		View view = view(figures, FigureQuery.MEASURES);
		Map<String, Object> section = new LinkedHashMap<>();
		Figure atRisk = view.single("atRiskWithoutOpenMeasure");
		section.put("atRiskWithoutOpenMeasure", atRisk);
		section.put("target", 0);
		section.put("targetMet", atRisk.suppressed() ? null : atRisk.count() == 0);
		section.put("byCategory", view.keyed("byCategory", names(MeasureCategory.values())));
		section.put("byStatus", view.keyed("byStatus", names(MeasureStatus.values())));
		return section;
	}

	public Map<String, Object> employment(AreaFigures figures) {
		View view = view(figures, FigureQuery.MEMBERS, FigureQuery.JOBS);
		Map<String, Object> section = new LinkedHashMap<>();
		Figure able = view.single("ableAndWilling");
		Figure employed = view.single("employed");
		Double rate = rate(employed, able);
		double target = figures.dashboard().plan().targets().employmentRate().doubleValue();
		section.put("ableAndWilling", able);
		section.put("employed", employed);
		section.put("rate", rate);
		section.put("target", target);
		section.put("targetMet", (rate != null) ? rate >= target : null);
		section.put("byJobType", view.keyed("byJobType", names(JobType.values())));
		section.put("welfarePostsByLevel", view.keyed("welfarePostsByLevel", names(WelfarePostLevel.values())));
		return section;
	}

	public Map<String, Object> certification(AreaFigures figures) {
		View view = view(figures, FigureQuery.MEMBERS, FigureQuery.CERTIFIED);
		Dashboard dashboard = figures.dashboard();
		Map<String, Object> section = new LinkedHashMap<>();
		Figure labour = view.single("labourForce");
		Figure certified = view.single("certified");
		Double rate = rate(certified, labour);
		BigDecimal target = dashboard.plan().targets().certificationRate();
		section.put("labourForce", labour);
		section.put("certified", certified);
		section.put("rate", rate);
		section.put("target", target.doubleValue());
		section.put("targetMet", (rate != null) ? rate >= target.doubleValue() : null);
		List<Map<String, Object>> milestones = new ArrayList<>();
		for (PlanProperties.Milestone milestone : dashboard.plan().targets().certificationMilestones()) {
			LocalDate due = milestone.due().withYear(dashboard.period().year());
			double required = target.multiply(milestone.shareOfTarget()).doubleValue();
			Figure byDue = view.single("certifiedBy", due.toString());
			Double reached = rate(byDue, labour);
			Map<String, Object> progress = new LinkedHashMap<>();
			progress.put("due", due);
			progress.put("requiredRate", required);
			progress.put("certified", byDue);
			progress.put("rate", reached);
			progress.put("status", (reached == null) ? null
					: due.isAfter(dashboard.period().asOf()) ? "PENDING" : (reached >= required) ? "MET" : "MISSED");
			milestones.add(progress);
		}
		section.put("milestones", milestones);
		return section;
	}

	public Map<String, Object> loans(AreaFigures figures) {
		View view = view(figures, FigureQuery.LOANS);
		Map<String, Object> section = new LinkedHashMap<>();
		for (String name : List.of("loans", "issuedInPeriod", "outstanding", "overdue")) {
			section.put(name, view.single(name));
		}
		section.put("maturingWithin", view.keyed("maturingWithin", List.of("30", "60", "90")));
		section.put("renewalsInPeriod", view.single("renewalsInPeriod"));
		section.put("extensionsInPeriod", view.single("extensionsInPeriod"));
		return section;
	}

	public Map<String, Object> sales(AreaFigures figures) {
		View view = view(figures, FigureQuery.SALES);
		ReportingPeriod period = figures.dashboard().period();
		List<String> months = new ArrayList<>();
		for (YearMonth month = YearMonth.of(period.year(), 1); !month.isAfter(YearMonth.from(period.to())); month = month
			.plusMonths(1)) {
			months.add(month.toString());
		}
		List<String> channels = names(SalesChannel.values());
		Map<String, FigureRow> byMonth = new TreeMap<>();
		Map<String, FigureRow> byChannel = new LinkedHashMap<>();
		FigureRow total = null;
		List<String> cells = new ArrayList<>();
		for (String month : months) {
			for (String channel : channels) {
				String key = month + "/" + channel;
				cells.add(key);
				FigureRow row = view.row("byMonthAndChannel", key);
				if (row != null) {
					byMonth.merge(month, row, FigureRow::plus);
					byChannel.merge(channel, row, FigureRow::plus);
					total = (total != null) ? total.plus(row) : row;
				}
			}
		}
		int threshold = figures.threshold();
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("yearToDate", Figure.of(null, total, threshold));
		section.put("byMonth", months.stream().map((m) -> Figure.of(m, byMonth.get(m), threshold)).toList());
		section.put("byChannel", channels.stream().map((c) -> Figure.of(c, byChannel.get(c), threshold)).toList());
		section.put("byMonthAndChannel", view.keyed("byMonthAndChannel", cells));
		List<String> due = new ArrayList<>();
		for (YearMonth month = YearMonth.of(period.year(), 1); month.getYear() == period.year()
				&& !month.atEndOfMonth().isAfter(period.asOf()); month = month.plusMonths(1)) {
			due.add(month.toString());
		}
		section.put("missingReports", view.keyed("missingReports", due));
		return section;
	}

	public Map<String, Object> courtyard(AreaFigures figures) {
		View view = view(figures, FigureQuery.COURTYARD);
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("approvedHouseholds", view.single("byStatus", "APPROVED"));
		section.put("candidates", view.single("byStatus", "CANDIDATE"));
		section.put("byCategory", view.keyed("byCategory", names(CourtyardCategory.values())));
		for (String name : List.of("villages", "villagesAtTarget", "towns", "townsWithDemonstrationVillage")) {
			section.put(name, view.single(name));
		}
		return section;
	}

	public Map<String, Object> visits(AreaFigures figures) {
		View view = view(figures, FigureQuery.VISITS);
		Map<String, Object> section = new LinkedHashMap<>();
		Figure visits = view.single("visits");
		Figure cadreWeeks = view.single("cadreWeeks");
		section.put("visits", visits);
		section.put("onTuesday", view.single("onTuesday"));
		section.put("cadres", view.single("cadres"));
		section.put("cadreWeeks", cadreWeeks);
		section.put("perCadrePerWeek", rate(visits, cadreWeeks));
		List<String> weeks = new ArrayList<>(view.keys("byWeek"));
		weeks.sort(null);
		section.put("byWeek", view.keyed("byWeek", weeks));
		return section;
	}

	// ---- reading ----

	private View view(AreaFigures figures, FigureQuery... queries) {
		List<AreaRows> rows = new ArrayList<>(queries.length);
		for (FigureQuery query : queries) {
			rows.add(rows(figures, query));
		}
		return new View(rows, figures.threshold());
	}

	/** The statements each section of {@code Figures} reads. */
	private static final Map<String, List<FigureQuery>> SECTIONS = Map.of("households",
			List.of(FigureQuery.HOUSEHOLDS), "basicNeeds", List.of(FigureQuery.HOUSEHOLDS, FigureQuery.MEMBERS),
			"measures", List.of(FigureQuery.MEASURES), "employment", List.of(FigureQuery.MEMBERS, FigureQuery.JOBS),
			"certification", List.of(FigureQuery.MEMBERS, FigureQuery.CERTIFIED), "loans", List.of(FigureQuery.LOANS),
			"sales", List.of(FigureQuery.SALES),
			"courtyard", List.of(FigureQuery.COURTYARD), "visits", List.of(FigureQuery.VISITS));

	/**
	 * Starts every statement the requested sections need, side by side on the dashboard's own small pool, so a
	 * cold summary costs its slowest statement rather than the sum of all of them.
	 */
	public void prefetch(Dashboard dashboard, AreaLevel level, Collection<String> sections) {
		List<FigureQuery> queries = sections.stream()
			.map(SECTIONS::get)
			.filter(Objects::nonNull)
			.flatMap(List::stream)
			.distinct()
			.filter((query) -> !dashboard.rows().containsKey(rowsKey(query, level)))
			.toList();
		SectionQuery sql = SectionQuery.of(dashboard.area(), level, dashboard.period(), dashboard.plan(),
				dashboard.properties());
		Map<FigureQuery, List<FigureRow>> cached = this.cache.getAll(dashboard.cacheVersions(), queries,
				sql.cacheKey());
		for (FigureQuery query : queries) {
			List<FigureRow> hit = cached.get(query);
			dashboard.rows().computeIfAbsent(rowsKey(query, level), (k) -> (hit != null)
					? CompletableFuture.completedFuture(byArea(hit)) : read(dashboard, query, sql));
		}
	}

	/** The rows of one statement for one area; the statement runs once per request and level. */
	private AreaRows rows(AreaFigures figures, FigureQuery query) {
		Dashboard dashboard = figures.dashboard();
		CompletableFuture<Map<String, AreaRows>> rows = dashboard.rows().get(rowsKey(query, figures.level()));
		if (rows == null) {
			// a section the selection did not announce (a fragment on an interface, say): read it now
			prefetch(dashboard, figures.level(), SECTIONS.entrySet()
				.stream()
				.filter((section) -> section.getValue().contains(query))
				.map(Map.Entry::getKey)
				.toList());
			rows = dashboard.rows().get(rowsKey(query, figures.level()));
		}
		return Futures.join(rows).getOrDefault(figures.area().key(), AreaRows.EMPTY);
	}

	/**
	 * Reads a statement on the dashboard's pool, from the stored towns where the rollup covers it and else from
	 * SQL, caching its rows under the request's version.
	 */
	private CompletableFuture<Map<String, AreaRows>> read(Dashboard dashboard, FigureQuery query, SectionQuery sql) {
		return CompletableFuture.supplyAsync(() -> {
			List<FigureRow> rows = this.rollup.covers(query, sql) ? this.rollup.rows(query, sql)
					: query.run(this.mapper, sql);
			this.cache.put(dashboard.cacheVersions(), query, sql.cacheKey(), rows);
			return byArea(rows);
		}, this.executor);
	}

	private static String rowsKey(FigureQuery query, AreaLevel level) {
		return query.name() + "@" + level;
	}

	private static Map<String, AreaRows> byArea(List<FigureRow> rows) {
		Map<String, Map<String, Map<String, FigureRow>>> grouped = new HashMap<>();
		for (FigureRow row : rows) {
			if (row.area() == null || "null".equals(row.area())) {
				continue;
			}
			grouped.computeIfAbsent(row.area(), (a) -> new HashMap<>())
				.computeIfAbsent(row.figure(), (f) -> new LinkedHashMap<>())
				.merge(row.key(), row, FigureRow::plus);
		}
		Map<String, AreaRows> byArea = new HashMap<>();
		grouped.forEach((area, figures) -> byArea.put(area, new AreaRows(figures)));
		return byArea;
	}

	private static Double rate(Figure part, Figure whole) {
		if (part.suppressed() || whole.suppressed() || whole.count() == 0) {
			return null;
		}
		return BigDecimal.valueOf(part.count())
			.divide(BigDecimal.valueOf(whole.count()), 4, RoundingMode.HALF_UP)
			.doubleValue();
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	/** What one section sees of its statements' rows for one area, with the area's small-cell threshold. */
	private record View(List<AreaRows> rows, int threshold) {

		FigureRow row(String figure, String key) {
			for (AreaRows area : this.rows) {
				FigureRow row = area.row(figure, key);
				if (row != null) {
					return row;
				}
			}
			return null;
		}

		List<String> keys(String figure) {
			return this.rows.stream().flatMap((area) -> area.keys(figure).stream()).distinct().toList();
		}

		Figure single(String figure) {
			return Figure.of(null, row(figure, ""), this.threshold);
		}

		Figure single(String figure, String key) {
			return Figure.of(null, row(figure, key), this.threshold);
		}

		List<Figure> keyed(String figure, List<String> keys) {
			return keys.stream().map((key) -> Figure.of(key, row(figure, key), this.threshold)).toList();
		}

	}

	// ---- who sees which area ----

	private static boolean viewerOnly(Caller caller) {
		return caller.has(Role.DASHBOARD_VIEWER) && !caller.has(Role.COUNTY_ADMIN)
				&& !caller.has(Role.DEPARTMENT_OFFICER) && !caller.has(Role.TOWN_OFFICIAL)
				&& !caller.has(Role.VILLAGE_CADRE);
	}

	private Area ownArea(Caller caller) {
		Area own = this.areas.own(caller, true);
		if (own == null) {
			throw new DomainException(new Violation("dashboard",
					"the dashboard is for county, town and village staff, departments and dashboard viewers",
					ErrorClassification.FORBIDDEN));
		}
		return own;
	}

}
