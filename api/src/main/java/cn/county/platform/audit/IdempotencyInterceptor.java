package cn.county.platform.audit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.county.platform.common.Digests;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.RequestPipeline;
import cn.county.platform.security.AccessContext;
import cn.county.platform.security.CallerAuthentication;
import graphql.ExecutionResult;
import graphql.GraphQLException;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

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
import org.springframework.util.StringUtils;

/**
 * Makes a request with an {@code Idempotency-Key} header safe to retry. The key is
 * claimed and the response stored in the same transaction as the writes it guards, so a
 * retry after a lost response, or a second copy racing the first, gets the first response
 * back and writes nothing more. A request that fails is rolled back whole, key included,
 * and may be retried.
 * <p>
 * Keys guard mutations only: the document is parsed once here to find the operation that
 * runs (by the request's operation name), and a query or subscription sent with a key is
 * refused, so nobody fills the store with reads. A stored answer is replayed for
 * {@code platform.idempotency.retention}; after that the key counts as new, and
 * {@link IdempotencyPurge} deletes it. With the answer the store keeps the households and
 * fields a partner's request read, so the partner access log records a replay like the
 * first request.
 */
@Component
@Order(RequestPipeline.IDEMPOTENCY_INTERCEPTOR)
class IdempotencyInterceptor implements WebGraphQlInterceptor {

	static final String HEADER = "Idempotency-Key";

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private final IdempotencyMapper keys;

	private final TransactionTemplate transactions;

	private final IdempotencyProperties properties;

	private final JsonMapper json = JsonMapper.builder().build();

	IdempotencyInterceptor(IdempotencyMapper keys, TransactionTemplate transactions, IdempotencyProperties properties) {
		this.keys = keys;
		this.transactions = transactions;
		this.properties = properties;
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
		if (!StringUtils.hasText(request.getDocument())) {
			return Mono.just(error(request, ErrorClassification.BAD_REQUEST,
					HEADER + " needs the mutation's text in the request, not only a persisted query's hash"));
		}
		OperationDefinition operation = operation(request.getDocument(), request.getOperationName());
		if (operation == null) {
			// not a document that can run (syntax error, unknown or ambiguous operation):
			// execution says so and
			// writes nothing, so there is nothing to guard or store
			return chain.next(request);
		}
		if (operation.getOperation() != OperationDefinition.Operation.MUTATION) {
			return Mono
				.just(error(request, ErrorClassification.BAD_REQUEST, HEADER + " applies to mutations only; send this "
						+ operation.getOperation().name().toLowerCase(java.util.Locale.ROOT) + " without it"));
		}
		String subject = caller.caller().subject();
		String hash = Digests.sha256Hex(request.getDocument() + "\n" + request.getOperationName() + "\n"
				+ this.json.writeValueAsString(request.getVariables()));
		return Mono.deferContextual((context) -> {
			AccessContext access = context.getOrDefault(AccessContext.class, null);
			return Mono.fromCallable(() -> run(request, chain, subject, key, hash, operation.getName(), access));
		});
	}

	/**
	 * The operation the request runs: the one its operation name names, or the document's
	 * only one; null when there is no such single operation or the text does not parse.
	 */
	static OperationDefinition operation(String text, String operationName) {
		Document document;
		try {
			document = Parser.parse(ParserEnvironment.newParserEnvironment()
				.document(text)
				.parserOptions(ParserOptions.getDefaultOperationParserOptions())
				.build());
		}
		catch (GraphQLException ex) {
			return null;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (!StringUtils.hasText(operationName)) {
			return (operations.size() == 1) ? operations.get(0) : null;
		}
		return operations.stream().filter((op) -> operationName.equals(op.getName())).findFirst().orElse(null);
	}

	private WebGraphQlResponse run(WebGraphQlRequest request, Chain chain, String subject, String key, String hash,
			String operationName, AccessContext access) {
		// an expired key is a new key: its old answer goes first, in its own statement,
		// so two racing first uses
		// of it still meet at the insert below like any two copies of one request
		this.keys.deleteExpiredKey(subject, key, this.properties.retentionSeconds());
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
				boolean read = access != null && access.readHouseholdData();
				this.keys.storeResponse(subject, key, this.json.writeValueAsString(executed.toMap()),
						read ? join(access.householdIdsRead()) : null, read ? join(access.fieldsRead()) : null);
				return executed;
			});
		}
		finally {
			IdempotencyKeys.clear();
		}
		return (response != null) ? response : replay(request, subject, key, hash, operationName, access);
	}

	private static String join(Set<?> values) {
		return values.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	private static List<String> split(String list) {
		return (list == null || list.isEmpty()) ? List.of() : Arrays.asList(list.split(","));
	}

	/**
	 * A failure of the operation itself, as opposed to a refused field inside a
	 * successful payload.
	 */
	private static boolean failed(WebGraphQlResponse response) {
		for (ResponseError error : response.getErrors()) {
			if (error.getParsedPath().size() <= 1) {
				return true;
			}
		}
		return !response.isValid();
	}

	@SuppressWarnings("unchecked")
	private WebGraphQlResponse replay(WebGraphQlRequest request, String subject, String key, String hash,
			String operationName, AccessContext access) {
		IdempotencyMapper.StoredResponse stored = this.keys.select(subject, key);
		if (stored == null || stored.response() == null) {
			return error(request, ErrorClassification.CONFLICT,
					"The first request with this " + HEADER + " is still running; retry shortly");
		}
		if (!stored.requestHash().equals(hash)) {
			return error(request, ErrorClassification.CONFLICT,
					HEADER + " was already used for a different request; use a new key for a new write");
		}
		if (access != null) {
			access.replayed(operationName, split(stored.householdIds()).stream().map(Long::valueOf).toList(),
					split(stored.fields()));
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
