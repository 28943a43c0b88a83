package cn.county.platform.security;

import java.util.Map;
import java.util.concurrent.CompletionStage;

import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.common.MaybeHouseholdOwned;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

/**
 * Wraps the data fetcher of every field of a household-level type (and of every field that leads to one): decides
 * with {@link FieldPolicy} before anything is fetched, masks what must be masked, and notes partners' reads.
 */
final class PolicyDataFetcher implements DataFetcher<Object> {

	private final DataFetcher<?> delegate;

	private final FieldPolicy policy;

	private final String type;

	private final String field;

	/** True for a field that returns household-level objects rather than a field of one. */
	private final boolean entryPoint;

	/** True for a field of a type that is personal only for objects that belong to a household. */
	private final boolean onlyHouseholdOwned;

	PolicyDataFetcher(DataFetcher<?> delegate, FieldPolicy policy, String type, String field, boolean entryPoint,
			boolean onlyHouseholdOwned) {
		this.delegate = delegate;
		this.policy = policy;
		this.type = type;
		this.field = field;
		this.entryPoint = entryPoint;
		this.onlyHouseholdOwned = onlyHouseholdOwned;
	}

	@Override
	public Object get(DataFetchingEnvironment env) throws Exception {
		Long householdId = householdOf(env.getSource());
		if (this.onlyHouseholdOwned && householdId == null && env.getSource() instanceof MaybeHouseholdOwned) {
			// an enterprise or cooperative: not household-level data (a source of another class fails closed below)
			return this.delegate.get(env);
		}
		AccessContext access = env.getGraphQlContext().get(AccessContext.class);
		FieldAccess decision = decide(access);
		if (decision == FieldAccess.FORBIDDEN) {
			return DataFetcherResult.newResult()
				.error(GraphqlErrorBuilder.newError(env)
					.errorType(ErrorClassification.FORBIDDEN)
					.message("%s.%s is not available to the caller", this.type, this.field)
					.extensions(Map.of("classification", ErrorClassification.FORBIDDEN.name()))
					.build())
				.build();
		}
		if (!this.entryPoint && access.isPartner() && householdId != null) {
			access.recordRead(env.getOperationDefinition().getName(), this.type, this.field, householdId);
		}
		Object value = this.delegate.get(env);
		if (decision == FieldAccess.MASKED) {
			Mask mask = this.policy.maskOf(this.type, this.field);
			if (value instanceof CompletionStage<?> stage) {
				return stage.thenApply(mask::apply);
			}
			return mask.apply(value);
		}
		return value;
	}

	private static Long householdOf(Object source) {
		if (source instanceof HouseholdOwned owned) {
			return owned.householdId();
		}
		if (source instanceof MaybeHouseholdOwned maybe) {
			return maybe.householdId();
		}
		return null;
	}

	private FieldAccess decide(AccessContext access) {
		if (access == null) {
			return FieldAccess.FORBIDDEN; // no caller established: fail closed
		}
		if (this.entryPoint) {
			// dashboard viewers read aggregates only; every other role reaches households, field rules apply below
			boolean readsHouseholds = access.caller()
				.roles()
				.stream()
				.anyMatch((role) -> role != Role.DASHBOARD_VIEWER);
			return readsHouseholds ? FieldAccess.WHOLE : FieldAccess.FORBIDDEN;
		}
		return this.policy.decide(access.caller(), this.type, this.field, access.approvedFields());
	}

}
