package cn.county.platform.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.county.platform.common.ErrorClassification;
import cn.county.platform.protect.PersistedQueries;
import cn.county.platform.security.CallerAuthentication;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a request with an {@code Idempotency-Key} header safe to retry. The key is claimed and the response
 * stored in the same transaction as the writes it guards, so a retry after a lost response, or a second copy
 * racing the first, gets the first response back and writes nothing more. A request that fails is rolled back
 * whole, key included, and may be retried.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class IdempotencyInterceptor implements WebGraphQlInterceptor {

	static final String HEADER = "Idempotency-Key";

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private final IdempotencyMapper keys;

	private final TransactionTemplate transactions;

	private final JsonMapper json = JsonMapper.builder().build();

	IdempotencyInterceptor(IdempotencyMapper keys, TransactionTemplate transactions) {
		this.keys = keys;
		this.transactions = transactions;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String key = request.getHeaders().getFirst(HEADER);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (key == null || !(authentication instanceof CallerAuthentication caller)) {
			return chain.next(request);
		}
		if (!KEY.matcher(key).matches()) {
			return Mono.just(error(request, ErrorClassification.BAD_REQUEST,
					HEADER + " must be 1 to 128 letters, digits or . _ : -"));
		}
		String subject = caller.caller().subject();
		String hash = PersistedQueries.sha256(request.getDocument() + "\n" + request.getOperationName() + "\n"
				+ this.json.writeValueAsString(request.getVariables()));
		return Mono.fromCallable(() -> run(request, chain, subject, key, hash));
	}

	private WebGraphQlResponse run(WebGraphQlRequest request, Chain chain, String subject, String key, String hash) {
		IdempotencyKeys.set(key);
		WebGraphQlResponse response;
		try {
			response = this.transactions.execute((status) -> {
				try {
					this.keys.insert(subject, key, hash);
				}
				catch (DuplicateKeyException ex) {
					status.setRollbackOnly();
					return null;
				}
				WebGraphQlResponse executed = chain.next(request).block();
				if (executed == null || failed(executed)) {
					status.setRollbackOnly();
					return executed;
				}
				this.keys.storeResponse(subject, key, this.json.writeValueAsString(executed.toMap()));
				return executed;
			});
		}
		finally {
			IdempotencyKeys.clear();
		}
		return (response != null) ? response : replay(request, subject, key, hash);
	}

	/** A failure of the operation itself, as opposed to a refused field inside a successful payload. */
	private static boolean failed(WebGraphQlResponse response) {
		for (ResponseError error : response.getErrors()) {
			if (error.getParsedPath().size() <= 1) {
				return true;
			}
		}
		return !response.isValid();
	}

	@SuppressWarnings("unchecked")
	private WebGraphQlResponse replay(WebGraphQlRequest request, String subject, String key, String hash) {
		IdempotencyMapper.StoredResponse stored = this.keys.select(subject, key);
		if (stored == null || stored.response() == null) {
			return error(request, ErrorClassification.CONFLICT, "The first request with this " + HEADER
					+ " is still running; retry shortly");
		}
		if (!stored.requestHash().equals(hash)) {
			return error(request, ErrorClassification.CONFLICT,
					HEADER + " was already used for a different request; use a new key for a new write");
		}
		Map<String, Object> first = this.json.readValue(stored.response(), Map.class);
		Map<Object, Object> extensions = new LinkedHashMap<>();
		if (first.get("extensions") instanceof Map<?, ?> map) {
			extensions.putAll(map);
		}
		extensions.put("idempotentReplay", true);
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.data(first.get("data"))
			.extensions(extensions)
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	private static WebGraphQlResponse error(WebGraphQlRequest request, ErrorClassification classification,
			String message) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.errors(List.of(GraphqlErrorBuilder.newError()
				.errorType(classification)
				.message(message)
				.extensions(Map.of("classification", classification.name(), "field", HEADER))
				.build()))
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
