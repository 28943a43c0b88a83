package cn.county.platform.protect;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters kept in Redis, so every API instance counts against one limit.
 * With Redis down or absent each instance counts alone: the limit loosens by the number
 * of instances but the API keeps serving.
 */
@Component
public class RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	/** INCR and set the expiry in one round trip, atomically. */
	private static final RedisScript<Long> INCREMENT = new DefaultRedisScript<>(
			"local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n",
			Long.class);

	private final ObjectProvider<StringRedisTemplate> redis;

	/**
	 * window length → the local counts of its current window (the rate limits and the
	 * stored-query quota differ)
	 */
	private final Map<Long, LocalWindow> local = new ConcurrentHashMap<>();

	RateLimiter(ObjectProvider<StringRedisTemplate> redis) {
		this.redis = redis;
	}

	/** Counts one request; answers the count in the current window. */
	public long hit(String subject, long windowMillis) {
		long window = System.currentTimeMillis() / windowMillis;
		String key = "county:rl:{" + subject + "}:" + window;
		StringRedisTemplate template = this.redis.getIfAvailable();
		if (template != null) {
			try {
				Long count = template.execute(INCREMENT, List.of(key), String.valueOf(windowMillis * 2));
				if (count != null) {
					return count;
				}
			}
			catch (RuntimeException ex) {
				log.debug("Redis unavailable for rate limits, counting locally: {}", ex.getMessage());
			}
		}
		return localWindow(windowMillis, window).counts()
			.computeIfAbsent(key, (k) -> new AtomicLong())
			.incrementAndGet();
	}

	/** The count in the current window, without counting this call. */
	long peek(String subject, long windowMillis) {
		long window = System.currentTimeMillis() / windowMillis;
		String key = "county:rl:{" + subject + "}:" + window;
		StringRedisTemplate template = this.redis.getIfAvailable();
		if (template != null) {
			try {
				String count = template.opsForValue().get(key);
				return (count != null) ? Long.parseLong(count) : 0;
			}
			catch (RuntimeException ex) {
				log.debug("Redis unavailable for rate limits, counting locally: {}", ex.getMessage());
			}
		}
		AtomicLong count = localWindow(windowMillis, window).counts().get(key);
		return (count != null) ? count.get() : 0;
	}

	private LocalWindow localWindow(long windowMillis, long window) {
		return this.local.compute(windowMillis, (length, current) -> (current != null && current.window() == window)
				? current : new LocalWindow(window, new ConcurrentHashMap<>()));
	}

	private record LocalWindow(long window, Map<String, AtomicLong> counts) {
	}

	/** Seconds until the current window ends, for {@code Retry-After}. */
	public static long secondsLeft(long windowMillis) {
		long now = System.currentTimeMillis();
		return Math.max(1, ((now / windowMillis + 1) * windowMillis - now + 999) / 1000);
	}

}
