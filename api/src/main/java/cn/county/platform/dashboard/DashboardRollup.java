package cn.county.platform.dashboard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.county.platform.audit.RecordsChanged;
import cn.county.platform.common.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's large statements, stored per town in the database (V31,
 * docs/dashboard.md "Rollup"), so that a county or town summary adds up stored towns
 * instead of reading every household, member, job, loan and visit.
 * <p>
 * <b>Never stale.</b> Every audited write increments, in its own transaction, a version
 * per town it touched and statement that reads what it wrote
 * ({@link FigureQuery#affectedBy}); a write the API cannot place in a town increments the
 * epoch instead, which every town's rows carry too. A town's stored rows are used only
 * while both are what they were computed under; the versions are read first in the same
 * snapshot as the figures, so a write that commits while a town is being computed leaves
 * those rows stale, and the next read computes the town again. Writes that bypass the API
 * (a bulk load, a restore of another database's tables) call {@link #invalidateAll}.
 * <p>
 * <b>Additive.</b> Every stored figure is a count or a sum that adds up over towns (a
 * member, a job, a loan belong to one household, a sale to one seller, and each household
 * and seller to one town), except the cadres and cadre-weeks of the visits: a cadre may
 * visit in two towns, so each town stores, per cadre, a mask of the weeks the cadre
 * visited in, and the masks are OR-ed before they are counted.
 * <p>
 * Villages are not stored: a village's figures read only its own households and are
 * computed directly.
 */
@Component
public class DashboardRollup {

	/** The statements stored per town: every one, since each adds up over towns. */
	static final Set<FigureQuery> STORED = EnumSet.allOf(FigureQuery.class);

	/** The area code of the epoch's versions. */
	static final String EPOCH = "*";

	/**
	 * The visits' per-cadre rows: key the cadre, amount the mask of the weeks since the
	 * period's first Monday.
	 */
	private static final String CADRE_WEEKS = "cadreWeekMask";

	private static final Logger log = LoggerFactory.getLogger(DashboardRollup.class);

	private final DashboardMapper mapper;

	private final DashboardCache cache;

	/**
	 * The transaction a batch of towns is computed in: its snapshot holds the versions
	 * and the figures.
	 */
	private final TransactionTemplate snapshot;

	private final boolean enabled;

	private final int batchSize;

	DashboardRollup(DashboardMapper mapper, DashboardCache cache, PlatformTransactionManager transactions,
			@Value("${platform.dashboard.rollup.enabled:true}") boolean enabled,
			@Value("${platform.dashboard.rollup.batch-towns:50}") int batchSize) {
		this.mapper = mapper;
		this.cache = cache;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.enabled = enabled;
		this.batchSize = Math.max(1, batchSize);
	}

	/** Whether this statement at this level and area is read from the stored towns. */
	boolean covers(FigureQuery query, SectionQuery sql) {
		return this.enabled && STORED.contains(query) && sql.villageCode() == null && sql.townCodes() == null
				&& !AreaLevel.VILLAGE.name().equals(sql.level());
	}

	/**
	 * The statement's rows at the query's level (the county, or one row per town), added
	 * up from the stored towns of the query's area; towns not stored, or stored under an
	 * older version, are computed and stored first.
	 */
	List<FigureRow> rows(FigureQuery query, SectionQuery sql) {
		String params = Digests.sha256Hex(sql.paramsKey());
		List<String> towns = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		Map<String, List<FigureRow>> byTown = new HashMap<>();
		for (Map<String, Object> stored : this.mapper.selectRollup(params, query.name(), sql.townCode())) {
			String town = (String) stored.get("area");
			towns.add(town);
			Object figures = stored.get("figures");
			if (figures != null) {
				// a driver may hand a CASE over a text column back as bytes
				byTown.put(town, DashboardCache.decode((figures instanceof byte[] bytes)
						? new String(bytes, StandardCharsets.UTF_8) : figures.toString()));
			}
			else {
				missing.add(town);
			}
		}
		for (int i = 0; i < missing.size(); i += this.batchSize) {
			byTown
				.putAll(compute(query, sql, params, missing.subList(i, Math.min(missing.size(), i + this.batchSize))));
			if (missing.size() > this.batchSize) {
				log.info("Dashboard rollup of {}: {} of {} towns computed", query,
						Math.min(missing.size(), i + this.batchSize), missing.size());
			}
		}
		return combine(query, sql, towns, byTown);
	}

	/**
	 * Computes a batch of towns in one snapshot, stores them, and returns their rows by
	 * town.
	 */
	private Map<String, List<FigureRow>> compute(FigureQuery query, SectionQuery sql, String params,
			List<String> towns) {
		List<String> areas = new ArrayList<>(towns);
		areas.add(EPOCH);
		Map<String, Long> versions = new HashMap<>();
		List<FigureRow> rows = this.snapshot.execute((status) -> {
			for (Map<String, Object> version : this.mapper.selectAreaVersions(query.name(), areas)) {
				versions.put((String) version.get("area"), ((Number) version.get("version")).longValue());
			}
			return perTown(query, sql.forTowns(towns));
		});
		Map<String, Map<String, FigureRow>> merged = new LinkedHashMap<>();
		towns.forEach((town) -> merged.put(town, new LinkedHashMap<>()));
		for (FigureRow row : rows) {
			Map<String, FigureRow> town = merged.get(row.area());
			if (town != null) {
				town.merge(row.figure() + '\t' + row.key(), row, DashboardRollup::add);
			}
		}
		Map<String, List<FigureRow>> byTown = new HashMap<>();
		List<Stored> stored = new ArrayList<>();
		long epoch = versions.getOrDefault(EPOCH, 0L);
		merged.forEach((town, figures) -> {
			List<FigureRow> list = List.copyOf(figures.values());
			byTown.put(town, list);
			stored.add(new Stored(town, versions.getOrDefault(town, 0L), epoch, DashboardCache.encode(list)));
		});
		try {
			this.mapper.storeRollup(params, query.name(), sql.asOf(), sql.to(), stored);
		}
		catch (RuntimeException ex) {
			// the figures are right; only the next read will have to compute them again
			log.warn("Could not store the dashboard rollup of {}: {}", query, ex.getMessage());
		}
		return byTown;
	}

	/** The statement's rows for the query's towns, each row's area a town. */
	private List<FigureRow> perTown(FigureQuery query, SectionQuery towns) {
		if (query != FigureQuery.VISITS) {
			return query.run(this.mapper, towns);
		}
		LocalDate firstMonday = towns.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<FigureRow> rows = new ArrayList<>();
		Map<String, Long> masks = new LinkedHashMap<>();
		Map<String, Long> visits = new HashMap<>();
		for (FigureRow row : this.mapper.visitRollup(towns)) {
			if ("week".equals(row.figure())) {
				rows.add(row);
				continue;
			}
			// key: the week's Monday (yyyy-MM-dd), a space, the cadre
			int week = (int) ChronoUnit.WEEKS.between(firstMonday, LocalDate.parse(row.key().substring(0, 10)));
			String cadre = row.area() + '\t' + row.key().substring(11);
			masks.merge(cadre, 1L << week, (a, b) -> a | b);
			visits.merge(cadre, row.count(), Long::sum);
		}
		masks.forEach((cadre, mask) -> {
			int tab = cadre.indexOf('\t');
			rows.add(new FigureRow(cadre.substring(0, tab), CADRE_WEEKS, cadre.substring(tab + 1), visits.get(cadre),
					BigDecimal.valueOf(mask)));
		});
		return rows;
	}

	/**
	 * Adds the towns up to the query's level; the visits' masks become cadres and
	 * cadre-weeks.
	 */
	private static List<FigureRow> combine(FigureQuery query, SectionQuery sql, List<String> towns,
			Map<String, List<FigureRow>> byTown) {
		boolean county = AreaLevel.COUNTY.name().equals(sql.level());
		Map<String, Map<String, FigureRow>> areas = new LinkedHashMap<>();
		for (String town : towns) {
			String area = county ? AreaLevel.COUNTY.name() : town;
			Map<String, FigureRow> figures = areas.computeIfAbsent(area, (a) -> new HashMap<>());
			for (FigureRow row : byTown.getOrDefault(town, List.of())) {
				figures.merge(row.figure() + '\t' + row.key(),
						new FigureRow(area, row.figure(), row.key(), row.count(), row.amount()), DashboardRollup::add);
			}
		}
		List<FigureRow> rows = new ArrayList<>();
		areas.forEach((area, figures) -> {
			long cadres = 0;
			long cadreWeeks = 0;
			for (FigureRow row : figures.values()) {
				switch (row.figure()) {
					case CADRE_WEEKS -> {
						cadres++;
						cadreWeeks += Long.bitCount(row.amount().longValue());
					}
					case "week" -> rows.addAll(DashboardMapper.week(area, row));
					default -> rows.add(row);
				}
			}
			if (query == FigureQuery.VISITS) {
				rows.add(new FigureRow(area, "cadres", "", cadres, null));
				rows.add(new FigureRow(area, "cadreWeeks", "", cadreWeeks, null));
			}
		});
		return rows;
	}

	/** Counts and amounts add up; the weeks a cadre visited in are OR-ed. */
	private static FigureRow add(FigureRow a, FigureRow b) {
		if (CADRE_WEEKS.equals(a.figure())) {
			return new FigureRow(a.area(), a.figure(), a.key(), a.count() + b.count(),
					BigDecimal.valueOf(a.amount().longValue() | b.amount().longValue()));
		}
		return a.plus(b);
	}

	// ---- writes ----

	/**
	 * In the writing transaction, when a write is audited: notes the towns it touched
	 * (its households' towns, read now, and the towns its records named before and after)
	 * for the statements that read what it wrote; the versions are incremented once, just
	 * before the commit, in key order.
	 */
	@EventListener
	void recordsChanged(RecordsChanged event) {
		Set<FigureQuery> affected = EnumSet.copyOf(FigureQuery.affectedBy(event.entityType()));
		affected.retainAll(STORED);
		if (affected.isEmpty()) {
			return;
		}
		Set<String> towns = new TreeSet<>(event.townCodes());
		if (!event.householdIds().isEmpty()) {
			towns.addAll(this.mapper.selectTownCodesOfHouseholds(event.householdIds()));
		}
		if (!event.sellerIds().isEmpty()) {
			towns.addAll(this.mapper.selectTownCodesOfSellers(event.sellerIds()));
		}
		if (towns.isEmpty()) {
			towns.add(EPOCH); // nowhere the API can name: every town
		}
		Set<AreaStatement> keys = new TreeSet<>();
		for (String town : towns) {
			affected.forEach((query) -> keys.add(new AreaStatement(town, query.name())));
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.mapper.incrementAreaVersions(List.copyOf(keys));
			return;
		}
		pending().addAll(keys);
	}

	/** The keys this transaction will increment before it commits. */
	@SuppressWarnings("unchecked")
	private Set<AreaStatement> pending() {
		Set<AreaStatement> pending = (Set<AreaStatement>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Set<AreaStatement> keys = new TreeSet<>();
			TransactionSynchronizationManager.bindResource(this, keys);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					if (!keys.isEmpty()) {
						DashboardRollup.this.mapper.incrementAreaVersions(List.copyOf(keys));
					}
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(DashboardRollup.this);
				}

			});
			pending = keys;
		}
		return pending;
	}

	/**
	 * Drops the stored towns of periods that had not ended, computed on a day before
	 * {@code today}: a current period's figures are judged on the day they are asked for,
	 * so those rows can never be read again.
	 */
	public int purge(LocalDate today) {
		return this.mapper.purgeRollup(today);
	}

	/**
	 * After rows were written past the API (a bulk load, planted test data): every stored
	 * town and every cached figure is out of date.
	 */
	public void invalidateAll() {
		this.mapper.incrementAreaVersions(
				STORED.stream().map((query) -> new AreaStatement(EPOCH, query.name())).sorted().toList());
		this.cache.invalidateAll();
	}

	/** A town's rows as stored. */
	record Stored(String area, long version, long epoch, String figures) {
	}

	/** One version: a town (or the epoch) and a statement. */
	record AreaStatement(String area, String statement) implements Comparable<AreaStatement> {

		@Override
		public int compareTo(AreaStatement other) {
			int byArea = this.area.compareTo(other.area);
			return (byArea != 0) ? byArea : this.statement.compareTo(other.statement);
		}

	}

}
