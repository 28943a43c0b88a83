package cn.county.platform.protect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import cn.county.platform.common.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import org.springframework.stereotype.Component;

/**
 * Refuses abusive documents after validation and before any field is fetched, so an expensive query costs a
 * parse and a walk, never SQL. Also stops a request that outlives its time budget at the next field.
 */
@Component
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

	private final LimitsProperties limits;

	QueryLimitsInstrumentation(LimitsProperties limits) {
		this.limits = limits;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		var context = parameters.getExecutionContext();
		List<GraphQLError> errors = new ArrayList<>();
		Document document = context.getDocument();
		checkDocument(document, errors);
		QueryTraverser traverser = QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
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
					multiplier = Math.multiplyExact(multiplier, listSize(parent));
				}
				depth.accumulateAndGet(level, Math::max);
				cost.addAndGet(multiplier);
			}
		});
		if (depth.get() > this.limits.maxDepth()) {
			errors.add(limitError("maxDepth", this.limits.maxDepth(), depth.get(),
					"The query is nested " + depth.get() + " levels deep; at most " + this.limits.maxDepth()
							+ " are allowed"));
		}
		if (cost.get() > this.limits.maxCost()) {
			errors.add(limitError("maxCost", this.limits.maxCost(), cost.get(), "The query could return about "
					+ cost.get() + " values; at most " + this.limits.maxCost()
					+ " are allowed (lists count as their page size: lower `first` or select fewer fields)"));
		}
		if (!errors.isEmpty()) {
			throw new AbortExecutionException(errors);
		}
		return super.beginExecuteOperation(parameters, state);
	}

	@Override
	public graphql.execution.instrumentation.InstrumentationContext<Object> beginFieldFetch(
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		RequestDeadline deadline = parameters.getEnvironment().getGraphQlContext().get(RequestDeadline.class);
		if (deadline != null && deadline.passed()) {
			throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
				.errorType(ErrorClassification.UNAVAILABLE)
				.message("The request took longer than " + this.limits.requestTimeout().toMillis()
						+ " ms and was stopped; nothing was changed by the unfinished part")
				.extensions(Map.of("classification", ErrorClassification.UNAVAILABLE.name(), "limit",
						"requestTimeout"))
				.build()));
		}
		return super.beginFieldFetch(parameters, state);
	}

	/**
	 * How many times the children of this field are fetched per fetch of the field itself. A connection's
	 * {@code edges} repeat its page size; the connection's own fields ({@code totalCount}, {@code pageInfo}) do not;
	 * a plain list repeats its {@code first}, or the default for nested lists.
	 */
	private long listSize(QueryVisitorFieldEnvironment env) {
		GraphQLOutputType type = env.getFieldDefinition().getType();
		if (isConnection(type)) {
			return 1;
		}
		if (!(GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList)) {
			return 1;
		}
		QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
		if (env.getField().getName().equals("edges") && parent != null
				&& isConnection(parent.getFieldDefinition().getType())) {
			return pageSize(parent);
		}
		return pageSize(env);
	}

	private long pageSize(QueryVisitorFieldEnvironment env) {
		Object first = env.getArguments().get("first");
		return (first instanceof Number number) ? Math.max(1, number.longValue()) : this.limits.defaultListSize();
	}

	private static boolean isConnection(GraphQLOutputType type) {
		return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType object
				&& object.getFieldDefinition("edges") != null && object.getFieldDefinition("pageInfo") != null;
	}

	private static boolean isIntrospection(QueryVisitorFieldEnvironment env) {
		for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
			if (e.getField().getName().startsWith("__") && !e.getField().getName().equals("__typename")) {
				return true;
			}
		}
		return false;
	}

	/** Counts on the document itself: aliases, directives, and the same field repeated in one selection set. */
	private void checkDocument(Document document, List<GraphQLError> errors) {
		AtomicInteger aliases = new AtomicInteger();
		AtomicInteger directives = new AtomicInteger();
		AtomicInteger repeated = new AtomicInteger();
		new NodeTraverser().depthFirst(new NodeVisitorStub() {
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
			errors.add(limitError("maxAliases", this.limits.maxAliases(), aliases.get(),
					"The query uses " + aliases.get() + " aliases; at most " + this.limits.maxAliases() + " are allowed"));
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
