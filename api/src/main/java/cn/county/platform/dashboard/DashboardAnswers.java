package cn.county.platform.dashboard;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import cn.county.platform.common.Digests;
import cn.county.platform.common.RequestPipeline;
import cn.county.platform.plan.Plan;
import cn.county.platform.security.Caller;
import cn.county.platform.security.CallerAuthentication;
import cn.county.platform.security.CallerScope;
import cn.county.platform.security.Role;
import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.Parser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Whole dashboard answers in Redis: a query whose only root field is {@code dashboard} is
 * answered from an entry keyed by the document, the operation name, the variables,
 * everything about the caller that decides what the dashboard shows
 * ({@link CallerScope#cacheKey}: roles, town, village, department, partner), today's date
 * (the current period's {@code asOf}), and the version of every dashboard statement
 * ({@link DashboardCache}). A write increments the versions of what it changes, so an
 * answer cached before it is never read again, exactly as the statements' own entries.
 * <p>
 * Only answers without errors are stored, so a refusal is decided afresh every time;
 * partners, whose reads are logged field by field, are never answered from here. Without
 * Redis, or while it fails, every query executes.
 */
@Component
@Order(RequestPipeline.DASHBOARD_ANSWERS_INTERCEPTOR)
class DashboardAnswers implements WebGraphQlInterceptor {

	static final String PREFIX = "county:{dashboard}:answer:";

	private static final Logger log = LoggerFactory.getLogger(DashboardAnswers.class);

	/**
	 * Documents seen, and whether each asks for the dashboard alone; bounded, cleared
	 * when full.
	 */
	private final Map<String, Boolean> dashboardOnly = new ConcurrentHashMap<>();

	private final DashboardCache cache;

	private final ObjectProvider<StringRedisTemplate> redis;

	private final Plan plan;

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final boolean enabled;

	private final Duration ttl;

	private final Counter hits;

	private final Counter misses;

	DashboardAnswers(DashboardCache cache, ObjectProvider<StringRedisTemplate> redis, Plan plan, MeterRegistry meters,
			@Value("${platform.dashboard.answer-cache:true}") boolean enabled,
			@Value("${platform.dashboard.cache-ttl:10m}") Duration ttl) {
		this.cache = cache;
		this.redis = redis;
		this.plan = plan;
		this.enabled = enabled;
		this.ttl = ttl;
		this.hits = Counter.builder("platform.dashboard.answers").tag("result", "hit").register(meters);
		this.misses = Counter.builder("platform.dashboard.answers").tag("result", "miss").register(meters);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Caller caller = CallerAuthentication.current();
		StringRedisTemplate template = this.redis.getIfAvailable();
		if (!this.enabled || template == null || caller == null || caller.has(Role.PARTNER)
				|| !dashboardOnly(request.getDocument(), request.getOperationName())) {
			return chain.next(request);
		}
		Map<FigureQuery, String> versions = this.cache.versions();
		if (versions == null) {
			return chain.next(request);
		}
		String key = PREFIX + key(request, caller, versions);
		String cached = null;
		try {
			cached = template.opsForValue().get(key);
		}
		catch (RuntimeException ex) {
			log.debug("Redis unavailable for dashboard answers: {}", ex.getMessage());
		}
		if (cached != null) {
			this.hits.increment();
			Map<?, ?> data = this.json.readValue(cached, Map.class);
			ExecutionResult result = ExecutionResult.newExecutionResult().data(data).build();
			return Mono
				.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
		}
		this.misses.increment();
		return chain.next(request).doOnNext((response) -> {
			if (response.isValid() && response.getErrors().isEmpty() && response.getExtensions().isEmpty()) {
				try {
					template.opsForValue().set(key, this.json.writeValueAsString(response.getData()), this.ttl);
				}
				catch (RuntimeException ex) {
					log.debug("Could not cache a dashboard answer: {}", ex.getMessage());
				}
			}
		});
	}

	/**
	 * Whether the document's operation is a query of the {@code dashboard} field alone
	 * (or with __typename).
	 */
	boolean dashboardOnly(String document, String operationName) {
		if (document == null || document.isBlank()) {
			return false; // a persisted query's hash: left to the executor
		}
		Boolean known = this.dashboardOnly.get(document);
		if (known == null) {
			known = parsesToDashboardOnly(document, operationName);
			if (this.dashboardOnly.size() > 1_000) {
				this.dashboardOnly.clear();
			}
			this.dashboardOnly.put(document, known);
		}
		return known;
	}

	private static boolean parsesToDashboardOnly(String document, String operationName) {
		try {
			Document parsed = Parser.parse(document);
			var operations = parsed.getDefinitionsOfType(OperationDefinition.class);
			if (operations.size() != 1
					|| (operationName != null && !operationName.equals(operations.get(0).getName()))) {
				return false;
			}
			OperationDefinition operation = operations.get(0);
			if (operation.getOperation() != OperationDefinition.Operation.QUERY
					|| !operation.getDirectives().isEmpty()) {
				return false;
			}
			boolean dashboard = false;
			for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
				if (!(selection instanceof Field field) || !field.getDirectives().isEmpty()) {
					return false;
				}
				if ("dashboard".equals(field.getName())) {
					dashboard = true;
				}
				else if (!"__typename".equals(field.getName())) {
					return false;
				}
			}
			return dashboard;
		}
		catch (RuntimeException ex) {
			return false; // not parsable: the executor reports why
		}
	}

	/** A hash of everything the answer depends on. */
	private String key(WebGraphQlRequest request, Caller caller, Map<FigureQuery, String> versions) {
		StringBuilder text = new StringBuilder(request.getDocument().length() + 512);
		text.append(request.getDocument()).append('\u0000').append(request.getOperationName()).append('\u0000');
		text.append(this.json.writeValueAsString(new TreeMap<>(request.getVariables()))).append('\u0000');
		text.append(CallerScope.cacheKey(caller)).append('\u0000');
		text.append(this.plan.today()).append('\u0000').append(new TreeMap<>(versions));
		return Digests.sha256Hex(text.toString());
	}

}
