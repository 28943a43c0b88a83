package cn.county.platform.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;

/**
 * Turns every exception a data fetcher throws into GraphQL errors a client can act on.
 * Domain refusals keep their field and reason; an outage is UNAVAILABLE; anything else is
 * INTERNAL_ERROR with an id that is also logged, and never a stack trace, SQL or class
 * name.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	@Override
	protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof DomainException domain) {
			List<GraphQLError> errors = new ArrayList<>();
			for (Violation violation : domain.violations()) {
				errors.add(error(env, violation.classification(), violation.field() + ": " + violation.reason(),
						Map.of("field", violation.field())));
			}
			return errors;
		}
		if (ex instanceof BindException binding) {
			// argument binding failures name the argument path, never the Java types
			// behind it
			List<GraphQLError> errors = new ArrayList<>();
			for (FieldError field : binding.getFieldErrors()) {
				errors.add(error(env, ErrorClassification.BAD_REQUEST, field.getField() + ": has an invalid value",
						Map.of("field", field.getField())));
			}
			if (errors.isEmpty()) {
				errors.add(error(env, ErrorClassification.BAD_REQUEST, "The arguments are invalid", Map.of()));
			}
			return errors;
		}
		if (ex instanceof AccessDeniedException) {
			return List
				.of(error(env, ErrorClassification.FORBIDDEN, "Not allowed for the caller's role or scope", Map.of()));
		}
		if (ex instanceof DuplicateKeyException || ex instanceof OptimisticLockingFailureException
				|| ex instanceof PessimisticLockingFailureException) {
			return List.of(error(env, ErrorClassification.CONFLICT,
					"The record was changed or created concurrently; read it again and retry", Map.of()));
		}
		if (ex instanceof org.springframework.dao.DataIntegrityViolationException) {
			// a row still referenced elsewhere (a member who borrowed, say): the request
			// clashes with stored data
			return List.of(error(env, ErrorClassification.CONFLICT,
					"Other records still refer to this one, or it breaks a stored constraint; nothing was changed",
					Map.of()));
		}
		if (causedBy(ex, CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
				DataAccessResourceFailureException.class, TransientDataAccessException.class,
				org.springframework.dao.RecoverableDataAccessException.class, java.sql.SQLRecoverableException.class,
				java.sql.SQLTransientConnectionException.class, java.sql.SQLNonTransientConnectionException.class,
				java.net.ConnectException.class)) {
			String errorId = UUID.randomUUID().toString();
			log.warn("Database unavailable [errorId={}]: {}", errorId, ex.getMessage());
			return List.of(error(env, ErrorClassification.UNAVAILABLE,
					"The database is unavailable; nothing was changed, try again shortly", Map.of("errorId", errorId)));
		}
		String errorId = UUID.randomUUID().toString();
		log.error("Unexpected error [errorId={}] at {}", errorId, env.getExecutionStepInfo().getPath(), ex);
		return List.of(error(env, ErrorClassification.INTERNAL_ERROR, "Internal error " + errorId,
				Map.of("errorId", errorId)));
	}

	/**
	 * MyBatis wraps what the driver and the pool throw, so an outage can sit several
	 * causes deep.
	 */
	@SafeVarargs
	private static boolean causedBy(Throwable ex, Class<? extends Throwable>... types) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			for (Class<? extends Throwable> type : types) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
		}
		return false;
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification classification, String message,
			Map<String, Object> extensions) {
		Map<String, Object> all = new java.util.LinkedHashMap<>(extensions);
		all.put("classification", classification.name());
		return GraphqlErrorBuilder.newError(env).errorType(classification).message(message).extensions(all).build();
	}

}
