package cn.county.platform.protect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.county.platform.common.Digests;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.security.AccessContext;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryIdInvalid;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Automatic persisted queries in Apollo's protocol
 * ({@code extensions.persistedQuery.sha256Hash}): mobile apps send a hash instead of the
 * query text, and the text is kept in Redis (shared by all instances) and in a small
 * local map (which also serves while Redis is down). Clients listed in
 * {@code platform.persisted-queries.trusted-clients} may run only the trusted documents
 * shipped under {@code trusted-documents/<client>/}.
 * <p>
 * A text sent with an unknown hash is not stored on arrival: it runs like any query,
 * through the parser's token budget, validation and the limits of
 * {@link QueryLimitsInstrumentation}, and {@link PersistedQueryRegistration} stores it
 * only once that execution started without a syntax, validation or limit error. So
 * nothing a request could not run is ever stored, and the checks are the pipeline's own,
 * not a copy. Each caller may register at most {@code quota-per-caller} documents per
 * {@code quota-window} (counted by {@link RateLimiter}, in Redis when it is there), each
 * at most {@code max-document-size}; past either the request is refused before it runs.
 */
@Component
public class PersistedQueries implements PersistedQueryCache, PreparsedDocumentProvider {

	private static final Logger log = LoggerFactory.getLogger(PersistedQueries.class);

	private static final String KEY_PREFIX = "county:apq:";

	private static final String QUOTA_PREFIX = "apq-quota:";

	private final PersistedQueryProperties properties;

	private final ObjectProvider<StringRedisTemplate> redis;

	private final RateLimiter counter;

	/** hash → text and when it expires, like the Redis entry it copies */
	private final Map<String, Stored> local;

	/** client → (hash → text) */
	private final Map<String, Map<String, String>> trusted;

	private final ApolloPersistedQuerySupport apollo = new ApolloPersistedQuerySupport(this);

	PersistedQueries(PersistedQueryProperties properties, ObjectProvider<StringRedisTemplate> redis,
			RateLimiter counter) {
		this.properties = properties;
		this.redis = redis;
		this.counter = counter;
		int capacity = properties.localEntries();
		this.local = Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
				return size() > capacity;
			}
		});
		this.trusted = loadTrusted();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			java.util.function.Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		AccessContext access = input.getGraphQLContext().get(AccessContext.class);
		String client = (access != null) ? access.caller().client() : null;
		if (client != null && this.properties.trustedClients().contains(client)) {
			return CompletableFuture.completedFuture(trustedOnly(client, input, parseAndValidate));
		}
		return this.apollo.getDocumentAsync(input, parseAndValidate);
	}

	/** A client held to trusted documents runs a known hash, or nothing. */
	private PreparsedDocumentEntry trustedOnly(String client, ExecutionInput input,
			java.util.function.Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Map<String, String> documents = this.trusted.getOrDefault(client, Map.of());
		String hash = requestedHash(input).orElse(null);
		if (hash == null && !PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(input.getQuery())) {
			hash = Digests.sha256Hex(input.getQuery());
		}
		String text = (hash != null) ? documents.get(hash) : null;
		if (text == null) {
			return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
				.errorType(ErrorClassification.FORBIDDEN)
				.message("Client " + client + " may run only its trusted documents; this one is not among them")
				.extensions(Map.of("classification", ErrorClassification.FORBIDDEN.name(), "limit", "trustedDocuments"))
				.build());
		}
		return parseAndValidate.apply(input.transform((builder) -> builder.query(text)));
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object persistedQueryId,
			ExecutionInput input, PersistedQueryCacheMiss onCacheMiss) throws PersistedQueryNotFound {
		String hash = persistedQueryId.toString();
		String query = input.getQuery();
		boolean textSent = query != null && !query.isBlank()
				&& !PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query);
		if (textSent && !Digests.sha256Hex(query).equalsIgnoreCase(hash)) {
			// a text that does not hash to the id would otherwise run the stored query
			// under another text's name
			throw new PersistedQueryIdInvalid(persistedQueryId);
		}
		String text = lookup(hash);
		if (text == null) {
			if (!textSent) {
				// Apollo clients answer this by sending the hash again with the full text
				throw new PersistedQueryNotFound(persistedQueryId);
			}
			String caller = caller(input);
			PreparsedDocumentEntry refused = refusal(caller, query);
			if (refused != null) {
				return CompletableFuture.completedFuture(refused);
			}
			// stored by PersistedQueryRegistration once the request ran without a syntax,
			// validation or limit error
			input.getGraphQLContext().put(Registration.class, new Registration(caller, hash.toLowerCase(), query));
			text = query;
		}
		return CompletableFuture.completedFuture(onCacheMiss.apply(text));
	}

	/** Why this caller may not register this text now, or {@code null}. */
	private PreparsedDocumentEntry refusal(String caller, String text) {
		long size = text.getBytes(StandardCharsets.UTF_8).length;
		long maxSize = this.properties.maxDocumentSize().toBytes();
		if (size > maxSize) {
			return refused("persistedQueryMaxSize", maxSize, size, "The query is " + size + " bytes; at most " + maxSize
					+ " may be registered as a persisted query (send it without a hash)");
		}
		long used = this.counter.peek(QUOTA_PREFIX + caller, this.properties.quotaWindow().toMillis());
		if (used >= this.properties.quotaPerCaller()) {
			return refused("persistedQueryQuota", this.properties.quotaPerCaller(), used + 1,
					"This caller has registered " + used + " persisted queries in the current " + window()
							+ "; at most " + this.properties.quotaPerCaller()
							+ " are allowed (send the query without a hash, or reuse a registered one)");
		}
		return null;
	}

	private String window() {
		Duration window = this.properties.quotaWindow();
		if (window.toDaysPart() > 0 && window.equals(Duration.ofDays(window.toDays()))) {
			return (window.toDays() == 1) ? "day" : window.toDays() + "-day window";
		}
		return (window.toMinutes() > 0) ? window.toMinutes() + "-minute window" : window.toMillis() + "-ms window";
	}

	private static PreparsedDocumentEntry refused(String limit, long allowed, long actual, String message) {
		return new PreparsedDocumentEntry(QueryLimitsInstrumentation.limitError(limit, allowed, actual, message));
	}

	/**
	 * Stores a text whose request ran without a syntax, validation or limit error,
	 * counting it against its caller's quota; a registration that a concurrent one pushed
	 * past the quota is dropped.
	 */
	void register(Registration registration) {
		if (lookup(registration.hash()) != null) {
			return;
		}
		long count = this.counter.hit(QUOTA_PREFIX + registration.caller(), this.properties.quotaWindow().toMillis());
		if (count > this.properties.quotaPerCaller()) {
			log.debug("Persisted query of {} not stored: quota of {} reached", registration.caller(),
					this.properties.quotaPerCaller());
			return;
		}
		store(registration.hash(), registration.text());
	}

	private static String caller(ExecutionInput input) {
		AccessContext access = input.getGraphQLContext().get(AccessContext.class);
		return (access != null && access.caller().subject() != null) ? access.caller().subject() : "anonymous";
	}

	private String lookup(String hash) {
		String key = hash.toLowerCase();
		Stored stored = this.local.get(key);
		if (stored != null) {
			if (stored.expires() > System.currentTimeMillis()) {
				return stored.text();
			}
			this.local.remove(key);
		}
		String text = null;
		StringRedisTemplate template = this.redis.getIfAvailable();
		if (template != null) {
			try {
				text = template.opsForValue().get(KEY_PREFIX + key);
				if (text != null) {
					Long millis = template.getExpire(KEY_PREFIX + key, TimeUnit.MILLISECONDS);
					long left = (millis != null && millis > 0) ? millis : this.properties.ttl().toMillis();
					this.local.put(key, new Stored(text, System.currentTimeMillis() + left));
				}
			}
			catch (RuntimeException ex) {
				log.debug("Redis unavailable for persisted queries: {}", ex.getMessage());
			}
		}
		return text;
	}

	private void store(String hash, String text) {
		this.local.put(hash, new Stored(text, System.currentTimeMillis() + this.properties.ttl().toMillis()));
		StringRedisTemplate template = this.redis.getIfAvailable();
		if (template != null) {
			try {
				template.opsForValue().set(KEY_PREFIX + hash, text, this.properties.ttl());
			}
			catch (RuntimeException ex) {
				log.debug("Redis unavailable for persisted queries: {}", ex.getMessage());
			}
		}
	}

	/**
	 * Forgets the in-memory copies, as a fresh instance would start; tests use it to
	 * prove Redis holds them.
	 */
	public void clearLocal() {
		this.local.clear();
	}

	/**
	 * A text waiting for its request to run cleanly before it is stored under its hash.
	 */
	record Registration(String caller, String hash, String text) {
	}

	private record Stored(String text, long expires) {
	}

	@SuppressWarnings("unchecked")
	private static Optional<String> requestedHash(ExecutionInput input) {
		Object persisted = input.getExtensions().get("persistedQuery");
		if (persisted instanceof Map<?, ?> map && map.get("sha256Hash") instanceof String hash) {
			return Optional.of(hash);
		}
		return Optional.empty();
	}

	private static Map<String, Map<String, String>> loadTrusted() {
		Map<String, Map<String, String>> byClient = new HashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:trusted-documents/*/*.graphql")) {
				String path = resource.getURL().getPath();
				String[] parts = path.split("/");
				String client = parts[parts.length - 2];
				String text = resource.getContentAsString(StandardCharsets.UTF_8);
				byClient.computeIfAbsent(client, (name) -> new HashMap<>()).put(Digests.sha256Hex(text), text);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return byClient;
	}

	Set<String> trustedHashes(String client) {
		return this.trusted.getOrDefault(client, Map.of()).keySet();
	}

}
