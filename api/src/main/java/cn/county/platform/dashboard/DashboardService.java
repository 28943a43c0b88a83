package cn.county.platform.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import cn.county.platform.assistance.AssistanceKind;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.Futures;
import cn.county.platform.common.SingleFlight;
import cn.county.platform.common.Violation;
import cn.county.platform.common.Violations;
import cn.county.platform.courtyard.CourtyardCategory;
import cn.county.platform.funds.CardColour;
import cn.county.platform.funds.FundsTargets;
import cn.county.platform.funds.ProjectStatus;
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
import cn.county.platform.security.CallerScope;
import cn.county.platform.security.Role;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The county dashboard: resolves the caller's area and the period, reads each statement
 * once per request (from Redis when cached, else SQL), and shapes the rows into the
 * sections of {@code schema/dashboard.graphqls}. Breakdown lists are complete: every key
 * of an enumerated domain appears, with zero where nothing was counted.
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

	/**
	 * Statement readings under way, each run once while identical requests wait
	 * ({@link #compute}).
	 */
	private final SingleFlight<List<FigureRow>> flights = new SingleFlight<>("dashboard");

	/**
	 * How long a request waits for a reading another request started: the request
	 * timeout.
	 */
	private final Duration wait;

	/**
	 * The warmer waits for a request's reading of a first summary as long as that takes.
	 */
	private static final Duration WARM_WAIT = Duration.ofHours(1);

	DashboardService(DashboardMapper mapper, DashboardCache cache, DashboardRollup rollup, RegionMapper regions,
			Areas areas, Plan plan, @Qualifier("dashboardExecutor") Executor executor,
			@Value("${platform.limits.request-timeout:15s}") Duration wait) {
		this.executor = executor;
		this.wait = wait;
		this.rollup = rollup;
		this.mapper = mapper;
		this.cache = cache;
		this.regions = regions;
		this.areas = areas;
		this.plan = plan;
	}

	/**
	 * Checks the request and fixes what the dashboard covers; figures are read when a
	 * section is asked for.
	 */
	public Dashboard open(Caller caller, Integer year, Integer quarter, Integer month, boolean periodGiven, String town,
			String village) {
		Area own = ownArea(caller);
		Violations violations = new Violations();
		ReportingPeriod period = ReportingPeriod.of(periodGiven ? year : Integer.valueOf(this.plan.defaultYear()),
				quarter, month, this.plan.today(), "period", violations);
		violations.throwIfAny();
		PlanYear targets = this.plan.year(period.year(), "period.year");
		Area area = this.areas.narrow(own, town, village);
		return new Dashboard(area, period, targets, this.plan.properties(), viewerOnly(caller), this.cache.versions(),
				CallerScope.cacheKey(caller));
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
		Map<String, List<String>> byTown = new LinkedHashMap<>();
		for (Village village : this.regions.selectVillagesByTownCodes(towns)) {
			areas.add(new AreaFigures(dashboard,
					new Area(AreaLevel.VILLAGE, village.code(), village.townCode(), village.name()), by));
			byTown.computeIfAbsent(village.townCode(), (t) -> new ArrayList<>()).add(village.code());
		}
		// the villages whose cells a dashboard viewer's are decided with (SmallCells), in
		// code order
		byTown.forEach((town, codes) -> dashboard.villages().putIfAbsent(town, codes.stream().sorted().toList()));
		return areas;
	}

	/**
	 * Computes and stores every town of every statement of the county's dashboards for
	 * the latest plan year (the year, then each quarter and month that has begun, the
	 * current ones first), where not stored yet, so that nobody's request pays for it;
	 * first drops what earlier days stored for periods that had not ended. A period that
	 * has ended keeps its rows, so after the first run each night computes only the
	 * current year, quarter and month. Returns the number of statements it read.
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
			Map<FigureQuery, String> versions = this.cache.versions();
			for (FigureQuery query : FigureQuery.values()) {
				if (this.rollup.covers(query, sql)) {
					// shared with a county summary asking for the same rows meanwhile
					Futures.join(compute(versions, query, sql, null, WARM_WAIT));
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
		return section(figures, "households", DashboardService::householdsOf, FigureQuery.HOUSEHOLDS);
	}

	private static Map<String, Object> householdsOf(View view, AreaFigures figures) {
		Map<String, Object> section = new LinkedHashMap<>();
		List<String> categories = names(HouseholdCategory.values());
		section.put("total", view.single("total"));
		section.put("byCategory", view.keyed("byCategory", categories));
		section.put("byMonitoringType", view.keyed("byMonitoringType", names(MonitoringType.values())));
		section.put("byRiskStatus", view.keyed("byRiskStatus", names(RiskStatus.values())));
		section.put("byRiskCause", view.keyed("byRiskCause", names(RiskCause.values())));
		section.put("newlyIdentified", view.single("newlyIdentified"));
		section.put("riskEliminated", view.single("riskEliminated"));
		// the categories add up to the total; the monitored households' types and
		// statuses to the monitored
		view.relate("total", "byCategory", categories);
		view.relate("byCategory/MONITORED", "byMonitoringType", names(MonitoringType.values()));
		view.relate("byCategory/MONITORED", "byRiskStatus", names(RiskStatus.values()));
		return section;
	}

	public Map<String, Object> basicNeeds(AreaFigures figures) {
		return section(figures, "basicNeeds", DashboardService::basicNeedsOf, FigureQuery.HOUSEHOLDS,
				FigureQuery.MEMBERS, FigureQuery.ASSISTANCE);
	}

	private static Map<String, Object> basicNeedsOf(View view, AreaFigures figures) {
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("schoolAgeNotInSchool", view.single("schoolAgeNotInSchool"));
		section.put("housingByGrade", view.keyed("housingByGrade", names(HousingGrade.values())));
		section.put("housingUnsafe", view.single("housingUnsafe"));
		section.put("housingInspectionOverdue", view.single("housingInspectionOverdue"));
		section.put("waterUnsafe", view.single("waterUnsafe"));
		section.put("waterCheckOverdue", view.single("waterCheckOverdue"));
		section.put("assistanceByKind", view.keyed("assistanceByKind", names(AssistanceKind.values())));
		section.put("assistancePaidByKind", view.keyed("assistancePaidByKind", names(AssistanceKind.values())));
		view.relate("housingUnsafe", "housingByGrade", List.of("C", "D"));
		return section;
	}

	public Map<String, Object> measures(AreaFigures figures) {
		return section(figures, "measures", DashboardService::measuresOf, FigureQuery.MEASURES);
	}

	private static Map<String, Object> measuresOf(View view, AreaFigures figures) {
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
		return section(figures, "employment", DashboardService::employmentOf, FigureQuery.MEMBERS, FigureQuery.JOBS);
	}

	private static Map<String, Object> employmentOf(View view, AreaFigures figures) {
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
		return section(figures, "certification", DashboardService::certificationOf, FigureQuery.MEMBERS,
				FigureQuery.CERTIFIED);
	}

	private static Map<String, Object> certificationOf(View view, AreaFigures figures) {
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
		return section(figures, "loans", DashboardService::loansOf, FigureQuery.LOANS);
	}

	private static Map<String, Object> loansOf(View view, AreaFigures figures) {
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
		return section(figures, "sales", DashboardService::salesOf, FigureQuery.SALES);
	}

	private static Map<String, Object> salesOf(View view, AreaFigures figures) {
		ReportingPeriod period = figures.dashboard().period();
		List<String> months = new ArrayList<>();
		for (YearMonth month = YearMonth.of(period.year(), 1); !month
			.isAfter(YearMonth.from(period.to())); month = month.plusMonths(1)) {
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
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("yearToDate", view.cell("yearToDate", "", null, total));
		section.put("byMonth", view.list("byMonth", months, byMonth::get));
		section.put("byChannel", view.list("byChannel", channels, byChannel::get));
		section.put("byMonthAndChannel", view.keyed("byMonthAndChannel", cells));
		List<String> due = new ArrayList<>();
		for (YearMonth month = YearMonth.of(period.year(), 1); month.getYear() == period.year()
				&& !month.atEndOfMonth().isAfter(period.asOf()); month = month.plusMonths(1)) {
			due.add(month.toString());
		}
		section.put("missingReports", view.keyed("missingReports", due));
		// the table's rows and columns add up to the months and the channels, and they to
		// the year
		view.relate("yearToDate", "byMonth", months);
		view.relate("yearToDate", "byChannel", channels);
		for (String month : months) {
			view.relate("byMonth/" + month, "byMonthAndChannel",
					channels.stream().map((channel) -> month + "/" + channel).toList());
		}
		for (String channel : channels) {
			view.relate("byChannel/" + channel, "byMonthAndChannel",
					months.stream().map((month) -> month + "/" + channel).toList());
		}
		return section;
	}

	public Map<String, Object> courtyard(AreaFigures figures) {
		return section(figures, "courtyard", DashboardService::courtyardOf, FigureQuery.COURTYARD);
	}

	private static Map<String, Object> courtyardOf(View view, AreaFigures figures) {
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("approvedHouseholds", view.single("byStatus", "APPROVED"));
		section.put("candidates", view.single("byStatus", "CANDIDATE"));
		section.put("byCategory", view.keyed("byCategory", names(CourtyardCategory.values())));
		for (String name : List.of("villages", "villagesAtTarget", "towns", "townsWithDemonstrationVillage")) {
			section.put(name, view.single(name));
		}
		return section;
	}

	public Map<String, Object> funds(AreaFigures figures) {
		return section(figures, "funds", DashboardService::fundsOf, FigureQuery.FUNDS);
	}

	/**
	 * Linkage funds (items 12, 19, 20): allocated to the year's projects, disbursed by
	 * asOf, the rate against the spending milestone due by then, the industry share
	 * against its target, projects by status and the cards on asOf.
	 */
	private static Map<String, Object> fundsOf(View view, AreaFigures figures) {
		Dashboard dashboard = figures.dashboard();
		FundsTargets targets = FundsTargets.of(dashboard.plan());
		PlanProperties.Milestone due = targets.dueBy(dashboard.period().asOf());
		Figure allocated = view.single("allocated");
		Figure industry = view.single("industryAllocated");
		Figure disbursed = view.single("disbursed");
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("allocated", allocated);
		section.put("disbursed", disbursed);
		Double rate = amountRate(disbursed, allocated);
		section.put("rate", rate);
		section.put("milestoneDue", (due != null) ? due.due() : null);
		section.put("milestoneShare", (due != null) ? due.shareOfTarget().doubleValue() : null);
		section.put("milestoneMet",
				(due == null) ? null : (rate != null) ? rate >= due.shareOfTarget().doubleValue() : null);
		section.put("industryAllocated", industry);
		Double industryShare = amountRate(industry, allocated);
		section.put("industryShare", industryShare);
		section.put("industryTarget", targets.industryShare().doubleValue());
		section.put("industryTargetMet",
				(industryShare != null) ? industryShare >= targets.industryShare().doubleValue() : null);
		List<String> statuses = names(ProjectStatus.values());
		section.put("byStatus", view.keyed("byStatus", statuses));
		List<String> colours = names(CardColour.values());
		section.put("cards", view.keyed("cards", colours));
		return section;
	}

	/**
	 * The share of {@code whole}'s yuan that {@code part}'s are; null when none or
	 * suppressed.
	 */
	private static Double amountRate(Figure part, Figure whole) {
		if (part.suppressed() || whole.suppressed() || whole.amount() == null || whole.amount().signum() == 0) {
			return null;
		}
		return SectionQuery.zeroIfNull(part.amount()).divide(whole.amount(), 4, RoundingMode.HALF_UP).doubleValue();
	}

	public Map<String, Object> visits(AreaFigures figures) {
		return section(figures, "visits", DashboardService::visitsOf, FigureQuery.VISITS);
	}

	private static Map<String, Object> visitsOf(View view, AreaFigures figures) {
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
		view.relate("visits", "byWeek", weeks);
		return section;
	}

	// ---- what a caller sees of a section ----

	/** Builds one section of one area from a view of its rows. */
	@FunctionalInterface
	private interface Section {

		Map<String, Object> build(View view, AreaFigures figures);

	}

	/**
	 * The one place figures become what the caller sees. Unsuppressed (every caller but
	 * the dashboard viewer, and the viewer above village level), as read. For the
	 * viewer's villages, the cells {@link SmallCells} withholds: decided once per
	 * request, section and town over every village of the town, so that one village asked
	 * alone, a town's villages and the county's villages withhold the same cells.
	 */
	private Map<String, Object> section(AreaFigures figures, String name, Section build, FigureQuery... queries) {
		List<AreaRows> rows = new ArrayList<>(queries.length);
		for (FigureQuery query : queries) {
			rows.add(rowsOf(figures.dashboard(), figures.level(), query).getOrDefault(figures.area().key(),
					AreaRows.EMPTY));
		}
		if (!figures.suppressed()) {
			return build.build(new View(rows, rows, figures.threshold(), null), figures);
		}
		Dashboard dashboard = figures.dashboard();
		String town = figures.area().townCode();
		Map<String, List<AreaRows>> villages = villageRows(dashboard, town, queries);
		List<AreaRows> keySources = villages.values().stream().flatMap(List::stream).toList();
		Map<String, Set<String>> withheld = dashboard.withheld()
			.computeIfAbsent(name + "@" + town, (k) -> decide(dashboard, villages, keySources, build));
		return build.build(
				new View(rows, keySources, figures.threshold(), withheld.getOrDefault(figures.area().code(), Set.of())),
				figures);
	}

	/**
	 * Every village of the town with its rows of the statements, in code order (no rows:
	 * nothing counted).
	 */
	private Map<String, List<AreaRows>> villageRows(Dashboard dashboard, String town, FigureQuery... queries) {
		List<String> codes = dashboard.villages()
			.computeIfAbsent(town,
					(t) -> this.regions.selectVillagesByTownCodes(List.of(t)).stream().map(Village::code).toList());
		Map<String, List<AreaRows>> villages = new LinkedHashMap<>();
		for (String village : codes) {
			villages.put(village, new ArrayList<>(queries.length));
		}
		for (FigureQuery query : queries) {
			Map<String, AreaRows> read = rowsOf(dashboard, AreaLevel.VILLAGE, query);
			villages.forEach((village, rows) -> rows.add(read.getOrDefault(village, AreaRows.EMPTY)));
		}
		return villages;
	}

	/**
	 * Builds the section of every village as read, and decides which cells of which
	 * village are withheld.
	 */
	private static Map<String, Set<String>> decide(Dashboard dashboard, Map<String, List<AreaRows>> villages,
			List<AreaRows> keySources, Section build) {
		Map<SmallCells.Cell, Long> values = new LinkedHashMap<>();
		List<List<SmallCells.Cell>> relations = new ArrayList<>();
		villages.forEach((village, rows) -> {
			View view = new View(rows, keySources, 0, Set.of());
			build.build(view,
					new AreaFigures(dashboard, new Area(AreaLevel.VILLAGE, village, null, village), AreaLevel.VILLAGE));
			view.values().forEach((id, count) -> values.put(new SmallCells.Cell(village, id), count));
			for (List<String> relation : view.relations()) {
				relations.add(relation.stream().map((id) -> new SmallCells.Cell(village, id)).toList());
			}
		});
		relations.addAll(SmallCells.acrossVillages(values.keySet()));
		Map<String, Set<String>> withheld = new HashMap<>();
		for (SmallCells.Cell cell : SmallCells.withheld(values, relations,
				dashboard.properties().smallCellThreshold())) {
			withheld.computeIfAbsent(cell.area(), (a) -> new HashSet<>()).add(cell.id());
		}
		return withheld;
	}

	/**
	 * What one section sees of its statements' rows for one area. Each figure it hands
	 * out is a cell ({@code figure/key}, key empty for a single figure), recorded with
	 * its count; each breakdown, and each relation the section declares, is recorded as a
	 * set of cells whose sum is known.
	 *
	 * @param rows the area's rows, one per statement
	 * @param keySources the rows whose keys a breakdown of data-dependent keys lists (the
	 * weeks): the area's own, or every village of the town where cells are decided over
	 * the town
	 * @param threshold the primary threshold where {@code withheld} is null
	 * @param withheld the cells to withhold, or null to withhold counts under
	 * {@code threshold}
	 */
	private record View(List<AreaRows> rows, List<AreaRows> keySources, int threshold, Set<String> withheld,
			Map<String, Long> values, List<List<String>> relations) {

		View(List<AreaRows> rows, List<AreaRows> keySources, int threshold, Set<String> withheld) {
			this(rows, keySources, threshold, withheld, new LinkedHashMap<>(), new ArrayList<>());
		}

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
			return this.keySources.stream().flatMap((area) -> area.keys(figure).stream()).distinct().toList();
		}

		Figure single(String figure) {
			return cell(figure, "", null, row(figure, ""));
		}

		Figure single(String figure, String key) {
			return cell(figure, key, null, row(figure, key));
		}

		List<Figure> keyed(String figure, List<String> keys) {
			return list(figure, keys, (key) -> row(figure, key));
		}

		/** A breakdown of rows worked out by the section; its cells' sum is known. */
		List<Figure> list(String figure, List<String> keys, java.util.function.Function<String, FigureRow> rowOf) {
			this.relations.add(keys.stream().map((key) -> figure + "/" + key).toList());
			return keys.stream().map((key) -> cell(figure, key, key, rowOf.apply(key))).toList();
		}

		/** A total and the cells of a breakdown that add up to it. */
		void relate(String total, String figure, List<String> keys) {
			List<String> cells = new ArrayList<>();
			cells.add(total.contains("/") ? total : total + "/");
			keys.forEach((key) -> cells.add(figure + "/" + key));
			this.relations.add(cells);
		}

		Figure cell(String figure, String key, String shownKey, FigureRow row) {
			String id = figure + "/" + key;
			long count = (row != null) ? row.count() : 0;
			this.values.put(id, count);
			if (this.withheld == null) {
				return Figure.of(shownKey, row, this.threshold);
			}
			if (this.withheld.contains(id)) {
				return new Figure(shownKey, null, null, true);
			}
			return new Figure(shownKey, count, (row != null) ? row.amount() : null, false);
		}

	}

	// ---- reading ----

	/** The statements each section of {@code Figures} reads. */
	private static final Map<String, List<FigureQuery>> SECTIONS = Map.of("households", List.of(FigureQuery.HOUSEHOLDS),
			"basicNeeds", List.of(FigureQuery.HOUSEHOLDS, FigureQuery.MEMBERS, FigureQuery.ASSISTANCE), "measures",
			List.of(FigureQuery.MEASURES), "employment", List.of(FigureQuery.MEMBERS, FigureQuery.JOBS),
			"certification", List.of(FigureQuery.MEMBERS, FigureQuery.CERTIFIED), "loans", List.of(FigureQuery.LOANS),
			"sales", List.of(FigureQuery.SALES), "courtyard", List.of(FigureQuery.COURTYARD), "visits",
			List.of(FigureQuery.VISITS), "funds", List.of(FigureQuery.FUNDS));

	/**
	 * Starts every statement the requested sections need, side by side on the dashboard's
	 * own small pool, so a cold summary costs its slowest statement rather than the sum
	 * of all of them. A dashboard viewer's village reads its town's villages: its cells
	 * are decided over all of them ({@link SmallCells}).
	 */
	public void prefetch(Dashboard dashboard, AreaLevel level, Collection<String> sections) {
		List<FigureQuery> queries = sections.stream()
			.map(SECTIONS::get)
			.filter(Objects::nonNull)
			.flatMap(List::stream)
			.distinct()
			.filter((query) -> !dashboard.rows().containsKey(rowsKey(query, level)))
			.toList();
		Area area = dashboard.area();
		if (dashboard.suppressSmallCells() && area.level() == AreaLevel.VILLAGE) {
			area = new Area(AreaLevel.TOWN, area.townCode(), area.townCode(), area.townCode());
		}
		SectionQuery sql = SectionQuery.of(area, level, dashboard.period(), dashboard.plan(), dashboard.properties());
		Map<FigureQuery, List<FigureRow>> cached = this.cache.getAll(dashboard.cacheVersions(), queries, sql.cacheKey(),
				dashboard.callerScope());
		for (FigureQuery query : queries) {
			List<FigureRow> hit = cached.get(query);
			dashboard.rows()
				.computeIfAbsent(rowsKey(query, level), (k) -> (hit != null)
						? CompletableFuture.completedFuture(byArea(hit)) : read(dashboard, query, sql));
		}
	}

	/**
	 * The rows of one statement at one level, by area; the statement runs once per
	 * request and level.
	 */
	private Map<String, AreaRows> rowsOf(Dashboard dashboard, AreaLevel level, FigureQuery query) {
		CompletableFuture<Map<String, AreaRows>> rows = dashboard.rows().get(rowsKey(query, level));
		if (rows == null) {
			// a section the selection did not announce (a fragment on an interface, say):
			// read it now
			prefetch(dashboard, level,
					SECTIONS.entrySet()
						.stream()
						.filter((section) -> section.getValue().contains(query))
						.map(Map.Entry::getKey)
						.toList());
			rows = dashboard.rows().get(rowsKey(query, level));
		}
		return Futures.join(rows);
	}

	/**
	 * Reads a statement on the dashboard's pool, from the stored towns where the rollup
	 * covers it and else from SQL, and caches its rows under the request's version and
	 * the caller's scope. The reading is shared: while it runs, an identical request
	 * (same statement, versions and parameters) waits for it rather than reading again
	 * ({@link #compute}); what is cached and shown stays the caller's own.
	 */
	private CompletableFuture<Map<String, AreaRows>> read(Dashboard dashboard, FigureQuery query, SectionQuery sql) {
		return compute(dashboard.cacheVersions(), query, sql, dashboard.callerScope(), this.wait).thenApply((rows) -> {
			// a request that joined another scope's reading caches its own entry
			this.cache.put(dashboard.cacheVersions(), query, sql.cacheKey(), dashboard.callerScope(), rows);
			return byArea(rows);
		});
	}

	/**
	 * A statement's rows, read once however many identical requests want them at the same
	 * time: keyed by the statement, its Redis version (when there is a Redis), this
	 * instance's generation of it (incremented by every committed write it saw) and every
	 * parameter of the rows, so that no request joins a reading started before a write it
	 * must see. Those that join wait at most {@code wait}; the rows carry no caller (the
	 * caller's suppression is applied afterwards, in {@link #section}), so callers of
	 * different scopes may share a reading. The reading first looks for the entry once
	 * more and stores its rows before it ends, both under the scope of the request that
	 * started it ({@code scope}; null for none), so a request that missed the entry just
	 * before an identical reading ended finds them rather than reading again. Across
	 * instances, see {@link SingleFlight}: one reading per instance at most.
	 */
	private CompletableFuture<List<FigureRow>> compute(Map<FigureQuery, String> versions, FigureQuery query,
			SectionQuery sql, String scope, Duration wait) {
		String key = query.name() + ":" + ((versions != null) ? versions.get(query) : "-") + ":"
				+ this.cache.generations(EnumSet.of(query)) + ":" + sql.cacheKey();
		return this.flights.start(key, wait, () -> CompletableFuture.supplyAsync(() -> {
			if (scope != null) {
				List<FigureRow> stored = this.cache.getAll(versions, List.of(query), sql.cacheKey(), scope).get(query);
				if (stored != null) {
					return stored;
				}
			}
			List<FigureRow> rows = this.rollup.covers(query, sql) ? this.rollup.rows(query, sql)
					: query.run(this.mapper, sql);
			if (scope != null) {
				this.cache.put(versions, query, sql.cacheKey(), scope, rows);
			}
			return rows;
		}, this.executor));
	}

	/** The dashboard readings this instance started and joined. */
	SingleFlight<List<FigureRow>> flights() {
		return this.flights;
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
