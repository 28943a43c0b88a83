package cn.county.platform.protect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.RequestPipeline;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.FetchedValue;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses abusive documents after validation and before any field is fetched, so an
 * expensive query costs a parse and a walk, never SQL; and bounds what a request takes
 * while it runs.
 * <p>
 * <b>Cost.</b> Every field counts its weight ({@code @cost}, else 1) times the product of
 * the bounds of the lists above it: a connection repeats its {@code edges} {@code first}
 * times, a plain list its {@code @listSize} (a fixed maximum, or a size counted in the
 * data: {@link ListBounds}); a list of scalars counts each of its values. A cycle of
 * lists ({@code towns { villages { town { villages ... } } } }) therefore costs what it
 * could return. This is the model graphql-java's
 * {@code MaxQueryComplexityInstrumentation} computes with a
 * {@code FieldComplexityCalculator} that multiplies the child complexity by the list
 * bound, written as this one walk instead of a second instrumentation: its complexity is
 * an {@code int}, which a cycle of lists overflows (here a {@code long} that saturates),
 * and its error lacks this API's shape ({@code extensions.limit}, {@code allowed},
 * {@code actual}). Each list bound is also enforced when the list is fetched
 * ({@link #instrumentDataFetcher}): a list longer than its bound is cut to it, with an
 * error at its path, so the model is never optimistic (a counted bound is cut at its
 * declared {@code max}, the values returned being counted against the limit as well, see
 * below).
 * <p>
 * <b>Response size.</b> The bytes of the JSON answer are counted as the result is built,
 * field by field, at completion (the key, and for scalars and enums the value as Jackson
 * writes it; objects and lists their brackets and commas): an honest upper estimate of
 * the serialised size that needs no second serialisation and keeps memory bounded, since
 * the request stops as soon as the count passes
 * {@code platform.limits.max-response-bytes}, long before a large answer is held in
 * memory. The answer is then the error alone (no half-written result). The values are
 * counted the same way and held to the cost limit, for the lists whose bound is a count
 * that rows added since may have outgrown ({@code @listSize(counted:)}).
 * <p>
 * <b>Deadline.</b> Past {@code platform.limits.request-timeout} no further field is
 * fetched (checked before every fetch, batch-loaded fields included),
 * {@link StatementDeadline} cancels the SQL statement running at that moment and refuses
 * to start another, and the answer of a query is the timeout error alone, so nothing
 * large is serialised after the deadline.
 */
@Component
@Order(RequestPipeline.QUERY_LIMITS_INSTRUMENTATION)
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

	private final LimitsProperties limits;

	private final ListBounds bounds;

	QueryLimitsInstrumentation(LimitsProperties limits, ListBounds bounds) {
		this.limits = limits;
		this.bounds = bounds;
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new RequestState();
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		var context = parameters.getExecutionContext();
		if (state instanceof RequestState request) {
			request.mutation = context.getOperationDefinition()
				.getOperation() == OperationDefinition.Operation.MUTATION;
		}
		List<GraphQLError> errors = new ArrayList<>();
		Document document = context.getDocument();
		checkDocument(document, errors);
		GraphQLSchema schema = context.getGraphQLSchema();
		long introspectionBound = ListBounds.introspectionBound(schema);
		QueryTraverser traverser = QueryTraverser.newQueryTraverser()
			.schema(schema)
			.document(document)
			.operationName(context.getOperationDefinition().getName())
			.coercedVariables(context.getCoercedVariables())
			.build();
		AtomicInteger depth = new AtomicInteger();
		AtomicLong cost = new AtomicLong();
		traverser.visitPreOrder(new QueryVisitorStub() {
			@Override
			public void visitField(QueryVisitorFieldEnvironment env) {
				if (limits.introspectionExempt() && isIntrospection(env)) {
					return;
				}
				int level = 1;
				long multiplier = 1;
				for (QueryVisitorFieldEnvironment parent = env.getParentEnvironment(); parent != null; parent = parent
					.getParentEnvironment()) {
					level++;
					multiplier = times(multiplier, repeats(parent, introspectionBound, schema));
				}
				depth.accumulateAndGet(level, Math::max);
				long own = QueryLimitsInstrumentation.this.bounds.weight(env.getFieldDefinition());
				GraphQLOutputType type = env.getFieldDefinition().getType();
				if (ListBounds.isList(type) && GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(type))) {
					own = times(own, repeats(env, introspectionBound, schema));
				}
				long add = times(multiplier, own);
				cost.accumulateAndGet(add, QueryLimitsInstrumentation::plus);
			}
		});
		if (depth.get() > this.limits.maxDepth()) {
			errors.add(limitError("maxDepth", this.limits.maxDepth(), depth.get(), "The query is nested " + depth.get()
					+ " levels deep; at most " + this.limits.maxDepth() + " are allowed"));
		}
		if (cost.get() > this.limits.maxCost()) {
			errors.add(limitError("maxCost", this.limits.maxCost(), cost.get(), "The query could return about "
					+ cost.get() + " values; at most " + this.limits.maxCost()
					+ " are allowed (a list counts as its page size `first` or its declared @listSize, a list inside"
					+ " a list multiplies, and heavy fields count their @cost: lower `first`, nest fewer lists or"
					+ " select fewer fields)"));
		}
		if (!errors.isEmpty()) {
			throw new AbortExecutionException(errors);
		}
		return super.beginExecuteOperation(parameters, state);
	}

	@Override
	public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		RequestState request = (RequestState) state;
		if (request != null && request.stop != null) {
			throw new AbortExecutionException(List.of(request.stop));
		}
		RequestDeadline deadline = parameters.getExecutionContext().getGraphQLContext().get(RequestDeadline.class);
		if (deadline != null && deadline.passed()) {
			GraphQLError error = timeoutError();
			if (request != null) {
				request.stop = error;
			}
			throw new AbortExecutionException(List.of(error));
		}
		return super.beginFieldFetch(parameters, state);
	}

	/**
	 * Cuts a list that is longer than its bound, so the cost model that admitted the
	 * query holds.
	 */
	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		GraphQLFieldDefinition field = parameters.getField();
		if (!ListBounds.isList(field.getType()) || this.bounds.declared(field).max() < 0) {
			return dataFetcher;
		}
		return (env) -> {
			ExecutionStepInfo parent = env.getExecutionStepInfo().getParent();
			Long bound = this.bounds.cutAt(field, env.getArguments(), (parent != null) ? parent.getArguments() : null,
					env.getGraphQLSchema());
			return cut(dataFetcher.get(env), env, bound);
		};
	}

	private Object cut(Object value, DataFetchingEnvironment env, long bound) {
		if (value instanceof CompletionStage<?> stage) {
			return stage.thenApply((done) -> cut(done, env, bound)).toCompletableFuture();
		}
		if (value instanceof DataFetcherResult<?> result) {
			if (result.getData() instanceof List<?> list && list.size() > bound) {
				return DataFetcherResult.newResult()
					.data(new ArrayList<>(list.subList(0, (int) bound)))
					.errors(result.getErrors())
					.error(cutError(env, bound, list.size()))
					.localContext(result.getLocalContext())
					.build();
			}
			return result;
		}
		if (value instanceof List<?> list && list.size() > bound) {
			return DataFetcherResult.newResult()
				.data(new ArrayList<>(list.subList(0, (int) bound)))
				.error(cutError(env, bound, list.size()))
				.build();
		}
		return value;
	}

	private GraphQLError cutError(DataFetchingEnvironment env, long bound, int size) {
		String field = ((GraphQLNamedType) env.getParentType()).getName() + "." + env.getField().getName();
		this.bounds.recount(env.getFieldDefinition());
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorClassification.UNAVAILABLE)
			.message(field + " has " + size + " items, more than its bound of " + bound
					+ " (@listSize); only the first " + bound + " are returned")
			.extensions(Map.of("classification", ErrorClassification.UNAVAILABLE.name(), "limit", "listSize", "field",
					field, "allowed", bound, "actual", size))
			.build();
	}

	/**
	 * Counts the answer's bytes as each field completes, and stops the request past the
	 * limit.
	 */
	@Override
	public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
			InstrumentationState state) {
		if (state instanceof RequestState request) {
			ExecutionStepInfo step = parameters.getExecutionStepInfo();
			long bytes = ResponseBytes.key(step.getResultKey())
					+ ResponseBytes.value(FetchedValue.getFetchedValue(parameters.getFetchedObject()), step.getType());
			long max = this.limits.maxResponseBytes().toBytes();
			long total = request.bytes.addAndGet(bytes);
			long values = request.values.addAndGet(
					ResponseBytes.values(FetchedValue.getFetchedValue(parameters.getFetchedObject()), step.getType()));
			if (total > max && request.stop == null) {
				request.stop = limitError("maxResponseBytes", max, total, "The answer grew past " + max
						+ " bytes and was stopped; ask for fewer rows (lower `first`) or fewer fields");
			}
			if (values > this.limits.maxCost() && request.stop == null) {
				request.stop = limitError("maxCost", this.limits.maxCost(), values,
						"The answer grew past " + this.limits.maxCost()
								+ " values and was stopped (lists longer than when they were last"
								+ " counted); lower `first` or nest fewer lists");
			}
			if (request.stop != null) {
				throw new AbortExecutionException(List.of(request.stop));
			}
		}
		return super.beginFieldCompletion(parameters, state);
	}

	/**
	 * A request stopped by the response size limit answers with that error alone; a query
	 * past its deadline with the timeout error alone (a mutation keeps what it did, since
	 * that is committed).
	 */
	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult executionResult,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		RequestState request = (state instanceof RequestState r) ? r : null;
		GraphQLError stop = (request != null) ? request.stop : null;
		RequestDeadline deadline = parameters.getGraphQLContext().get(RequestDeadline.class);
		if (stop == null && deadline != null && deadline.passed()) {
			stop = timeoutError();
		}
		if (stop != null) {
			if (request != null && request.mutation && executionResult.getData() != null) {
				List<GraphQLError> errors = new ArrayList<>(executionResult.getErrors());
				if (!errors.contains(stop)) {
					errors.add(stop);
				}
				return CompletableFuture.completedFuture(executionResult.transform((b) -> b.errors(errors)));
			}
			return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult().addError(stop).build());
		}
		return super.instrumentExecutionResult(executionResult, parameters, state);
	}

	private GraphQLError timeoutError() {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorClassification.UNAVAILABLE)
			.message("The request took longer than " + this.limits.requestTimeout().toMillis()
					+ " ms and was stopped; the fields it had not fetched yet were not run")
			.extensions(Map.of("classification", ErrorClassification.UNAVAILABLE.name(), "limit", "requestTimeout",
					"allowed", this.limits.requestTimeout().toMillis()))
			.build();
	}

	/**
	 * How many times the children of this field are fetched per fetch of the field
	 * itself. A connection's {@code edges} repeat its page size; the connection's own
	 * fields ({@code totalCount}, {@code pageInfo}) do not; a plain list repeats its
	 * declared bound.
	 */
	private long repeats(QueryVisitorFieldEnvironment env, long introspectionBound, GraphQLSchema schema) {
		GraphQLOutputType type = env.getFieldDefinition().getType();
		if (ListBounds.isConnection(type) || !ListBounds.isList(type)) {
			return 1;
		}
		QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
		if (env.getField().getName().equals("edges") && parent != null
				&& ListBounds.isConnection(parent.getFieldDefinition().getType())) {
			return this.bounds.pageSize(parent.getArguments());
		}
		if (env.getFieldsContainer().getName().startsWith("__")) {
			return introspectionBound;
		}
		Long bound = this.bounds.bound(env.getFieldDefinition(), env.getArguments(),
				(parent != null) ? parent.getArguments() : null, schema);
		// ListBoundsCheck refuses to start with an unbounded list; the page size is the
		// fallback all the same
		return (bound != null) ? bound : this.bounds.pageSize(Map.of());
	}

	private static long times(long a, long b) {
		long high = Math.multiplyHigh(a, b);
		long low = a * b;
		return (high != 0 || low < 0) ? Long.MAX_VALUE : low;
	}

	private static long plus(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

	private static boolean isIntrospection(QueryVisitorFieldEnvironment env) {
		for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
			if (e.getField().getName().startsWith("__") && !e.getField().getName().equals("__typename")) {
				return true;
			}
		}
		return false;
	}

	/** Per request: the answer's bytes so far, and the error that stopped it, if any. */
	private static final class RequestState implements InstrumentationState {

		final AtomicLong bytes = new AtomicLong();

		final AtomicLong values = new AtomicLong();

		volatile GraphQLError stop;

		volatile boolean mutation;

	}

	/**
	 * Counts on the document itself: aliases, directives, and the same field repeated in
	 * one selection set.
	 */
	private void checkDocument(Document document, List<GraphQLError> errors) {
		AtomicInteger aliases = new AtomicInteger();
		AtomicInteger directives = new AtomicInteger();
		AtomicInteger repeated = new AtomicInteger();
		new NodeTraverser().preOrder(new NodeVisitorStub() {
			@Override
			public TraversalControl visitField(Field node, TraverserContext<Node> context) {
				if (node.getAlias() != null) {
					aliases.incrementAndGet();
				}
				return TraversalControl.CONTINUE;
			}

			@Override
			public TraversalControl visitDirective(Directive node, TraverserContext<Node> context) {
				directives.incrementAndGet();
				return TraversalControl.CONTINUE;
			}

			@Override
			public TraversalControl visitSelectionSet(SelectionSet node, TraverserContext<Node> context) {
				Map<String, Integer> counts = new HashMap<>();
				for (var selection : node.getSelections()) {
					if (selection instanceof Field field) {
						int n = counts.merge(field.getName(), 1, Integer::sum);
						repeated.accumulateAndGet(n, Math::max);
					}
				}
				return TraversalControl.CONTINUE;
			}
		}, document.getChildren());
		if (aliases.get() > this.limits.maxAliases()) {
			errors.add(limitError("maxAliases", this.limits.maxAliases(), aliases.get(), "The query uses "
					+ aliases.get() + " aliases; at most " + this.limits.maxAliases() + " are allowed"));
		}
		if (directives.get() > this.limits.maxDirectives()) {
			errors.add(limitError("maxDirectives", this.limits.maxDirectives(), directives.get(), "The query uses "
					+ directives.get() + " directives; at most " + this.limits.maxDirectives() + " are allowed"));
		}
		if (repeated.get() > this.limits.maxRepeatedFields()) {
			errors.add(limitError("maxRepeatedFields", this.limits.maxRepeatedFields(), repeated.get(),
					"A field is selected " + repeated.get() + " times in one selection set; at most "
							+ this.limits.maxRepeatedFields() + " are allowed"));
		}
	}

	static GraphQLError limitError(String limit, long allowed, long actual, String message) {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorClassification.BAD_REQUEST)
			.message(message)
			.extensions(Map.of("classification", ErrorClassification.BAD_REQUEST.name(), "limit", limit, "allowed",
					allowed, "actual", actual))
			.build();
	}

}
