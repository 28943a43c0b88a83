package cn.county.platform.protect;

import java.util.concurrent.CompletableFuture;

import cn.county.platform.common.RequestPipeline;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stores a persisted query's text only after its request ran: parsed within the token
 * budget, validated against the schema, and past every limit of
 * {@link QueryLimitsInstrumentation} (a refused document has no {@code data} and its
 * errors name a {@code limit}). Checking the outcome of the real execution, rather than
 * parsing and validating a second time, keeps one set of rules: whatever the pipeline
 * refuses is never stored.
 */
@Component
@Order(RequestPipeline.PERSISTED_QUERY_REGISTRATION_INSTRUMENTATION)
class PersistedQueryRegistration extends SimplePerformantInstrumentation {

	private final PersistedQueries queries;

	PersistedQueryRegistration(PersistedQueries queries) {
		this.queries = queries;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		PersistedQueries.Registration registration = parameters.getGraphQLContext()
			.get(PersistedQueries.Registration.class);
		if (registration != null && ranCleanly(result)) {
			this.queries.register(registration);
		}
		return CompletableFuture.completedFuture(result);
	}

	/**
	 * Execution started (there is {@code data}) and no error says the document itself was
	 * wrong or too big.
	 */
	static boolean ranCleanly(ExecutionResult result) {
		if (!result.isDataPresent()) {
			return false;
		}
		for (GraphQLError error : result.getErrors()) {
			if (error.getErrorType() == ErrorType.InvalidSyntax || error.getErrorType() == ErrorType.ValidationError
					|| (error.getExtensions() != null && error.getExtensions().containsKey("limit"))) {
				return false;
			}
		}
		return true;
	}

}
