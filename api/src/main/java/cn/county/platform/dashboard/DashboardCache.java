package cn.county.platform.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.county.platform.audit.RecordsChanged;
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
 * Dashboard figures in Redis, versioned: every entry's key carries the current value of {@link #VERSION_KEY}, and
 * every write that commits increments it, so entries written before the write are never read again (they expire
 * after {@code platform.dashboard.cache-ttl}). The increment runs after the commit and before the write's response
 * is sent, so the writer's next read can only miss.
 * <p>
 * Redis is optional. Without one, or while it fails, figures come from SQL. If an increment fails, this instance
 * reads nothing from the cache until a retried increment succeeds (each read retries it first); another instance
 * that never saw the failure may serve an entry written before the write until the entry's TTL ends
 * (docs/scaling.md).
 */
@Component
public class DashboardCache {

	/** Incremented by every committed write; part of every entry's key. */
	static final String VERSION_KEY = "county:dashboard:version";

	static final String PREFIX = "county:dashboard:f1:";

	private static final Logger log = LoggerFactory.getLogger(DashboardCache.class);

	private final ObjectProvider<StringRedisTemplate> redis;

	private final Duration ttl;

	/** An increment that failed: until it succeeds, this instance reads nothing from the cache. */
	private volatile boolean invalidationPending;

	DashboardCache(ObjectProvider<StringRedisTemplate> redis,
			@Value("${platform.dashboard.cache-ttl:10m}") Duration ttl) {
		this.redis = redis;
		this.ttl = ttl;
	}

	/**
	 * The current version, read once per request; null when there is no Redis to use, so every figure of the
	 * request is read from SQL.
	 */
	public String version() {
		StringRedisTemplate template = this.redis.getIfAvailable();
		if (template == null) {
			return null;
		}
		if (this.invalidationPending && !increment(template)) {
			return null;
		}
		try {
			String version = template.opsForValue().get(VERSION_KEY);
			if (version == null) {
				// a new or emptied Redis (or an evicted key): start past any number an old entry could carry
				template.opsForValue().setIfAbsent(VERSION_KEY, String.valueOf(System.currentTimeMillis()));
				version = template.opsForValue().get(VERSION_KEY);
			}
			return version;
		}
		catch (RuntimeException ex) {
			log.debug("Redis unavailable for dashboard figures: {}", ex.getMessage());
			return null;
		}
	}

	public List<FigureRow> get(String version, String key, Supplier<List<FigureRow>> load) {
		StringRedisTemplate template = this.redis.getIfAvailable();
		if (version == null || template == null) {
			return load.get();
		}
		String entry = PREFIX + version + ":" + key;
		try {
			String cached = template.opsForValue().get(entry);
			if (cached != null) {
				return decode(cached);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Redis unavailable for dashboard figures: {}", ex.getMessage());
			return load.get();
		}
		List<FigureRow> rows = load.get();
		try {
			template.opsForValue().set(entry, encode(rows), this.ttl);
		}
		catch (RuntimeException ex) {
			log.debug("Could not cache dashboard figures: {}", ex.getMessage());
		}
		return rows;
	}

	/** After any write commits: entries written before it are not read again. */
	@TransactionalEventListener
	void recordsChanged(RecordsChanged event) {
		invalidate();
	}

	/** At startup too: the database may have been loaded or restored while Redis kept entries. */
	@EventListener(ApplicationReadyEvent.class)
	public void invalidate() {
		StringRedisTemplate template = this.redis.getIfAvailable();
		if (template != null && !increment(template)) {
			log.warn("Could not invalidate cached dashboard figures; this instance reads them from SQL until it can");
		}
	}

	private boolean increment(StringRedisTemplate template) {
		try {
			template.opsForValue().increment(VERSION_KEY);
			this.invalidationPending = false;
			return true;
		}
		catch (RuntimeException ex) {
			this.invalidationPending = true;
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
