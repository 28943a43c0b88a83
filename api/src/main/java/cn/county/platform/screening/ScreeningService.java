package cn.county.platform.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.Futures;
import cn.county.platform.common.Page;
import cn.county.platform.common.PageRequest;
import cn.county.platform.common.PlatformProperties;
import cn.county.platform.common.Violation;
import cn.county.platform.dashboard.Area;
import cn.county.platform.dashboard.Areas;
import cn.county.platform.dashboard.DashboardCache;
import cn.county.platform.dashboard.FigureRow;
import cn.county.platform.household.HouseholdCategory;
import cn.county.platform.plan.Plan;
import cn.county.platform.plan.PlanProperties;
import cn.county.platform.plan.PlanProperties.YearTargets;
import cn.county.platform.screening.ScreeningMapper.Check;
import cn.county.platform.screening.ScreeningMapper.Line;
import cn.county.platform.screening.ScreeningMapper.Where;
import cn.county.platform.security.Caller;
import cn.county.platform.security.CallerScope;
import cn.county.platform.security.Scope;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The screening list (items 1-2) and the data-quality findings (item 3): resolves the
 * caller's area as the dashboard does, checks the arguments, and reads keyset pages.
 * Findings cannot come from an index (no index knows a wrong check digit), so they are
 * worked out over a bounded run of households per request; see {@link #findings}.
 */
@Service
public class ScreeningService {

	private static final String SCREENING_SORT = "screening:reason,value,id";

	private static final String FINDINGS_SORT = "findings:code,rule,record";

	/**
	 * A findings cursor that marks how far the households were scanned rather than a
	 * finding.
	 */
	private static final int SCANNED = Integer.MAX_VALUE;

	/**
	 * The audited entity types the data-quality rules read: a write of any of them
	 * changes the counts.
	 */
	private static final Set<String> COUNTED_RECORDS = Set.of("Household", "Member", "Job", "Loan", "SchoolingRecord",
			"AssistanceEnrolment", "HousingInspection", "RenovationProject");

	/** Households read per findings statement: about 3,500 members. */
	static final int CHUNK_HOUSEHOLDS = 1_000;

	/**
	 * Statements per findings request: at most 10,000 households. Measured on MariaDB
	 * 10.11 with 100,000 demo households, one statement over 1,000 households of a town
	 * took 0.1-0.7 s on a busy two-core machine, most of it the per-member probes for
	 * duplicates and job records; a request stays within a few seconds at worst and a
	 * dense rule fills its page from the first run.
	 */
	static final int CHUNKS_PER_REQUEST = 10;

	private static final List<HouseholdCategory> NOT_MONITORED = Arrays.stream(HouseholdCategory.values())
		.filter((category) -> category != HouseholdCategory.MONITORED)
		.toList();

	private final ScreeningMapper mapper;

	private final Areas areas;

	private final Plan plan;

	private final PlatformProperties properties;

	private final DashboardCache cache;

	/**
	 * The dashboard's small pool of statement threads, shared: the counts are dashboard
	 * figures too.
	 */
	private final Executor executor;

	/**
	 * A household on the minimum allowance whose income is above the monitoring line
	 * times this factor is a finding ({@code platform.screening.allowance-income-factor},
	 * default 2).
	 */
	private final BigDecimal allowanceIncomeFactor;

	/**
	 * Days a house graded D may wait for a renovation project before it is a finding
	 * ({@code platform.screening.renovation-grace-days}, default 90).
	 */
	private final int renovationGraceDays;

	ScreeningService(ScreeningMapper mapper, Areas areas, Plan plan, PlatformProperties properties,
			DashboardCache cache, @Qualifier("dashboardExecutor") Executor executor,
			@Value("${platform.screening.allowance-income-factor:2}") BigDecimal allowanceIncomeFactor,
			@Value("${platform.screening.renovation-grace-days:90}") int renovationGraceDays) {
		this.allowanceIncomeFactor = allowanceIncomeFactor;
		this.renovationGraceDays = renovationGraceDays;
		this.executor = executor;
		this.mapper = mapper;
		this.areas = areas;
		this.plan = plan;
		this.properties = properties;
		this.cache = cache;
	}

	// ---- screening list ----

	public Page<ScreeningEntry> screening(Caller caller, Integer year, ScreeningReason reason, String town,
			String village, Long householdId, Integer first, String after) {
		Area own = ownArea(caller, "screeningList", false);
		PageRequest request = PageRequest.of(first, after, SCREENING_SORT, this.properties.maxPageSize());
		int planYear = (year != null) ? year : this.plan.defaultYear();
		BigDecimal line = this.plan.year(planYear, "year").targets().monitoringLine();
		Where where = where(this.areas.narrow(own, town, village), householdId);
		List<ScreeningReason> reasons = (reason != null) ? List.of(reason) : List.of(ScreeningReason.values());
		Position position = request.afterValue((value) -> Position.of(value, request.afterId()));
		int start = 0;
		if (position != null) {
			start = reasons.indexOf(position.reason());
			if (start < 0) {
				throw DomainException.badRequest("after", "the cursor belongs to a list of another reason");
			}
		}
		List<ScreeningEntry> rows = new ArrayList<>();
		for (int i = start; i < reasons.size() && rows.size() < request.limit(); i++) {
			Position from = (i == start) ? position : null;
			int limit = request.limit() - rows.size();
			rows.addAll(switch (reasons.get(i)) {
				case UNDER_LINE_NOT_MONITORED ->
					this.mapper.selectUnderLine(caller.scope(), where, NOT_MONITORED, planYear, line,
							(from != null) ? from.income() : null, (from != null) ? from.id() : null, limit);
				case WARNING_NOT_SCREENED -> this.mapper.selectWarnings(caller.scope(), where,
						(from != null) ? from.date() : null, (from != null) ? from.id() : null, limit);
			});
		}
		return Page.of(rows, request, (row) -> row.reason() + "|" + row.sortValue(), ScreeningEntry::householdId);
	}

	/** Where a screening page starts: after this household of this reason's list. */
	private record Position(ScreeningReason reason, String value, long id) {

		/**
		 * Parsed whole now, so a forged value is a bad cursor
		 * ({@link PageRequest#afterValue}), not a database error.
		 */
		static Position of(String value, long id) {
			int bar = value.indexOf('|');
			Position position = new Position(ScreeningReason.valueOf(value.substring(0, bar)), value.substring(bar + 1),
					id);
			if (position.reason() == ScreeningReason.UNDER_LINE_NOT_MONITORED) {
				position.income();
			}
			else {
				position.date();
			}
			return position;
		}

		BigDecimal income() {
			return new BigDecimal(this.value);
		}

		LocalDate date() {
			return LocalDate.parse(this.value);
		}

	}

	// ---- data-quality findings ----

	/**
	 * A page of findings; {@code endCursor} may mark how far the scan went when the page
	 * is not full.
	 */
	public Page<Finding> findings(Caller caller, DataQualityRule rule, String town, String village, Long householdId,
			Integer first, String after) {
		return findings(caller, rule, town, village, householdId, first, after, CHUNK_HOUSEHOLDS, CHUNKS_PER_REQUEST);
	}

	/**
	 * Reads households in code order, {@code chunk} at a time, and the findings of each
	 * run, until the page is full (one finding more than asked, to know a next page
	 * exists), the households run out, or {@code maxChunks} runs were read. In the last
	 * case the page is shorter than asked and its end cursor marks the last household
	 * read, so the next request goes on from there: no request reads more than
	 * {@code chunk * maxChunks} households, which keeps the rules no index can answer (a
	 * wrong check digit, a birth date that disagrees with the ID) fast at a million
	 * households. Every statement is a range of one index (see ScreeningMapper.xml), none
	 * uses OFFSET.
	 */
	Page<Finding> findings(Caller caller, DataQualityRule rule, String town, String village, Long householdId,
			Integer first, String after, int chunk, int maxChunks) {
		Area own = ownArea(caller, "dataQualityFindings", false);
		PageRequest request = PageRequest.of(first, after, FINDINGS_SORT, this.properties.maxPageSize());
		Where where = where(this.areas.narrow(own, town, village), householdId);
		List<DataQualityRule> rules = (rule != null) ? List.of(rule) : List.of(DataQualityRule.values());
		Check check = check();
		FindingPosition position = request.afterValue((value) -> FindingPosition.of(value, request.afterId()));
		List<Finding> rows = new ArrayList<>();
		boolean exhausted = false;
		for (int chunks = 0; chunks < maxChunks && rows.size() < request.limit(); chunks++) {
			String afterCode = (position != null) ? position.code() : null;
			ScreeningMapper.Chunk next = this.mapper.selectChunk(caller.scope(), where, afterCode, chunk);
			String toCode = (next != null) ? next.last() : null;
			if (toCode == null) {
				exhausted = true;
				if (position == null || position.rule() == SCANNED) {
					break;
				}
				toCode = position.code(); // the rest of the household the cursor stopped
											// in
			}
			// from the cursor's household on (inclusive, past its finding), or from the
			// run's first household
			String fromCode = (position != null) ? position.code() : next.first();
			List<Finding> found = this.mapper.selectFindings(caller.scope(), where, rules, check, fromCode,
					(position != null) ? position.rule() : -1, (position != null) ? position.record() : 0, toCode,
					request.limit() - rows.size());
			rows.addAll(found);
			position = new FindingPosition(toCode, SCANNED, Long.MAX_VALUE);
			if (exhausted) {
				break;
			}
		}
		if (rows.size() >= request.limit() || exhausted || position == null) {
			return Page.of(rows, request, ScreeningService::sortValue, Finding::recordId);
		}
		// the scan budget ran out before the page filled: end the page where the scan
		// stopped
		List<Page.Edge<Finding>> edges = rows.stream()
			.map((row) -> new Page.Edge<>(row, request.cursor(sortValue(row), row.recordId())))
			.toList();
		String end = request.cursor(position.code() + "|" + SCANNED, Long.MAX_VALUE);
		return new Page<>(edges,
				new Page.PageInfo(true, request.after() != null, edges.isEmpty() ? end : edges.get(0).cursor(), end));
	}

	private static String sortValue(Finding finding) {
		return finding.householdCode() + "|" + finding.rule().ordinal();
	}

	/**
	 * Where a findings page starts: after this record of this rule in this household, in
	 * list order.
	 */
	private record FindingPosition(String code, int rule, long record) {

		/**
		 * Parsed whole now, so a forged value is a bad cursor
		 * ({@link PageRequest#afterValue}).
		 */
		static FindingPosition of(String value, long id) {
			int bar = value.lastIndexOf('|');
			int rule = Integer.parseInt(value.substring(bar + 1));
			if (rule != SCANNED && (rule < 0 || rule >= DataQualityRule.values().length)) {
				throw new IllegalArgumentException("rule");
			}
			return new FindingPosition(value.substring(0, bar), rule, id);
		}

	}

	// ---- counts ----

	/**
	 * Findings per rule in the caller's area (or the part of it asked for), every rule
	 * listed. Cached under the caller's scope, and computed once while identical requests
	 * wait ({@link DashboardCache#get}). The statements read the area resolved, which
	 * {@link Areas#narrow} has already held inside the caller's own: a dashboard viewer,
	 * whose row scope is none, reads the county's aggregates as the dashboard does.
	 */
	public Counts counts(Caller caller, String town, String village) {
		Area area = this.areas.narrow(ownArea(caller, "dataQualityCounts", true), town, village);
		Where where = where(area, null);
		Scope scope = switch (area.level()) {
			case COUNTY -> Scope.COUNTY;
			case TOWN -> Scope.town(area.code());
			case VILLAGE -> Scope.village(area.townCode(), area.code());
		};
		Check check = check();
		String key = "screening:dataQualityCounts:" + area.level() + "|" + area.code() + "|" + check;
		List<FigureRow> rows = this.cache.get(key, CallerScope.cacheKey(caller), COUNTED_RECORDS, () -> {
			List<FigureRow> counted = new ArrayList<>();
			// the two passes over member side by side: the county's counts cost the
			// longer of them, not the sum
			CompletableFuture<Long> duplicates = CompletableFuture
				.supplyAsync(() -> this.mapper.countDuplicateRule(scope, where, check), this.executor);
			Map<String, Object> members = this.mapper.countMemberRules(scope, where, check);
			for (DataQualityRule rule : DataQualityRule.values()) {
				Object value = (members != null) ? lookup(members, rule.name()) : null;
				if (value instanceof Number number) {
					counted.add(new FigureRow("", rule.name(), "", number.longValue(), null));
				}
			}
			counted.add(new FigureRow("", DataQualityRule.LOAN_PAST_MATURITY_ACTIVE.name(), "",
					this.mapper.countLoanRule(scope, where, check), null));
			counted.add(new FigureRow("", DataQualityRule.RISK_ELIMINATED_UNDER_LINE.name(), "",
					this.mapper.countRiskRule(scope, where, check), null));
			counted.add(new FigureRow("", DataQualityRule.DROPPED_OUT_WITHOUT_RETURN.name(), "",
					this.mapper.countSchoolingRule(scope, where, check), null));
			counted.add(new FigureRow("", DataQualityRule.MINIMUM_ALLOWANCE_INCOME_FAR_ABOVE_LINE.name(), "",
					this.mapper.countAllowanceRule(scope, where, check), null));
			counted.add(new FigureRow("", DataQualityRule.D_HOUSE_WITHOUT_RENOVATION.name(), "",
					this.mapper.countRenovationRule(scope, where, check), null));
			counted.add(new FigureRow("", DataQualityRule.DUPLICATE_ID_ACROSS_HOUSEHOLDS.name(), "",
					Futures.join(duplicates), null));
			return counted;
		});
		Map<DataQualityRule, Long> byRule = new LinkedHashMap<>();
		for (DataQualityRule rule : DataQualityRule.values()) {
			byRule.put(rule, 0L);
		}
		rows.forEach((row) -> byRule.merge(DataQualityRule.valueOf(row.figure()), row.count(), Long::sum));
		return new Counts(area, byRule);
	}

	/** Column labels come back in the case the server chooses. */
	private static Object lookup(Map<String, Object> row, String name) {
		for (Map.Entry<String, Object> entry : row.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(name)) {
				return entry.getValue();
			}
		}
		return null;
	}

	/**
	 * @param area the area counted
	 * @param byRule findings per rule, in rule order
	 */
	public record Counts(Area area, Map<DataQualityRule, Long> byRule) {

		public long total() {
			return this.byRule.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	// ---- what the rules are judged against ----

	/**
	 * Today, school age as of today, and the monitoring line of every range of income
	 * years the plan covers.
	 */
	Check check() {
		LocalDate today = this.plan.today();
		PlanProperties plan = this.plan.properties();
		List<Line> lines = new ArrayList<>();
		List<Line> allowanceLines = new ArrayList<>();
		List<Map.Entry<Integer, YearTargets>> years = new ArrayList<>(plan.years().entrySet());
		for (int i = 0; i < years.size(); i++) {
			int to = (i + 1 < years.size()) ? years.get(i + 1).getKey() - 1 : 9999;
			BigDecimal line = years.get(i).getValue().monitoringLine();
			lines.add(new Line(years.get(i).getKey(), to, line));
			allowanceLines.add(new Line(years.get(i).getKey(), to, line.multiply(this.allowanceIncomeFactor)));
		}
		return new Check(today, today.minusYears(plan.schoolAgeTo() + 1L), today.minusYears(plan.schoolAgeFrom()),
				List.copyOf(lines), List.copyOf(allowanceLines), today.minusDays(this.renovationGraceDays));
	}

	// ---- who sees which area (as the dashboard: DashboardService) ----

	/**
	 * The caller's own area. Lists carry personal data, so only staff with
	 * household-level access get one; the counts are aggregates, which dashboard viewers
	 * may read too.
	 */
	private Area ownArea(Caller caller, String query, boolean aggregates) {
		Area own = this.areas.own(caller, aggregates);
		if (own == null) {
			throw new DomainException(new Violation(query, aggregates
					? "data-quality counts are for county, town and village staff, departments and dashboard viewers"
					: "the screening lists are for county, town and village staff and departments",
					ErrorClassification.FORBIDDEN));
		}
		return own;
	}

	private static Where where(Area area, Long householdId) {
		return switch (area.level()) {
			case COUNTY -> new Where(null, null, householdId);
			case TOWN -> new Where(area.code(), null, householdId);
			case VILLAGE -> new Where(area.townCode(), area.code(), householdId);
		};
	}

}
