package cn.county.platform.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.county.platform.common.Digests;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.RequestPipeline;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Establishes who is asking once per request: puts an {@link AccessContext} into the
 * GraphQL context, where the field policy finds it on whatever thread a field is fetched
 * (and into the Reactor context, where the idempotency interceptor finds it to store and
 * replay what a request read).
 * <p>
 * For a partner it writes the access log when the request ends, whichever way it ends:
 * answered, replayed from the idempotency store, or failed with an exception (then logged
 * and failed still). It runs first of all interceptors, so it sees every outcome, and it
 * writes the log before the answer goes back to the HTTP layer, so no body is sent before
 * its row is written. A failed log write fails the request: the partner gets an error and
 * no data.
 */
@Component
@Order(RequestPipeline.CALLER_INTERCEPTOR)
class CallerInterceptor implements WebGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(CallerInterceptor.class);

	private final PartnerAccess partners;

	CallerInterceptor(PartnerAccess partners) {
		this.partners = partners;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Caller caller = CallerAuthentication.current();
		if (caller == null) {
			return chain.next(request);
		}
		Set<String> approved = caller.has(Role.PARTNER) ? this.partners.approvedFields(caller.partnerId()) : Set.of();
		AccessContext access = new AccessContext(caller, approved);
		request.configureExecutionInput((input,
				builder) -> builder.graphQLContext((context) -> context.put(AccessContext.class, access)).build());
		Mono<WebGraphQlResponse> answer = chain.next(request)
			.contextWrite((context) -> context.put(AccessContext.class, access));
		if (!access.isPartner()) {
			return answer;
		}
		return answer.onErrorResume((failure) -> {
			if (!access.readHouseholdData()) {
				return Mono.error(failure);
			}
			try {
				log(request, access, PartnerAccess.Outcome.FAILED);
			}
			catch (RuntimeException logFailure) {
				failure.addSuppressed(logFailure);
			}
			return Mono.error(failure);
		}).flatMap((response) -> {
			boolean replayed = Boolean.TRUE.equals(response.getExtensions().get("idempotentReplay"));
			if (!access.readHouseholdData()) {
				return Mono.just(response);
			}
			try {
				log(request, access, replayed ? PartnerAccess.Outcome.REPLAYED : PartnerAccess.Outcome.ANSWERED);
				return Mono.just(response);
			}
			catch (RuntimeException ex) {
				log.error("Partner access log not written for {}; the answer is withheld", caller.partnerId(), ex);
				return Mono.just(withheld(response));
			}
		});
	}

	private void log(WebGraphQlRequest request, AccessContext access, PartnerAccess.Outcome outcome) {
		String operation = (access.operation() != null) ? access.operation() : request.getOperationName();
		this.partners.logAccess(new PartnerAccess.Read(access.caller().partnerId(), operation,
				access.householdIdsRead(), access.fieldsRead(), documentHash(request),
				(request.getVariables() != null) ? request.getVariables() : Map.of(), outcome));
	}

	/**
	 * The document's SHA-256, or the persisted query's hash when a client sent only that.
	 */
	static String documentHash(WebGraphQlRequest request) {
		if (StringUtils.hasText(request.getDocument())) {
			return Digests.sha256Hex(request.getDocument());
		}
		if (request.getExtensions().get("persistedQuery") instanceof Map<?, ?> persisted
				&& persisted.get("sha256Hash") instanceof String hash && hash.matches("[0-9a-fA-F]{64}")) {
			return hash.toLowerCase(java.util.Locale.ROOT);
		}
		return null;
	}

	/**
	 * An answer with one error and no data: what a partner gets when its read could not
	 * be logged.
	 */
	private static WebGraphQlResponse withheld(WebGraphQlResponse response) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.errors(List.of(GraphqlErrorBuilder.newError()
				.errorType(ErrorClassification.UNAVAILABLE)
				.message("The access log could not be written, so no data is returned; try again later")
				.extensions(Map.of("classification", ErrorClassification.UNAVAILABLE.name()))
				.build()))
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(response.getExecutionInput(), result));
	}

}
