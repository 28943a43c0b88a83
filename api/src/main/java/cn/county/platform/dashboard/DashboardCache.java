package cn.county.platform.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import cn.county.platform.audit.RecordsChanged;
import cn.county.platform.common.SingleFlight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Dashboard figures in Redis, versioned per statement: every entry's key carries the
 * current value of its statement's version key ({@link #VERSION_PREFIX} + the
 * {@link FigureQuery}), and every write that commits increments the versions of the
 * statements that read what it wrote ({@link FigureQuery#affectedBy}), so entries written
 * before the write are never read again (they expire after
 * {@code platform.dashboard.cache-ttl}). The increment runs after the commit and before
 * the write's response is sent, so the writer's next read can only miss.
 * <p>
 * Redis is optional. Without one, or while it fails, figures come from SQL. If an
 * increment fails, this instance reads nothing from the cache until a retried increment
 * succeeds (each read retries it first); another instance that never saw the failure may
 * serve an entry written before the write until the entry's TTL ends (docs/scaling.md).
 * <p>
 * Every entry's key ends with the caller's
 * {@link cn.county.platform.security.CallerScope#cacheKey}: callers who may see
 * differently never share one, whatever the statement reads. Beside the Redis versions,
 * this instance keeps a local generation per statement, incremented by the same committed
 * writes, so that a computation joined through a {@link SingleFlight} never started
 * before a write the joining request must see, with or without Redis.
 */
@Component
public class DashboardCache {

	/**
	 * Followed by a {@link FigureQuery}: incremented by every committed write to what the
	 * statement reads. Every dashboard key carries the hash tag {@code {dashboard}}, so
	 * that on a Redis Cluster the versions and entries a request reads together in one
	 * {@code MGET} live in one slot.
	 */
	static final String VERSION_PREFIX = "county:{dashboard}:version:";

	static final String PREFIX = "county:{dashboard}:f2:";

	private static final List<FigureQuery> QUERIES = List.of(FigureQuery.values());

	private static final List<String> VERSION_KEYS = QUERIES.stream().map((q) -> VERSION_PREFIX + q.name()).toList();

	private static final Logger log = LoggerFactory.getLogger(DashboardCache.class);

	private final ObjectProvider<StringRedisTemplate> redis;

	private final Duration ttl;

	/**
	 * Increments that failed: until they succeed, this instance reads nothing from the
	 * cache.
	 */
	private final Set<FigureQuery> invalidationPending = ConcurrentHashMap.newKeySet();

	/**
	 * Incremented on this instance by every committed write to what the statement reads,
	 * Redis or not.
	 */
	private final Map<FigureQuery, AtomicLong> generations = new EnumMap<>(FigureQuery.class);

	/**
	 * Cold computations of {@link #get} entries, each run once while identical requests
	 * wait for it.
	 */
	private final SingleFlight<List<FigureRow>> flights = new SingleFlight<>("dataQualityCounts");

	private final Duration wait;

	DashboardCache(ObjectProvider<StringRedisTemplate> redis,
			@Value("${platform.dashboard.cache-ttl:10m}") Duration ttl,
			@Value("${platform.limits.request-timeout:15s}") Duration wait) {
		this.redis = redis;
		this.ttl = ttl;
		this.wait = wait;
		for (FigureQuery query : QUERIES) {
			this.generations.put(query, new AtomicLong());
		}
	}

	/**
	 * This instance's generation of each statement (of the given ones): part of the key
	 * under which identical cold computations are joined, so none is joined across a
	 * committed write.
	 */
	String generations(Set<FigureQuery> queries) {
		return queries.stream()
			.map((query) -> query.name() + "#" + this.generations.get(query).get())
			.collect(Collectors.joining(","));
	}

	/** The computations {@link #get} ran and joined. */
	SingleFlight<List<FigureRow>> flights() {
		return this.flights;
	}

	/**
	 * The current version of every statement, read once per request in one round trip;
	 * null when there is no Redis to use, so every figure of the request is read from
	 * SQL.
	 */
	Map<FigureQuery, String> versions() {
		StringRedisTemplate template = this.redis.getIfAvailable();
		if (template == null) {
			return null;
		}
		if (!this.invalidationPending.isEmpty() && !increment(template, Set.copyOf(this.invalidationPending))) {
			return null;
		}
		try {
			List<String> values = template.opsForValue().multiGet(VERSION_KEYS);
			Map<FigureQuery, String> versions = new EnumMap<>(FigureQuery.class);
			for (int i = 0; i < QUERIES.size(); i++) {
				String version = (values != null) ? values.get(i) : null;
				if (version == null) {
					// a new or emptied Redis (or an evicted key): start past any number
					// an old entry could carry
					template.opsForValue().setIfAbsent(VERSION_KEYS.get(i), String.valueOf(System.currentTimeMillis()));
					version = template.opsForValue().get(VERSION_KEYS.get(i));
				}
				versions.put(QUERIES.get(i), version);
			}
			return versions;
		}
		catch (RuntimeException ex) {
			log.debug("Redis unavailable for dashboard figures: {}", ex.getMessage());
			return null;
		}
	}

	/**
	 * The cached rows of the given statements, in one round trip; a statement missing
	 * from the answer was not cached (or there is no Redis to ask), and its rows go
	 * through {@link #put} once read from SQL.
	 */
	Map<FigureQuery, List<FigureRow>> getAll(Map<FigureQuery, String> versions, List<FigureQuery> queries, String key,
			String scope) {
		if (versions == null) {
			return Map.of();
		}
		List<String> cached = read(versions,
				queries.stream().map((query) -> entry(versions, query, key, scope)).toList());
		Map<FigureQuery, List<FigureRow>> hits = new EnumMap<>(FigureQuery.class);
		for (int i = 0; cached != null && i < queries.size(); i++) {
			if (cached.get(i) != null) {
				hits.put(queries.get(i), decode(cached.get(i)));
			}
		}
		return hits;
	}

	/**
	 * Caches rows read from SQL under the version read before they were read, for callers
	 * of this scope.
	 */
	void put(Map<FigureQuery, String> versions, FigureQuery query, String key, String scope, List<FigureRow> rows) {
		if (versions != null) {
			write(versions, entry(versions, query, key, scope), rows);
		}
	}

	/**
	 * Rows another part of the API computes from the records the figures come from (the
	 * data-quality counts), cached with them: under the version of every statement that a
	 * write of one of {@code reads} (audited entity types) invalidates, so any such write
	 * invalidates this entry as well, and under the caller's scope ({@code scope},
	 * {@link cn.county.platform.security.CallerScope#cacheKey}). On a miss the rows are
	 * computed once however many identical requests arrive meanwhile: the others wait for
	 * that computation (at most the request timeout) and share its rows. Without Redis,
	 * or while it fails, the rows are computed, still once at a time per key.
	 */
	public List<FigureRow> get(String key, String scope, Set<String> reads, Supplier<List<FigureRow>> load) {
		Set<FigureQuery> queries = EnumSet.noneOf(FigureQuery.class);
		reads.forEach((type) -> queries.addAll(FigureQuery.affectedBy(type)));
		String local = generations(queries) + ":" + key + ":" + scope;
		Map<FigureQuery, String> versions = versions();
		if (versions == null) {
			return this.flights.run(local, this.wait, load);
		}
		String entry = PREFIX + "with:"
				+ queries.stream()
					.map((query) -> query.name() + "=" + versions.get(query))
					.collect(Collectors.joining(","))
				+ ":" + key + ":" + scope;
		List<String> cached = read(versions, List.of(entry));
		if (cached != null && cached.get(0) != null) {
			return decode(cached.get(0));
		}
		return this.flights.run(entry + "@" + local, this.wait, () -> {
			// a computation that ended between the read above and this one's start has
			// stored its rows
			List<String> stored = read(versions, List.of(entry));
			if (stored != null && stored.get(0) != null) {
				return decode(stored.get(0));
			}
			List<FigureRow> rows = load.get();
			write(versions, entry, rows);
			return rows;
		});
	}

	private static String entry(Map<FigureQuery, String> versions, FigureQuery query, String key, String scope) {
		return PREFIX + query.name() + ":" + versions.get(query) + ":" + key + ":" + scope;
	}

	/**
	 * The entries' texts in one MGET, null for each missing; null altogether without
	 * Redis or while it fails.
	 */
	private List<String> read(Map<FigureQuery, String> versions, List<String> entries) {
		StringRedisTemplate template = this.redis.getIfAvailable();
		if (versions == null || template == null || entries.isEmpty()) {
			return null;
		}
		try {
			return template.opsForValue().multiGet(entries);
		}
		catch (RuntimeException ex) {
			log.debug("Redis unavailable for dashboard figures: {}", ex.getMessage());
			return null;
		}
	}

	private void write(Map<FigureQuery, String> versions, String entry, List<FigureRow> rows) {
		StringRedisTemplate template = this.redis.getIfAvailable();
		if (versions == null || template == null) {
			return;
		}
		try {
			template.opsForValue().set(entry, encode(rows), this.ttl);
		}
		catch (RuntimeException ex) {
			log.debug("Could not cache dashboard figures: {}", ex.getMessage());
		}
	}

	/**
	 * After a write commits: entries of the statements that read what it wrote are not
	 * read again.
	 */
	@TransactionalEventListener
	void recordsChanged(RecordsChanged event) {
		invalidate(FigureQuery.affectedBy(event.entityType()));
	}

	/**
	 * At startup, every statement: the database may have been loaded or restored while
	 * Redis kept entries.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void invalidateAll() {
		invalidate(EnumSet.allOf(FigureQuery.class));
	}

	private void invalidate(Set<FigureQuery> queries) {
		queries.forEach((query) -> this.generations.get(query).incrementAndGet());
		StringRedisTemplate template = this.redis.getIfAvailable();
		if (template != null && !queries.isEmpty() && !increment(template, queries)) {
			log.warn("Could not invalidate cached dashboard figures; this instance reads them from SQL until it can");
		}
	}

	private boolean increment(StringRedisTemplate template, Set<FigureQuery> queries) {
		try {
			for (FigureQuery query : queries) {
				template.opsForValue().increment(VERSION_PREFIX + query.name());
				this.invalidationPending.remove(query);
			}
			return true;
		}
		catch (RuntimeException ex) {
			this.invalidationPending.addAll(queries);
			log.debug("Redis unavailable for dashboard invalidation: {}", ex.getMessage());
			return false;
		}
	}

	static String encode(List<FigureRow> rows) {
		StringBuilder text = new StringBuilder(rows.size() * 40);
		for (FigureRow row : rows) {
			text.append(row.area())
				.append('\t')
				.append(row.figure())
				.append('\t')
				.append(row.key())
				.append('\t')
				.append(row.count())
				.append('\t')
				.append((row.amount() != null) ? row.amount().toPlainString() : "")
				.append('\n');
		}
		return text.toString();
	}

	static List<FigureRow> decode(String text) {
		List<FigureRow> rows = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("\t", -1);
			rows.add(new FigureRow(parts[0], parts[1], parts[2], Long.parseLong(parts[3]),
					parts[4].isEmpty() ? null : new BigDecimal(parts[4])));
		}
		return rows;
	}

}
