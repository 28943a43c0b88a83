package cn.county.platform.common;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;

/**
 * The order of everything a request passes through, in one place: the servlet filters,
 * the {@code WebGraphQlInterceptor}s, the graphql-java instrumentations and the schema
 * customizers. Each stage takes its {@code @Order} from a constant here, so the order is
 * stated once instead of following from bean registration; a new stage gets a constant
 * here, with the reason it sits where it does, and {@code RequestPipelineTests} (which
 * reads the order the running application really uses) says where it landed.
 * {@code docs/request.md} draws the whole path of a read and of a write.
 * <p>
 * Gaps of 100 leave room between stages. The filters of this list act on {@code /graphql}
 * only; another servlet endpoint (the data exchange's uploads) passes Boot's filters and
 * Spring Security's chain like every request, and a filter of its own takes a slot of its
 * own after {@link #SECURITY_FILTER_CHAIN}.
 * <p>
 * Stages not listed, because their order is not ours to choose or does not matter: Boot's
 * own filters run before Spring Security's chain (character encoding, the HTTP
 * observation, form content, the request context that {@code RequestDeadline} binds to);
 * graphql-java's observation instrumentation comes after ours; the MyBatis plugins
 * ({@code SqlStatementCounter} on the executor, {@code StatementDeadline} on the
 * statement handler) wrap different objects, so neither sees the other; the schema's type
 * visitors run in the list the field policy's customizer gives them (cursors first, so
 * that the policy's wrapper is outermost).
 */
public final class RequestPipeline {

	/**
	 * Spring Security's filter chain, where Boot puts it
	 * ({@code spring.security.filter.order}): the bearer token is checked and the caller
	 * established here, and a request without a valid token ends here with 401.
	 */
	public static final int SECURITY_FILTER_CHAIN = SecurityFilterProperties.DEFAULT_FILTER_ORDER;

	/**
	 * {@code RateLimitFilter}: after the security chain, because the limit is the
	 * authenticated caller's (an anonymous flood is already stopped at 401), and before
	 * the body is read, so a caller over its limit costs no body read.
	 */
	public static final int RATE_LIMIT_FILTER = SECURITY_FILTER_CHAIN + 100;

	/**
	 * {@code RequestBodyFilter}: the last filter, right before the GraphQL handler parses
	 * the body, so that nothing reads an oversized body or a batch of operations; after
	 * the rate limit, which therefore counts refused bodies too.
	 */
	public static final int REQUEST_BODY_FILTER = RATE_LIMIT_FILTER + 100;

	/**
	 * {@code CallerInterceptor}: first of the interceptors, so the access context is
	 * there for every later stage and the partner access log sees every outcome
	 * (answered, replayed from the idempotency store, failed).
	 */
	public static final int CALLER_INTERCEPTOR = 100;

	/**
	 * {@code DashboardAnswers}: after the caller is known (the cache key holds the
	 * caller's scope, partners are never served from it) and before everything that costs
	 * something: a cached dashboard costs one Redis read, with no transaction, no parse
	 * and no deadline.
	 */
	public static final int DASHBOARD_ANSWERS_INTERCEPTOR = 200;

	/**
	 * {@code IdempotencyInterceptor}: after the caller (it stores what a partner's write
	 * read, from the access context) and around the execution, which it runs inside the
	 * transaction that claims the key and stores the answer; a replay returns from here
	 * without executing.
	 */
	public static final int IDEMPOTENCY_INTERCEPTOR = 300;

	/**
	 * {@code ProtectionInterceptor}: last, closest to execution: the parser's token
	 * budget and the request's deadline go into the execution that really runs, and the
	 * deadline starts only once a cached answer and a replay are ruled out, so it times
	 * the execution alone.
	 */
	public static final int PROTECTION_INTERCEPTOR = 400;

	/**
	 * {@code PersistedQueryRegistration}: first of the instrumentations, so it reads the
	 * result as the execution produced it, with every limit error raised during the run,
	 * and stores a persisted query's text only when nothing refused it (a document the
	 * limits refuse before execution has no data and is never stored).
	 */
	public static final int PERSISTED_QUERY_REGISTRATION_INSTRUMENTATION = 100;

	/**
	 * {@code QueryLimitsInstrumentation}: after registration, so its replacement of a
	 * timed-out or oversized answer by the error alone is the last word on the result;
	 * its checks of depth and cost run once the document is validated and before any
	 * field is fetched, and each fetch checks the deadline and list bounds.
	 */
	public static final int QUERY_LIMITS_INSTRUMENTATION = 200;

	/**
	 * {@code PersistedQueryConfiguration}'s customizer: the preparsed document provider
	 * that turns a hash into a stored document, so everything later (validation, limits,
	 * field policy) sees an ordinary document.
	 */
	public static final int PERSISTED_QUERIES_CUSTOMIZER = 100;

	/**
	 * {@code PolicyConfiguration}'s customizer: the cursor and field policy visitors,
	 * which wrap every data fetcher of the schema, and the start-up check of the policy's
	 * directives. Boot's own customizers (cursor strategy, query by example) follow,
	 * unordered.
	 */
	public static final int FIELD_POLICY_CUSTOMIZER = 200;

	private RequestPipeline() {
	}

}
