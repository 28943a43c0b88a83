package cn.county.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.common.Paged;
import cn.county.platform.common.Violation;
import cn.county.platform.common.MaybeHouseholdOwned;
import graphql.GraphqlErrorBuilder;
import graphql.TrivialDataFetcher;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

/**
 * Wraps the data fetcher of every field of a household-level type, of every field that
 * leads to one, and of every field whose arguments declare what they read
 * ({@code @reads}): decides with {@link FieldPolicy} before anything is fetched, masks
 * what must be masked, and notes partners' reads.
 * <p>
 * A field that leads to household-level objects is refused whole to a caller that may not
 * read any field of them (dashboard viewers; a partner with no approved field of the
 * type), so neither rows nor a list's metadata ({@code totalCount}, {@code pageInfo},
 * cursors) reach it. Its arguments are reads too: a filter or sort value is refused with
 * FORBIDDEN naming the argument path when the caller may not read whole a field it
 * declares.
 * <p>
 * Wrapping a plain property read (a {@link TrivialDataFetcher}, which answers from its
 * source object, never asynchronously and never from a thread-bound context), the wrapper
 * is trivial too ({@link Trivial}): the policy itself reads only the GraphQL context, the
 * source and the arguments, so Spring for GraphQL need not capture and restore a context
 * snapshot around it ({@code ContextDataFetcherDecorator} skips trivial fetchers) nor
 * observe it as a data fetch of its own (its observation instrumentation skips them too).
 * That is what a row of an export's page of a hundred households (some 70 policy-wrapped
 * fields each) otherwise paid per field.
 */
class PolicyDataFetcher implements DataFetcher<Object> {

	/**
	 * The parts of a connection that tell something about its rows without their fields.
	 */
	private static final Set<String> LIST_METADATA = Set.of("totalCount", "pageInfo", "edges/cursor");

	private final DataFetcher<?> delegate;

	private final FieldPolicy policy;

	private final String type;

	private final String field;

	/**
	 * True for a field that returns household-level objects rather than a field of one.
	 */
	private final boolean entryPoint;

	/**
	 * The household-level type an entry point leads to (a connection's node type), else
	 * null.
	 */
	private final String target;

	/** True for a connection of household-level rows. */
	private final boolean connection;

	private final ArgumentReads reads;

	/**
	 * True for a field of a type that is personal only for objects that belong to a
	 * household.
	 */
	private final boolean onlyHouseholdOwned;

	/** The wrapper of a field's data fetcher: trivial when the fetcher is. */
	static PolicyDataFetcher of(DataFetcher<?> delegate, FieldPolicy policy, String type, String field,
			boolean entryPoint, String target, boolean connection, ArgumentReads reads, boolean onlyHouseholdOwned) {
		if (delegate instanceof TrivialDataFetcher<?> && !entryPoint && !connection) {
			return new Trivial(delegate, policy, type, field, reads, onlyHouseholdOwned);
		}
		return new PolicyDataFetcher(delegate, policy, type, field, entryPoint, target, connection, reads,
				onlyHouseholdOwned);
	}

	/** The policy around a plain property read: as trivial as the read. */
	static final class Trivial extends PolicyDataFetcher implements TrivialDataFetcher<Object> {

		Trivial(DataFetcher<?> delegate, FieldPolicy policy, String type, String field, ArgumentReads reads,
				boolean onlyHouseholdOwned) {
			super(delegate, policy, type, field, false, null, false, reads, onlyHouseholdOwned);
		}

	}

	PolicyDataFetcher(DataFetcher<?> delegate, FieldPolicy policy, String type, String field, boolean entryPoint,
			String target, boolean connection, ArgumentReads reads, boolean onlyHouseholdOwned) {
		this.delegate = delegate;
		this.policy = policy;
		this.type = type;
		this.field = field;
		this.entryPoint = entryPoint;
		this.target = target;
		this.connection = connection;
		this.reads = reads;
		this.onlyHouseholdOwned = onlyHouseholdOwned;
	}

	@Override
	public Object get(DataFetchingEnvironment env) throws Exception {
		Long householdId = householdOf(env.getSource());
		if (this.onlyHouseholdOwned && householdId == null && env.getSource() instanceof MaybeHouseholdOwned) {
			// an enterprise or cooperative: not household-level data (a source of another
			// class fails closed below)
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
		if (!viewerOfMixedList(access)) {
			// (a viewer's list of sellers holds no row, so its filters select nothing to
			// learn from)
			checkArguments(access, env.getArguments());
		}
		if (!this.entryPoint && access.isPartner() && householdId != null) {
			access.recordRead(env.getOperationDefinition().getName(), this.type, this.field, householdId);
		}
		Object value = this.delegate.get(env);
		if (this.connection && access.isPartner()) {
			List<String> metadata = metadataSelected(env);
			if (!metadata.isEmpty()) {
				if (value instanceof CompletionStage<?> stage) {
					return stage.thenApply((result) -> recordRows(access, env, metadata, result));
				}
				if (value instanceof reactor.core.publisher.Mono<?> mono) {
					// a controller that takes the principal answers with a Mono
					return mono.map((result) -> recordRows(access, env, metadata, result));
				}
				recordRows(access, env, metadata, value);
			}
		}
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

	/**
	 * A dashboard viewer asking a list that holds household rows among others: the row
	 * scope gives it none.
	 */
	private boolean viewerOfMixedList(AccessContext access) {
		return !this.entryPoint && this.connection
				&& access.caller().roles().stream().allMatch((role) -> role == Role.DASHBOARD_VIEWER);
	}

	private FieldAccess decide(AccessContext access) {
		if (access == null) {
			return FieldAccess.FORBIDDEN; // no caller established: fail closed
		}
		if (this.entryPoint || this.connection) {
			// a list of household-level rows, or of rows some of which are (sellers):
			// dashboard viewers read aggregates only; every other role reaches
			// households, field rules apply below
			boolean readsHouseholds = access.caller()
				.roles()
				.stream()
				.anyMatch((role) -> role != Role.DASHBOARD_VIEWER);
			if (!readsHouseholds) {
				// a list that holds household rows among others (sellers) answers a
				// viewer with no rows: the row scope
				// gives it none, and its enterprises are not household-level
				return this.entryPoint ? FieldAccess.FORBIDDEN : FieldAccess.WHOLE;
			}
			// rows only of a type the caller reads a field of (a partner: one approved):
			// else no list, count or cursor
			if (this.target != null
					&& !this.policy.readsAnyField(access.caller(), this.target, access.approvedFields())) {
				return FieldAccess.FORBIDDEN;
			}
			return FieldAccess.WHOLE;
		}
		if (!this.policy.isField(this.type, this.field)) {
			return FieldAccess.WHOLE; // a field outside household-level types, wrapped
										// for its arguments only
		}
		return this.policy.decide(access.caller(), this.type, this.field, access.approvedFields());
	}

	/**
	 * Filters and sorts are reads: each declared field must be one the caller reads
	 * whole.
	 */
	private void checkArguments(AccessContext access, Map<String, Object> arguments) {
		List<Violation> violations = new ArrayList<>();
		this.reads.readsOf(arguments).forEach((path, fields) -> {
			for (String read : fields) {
				int dot = read.indexOf('.');
				FieldAccess seen = this.policy.decide(access.caller(), read.substring(0, dot), read.substring(dot + 1),
						access.approvedFields());
				if (seen != FieldAccess.WHOLE) {
					violations.add(new Violation(path,
							"reads " + read
									+ ", which the caller may not read whole, so it may not filter or sort by it",
							ErrorClassification.FORBIDDEN));
					return;
				}
			}
		});
		if (!violations.isEmpty()) {
			throw new DomainException(violations);
		}
	}

	/**
	 * Which of the connection's metadata the request asks for ({@code totalCount},
	 * {@code pageInfo}, cursors).
	 */
	private static List<String> metadataSelected(DataFetchingEnvironment env) {
		List<String> selected = new ArrayList<>();
		for (String part : LIST_METADATA) {
			if (env.getSelectionSet().contains(part)) {
				selected.add(part);
			}
		}
		return selected;
	}

	/**
	 * A partner that receives a list's metadata learns about its rows even without their
	 * fields: the households of the rows on the page go into its access record, with the
	 * metadata read ({@code HouseholdConnection.totalCount}).
	 */
	private Object recordRows(AccessContext access, DataFetchingEnvironment env, List<String> metadata, Object result) {
		Object connection = (result instanceof DataFetcherResult<?> wrapped) ? wrapped.getData() : result;
		List<Long> households = new ArrayList<>();
		if (connection instanceof Paged<?> paged) {
			paged.page().edges().forEach((edge) -> {
				if (edge.node() instanceof HouseholdOwned owned) {
					households.add(owned.householdId());
				}
			});
		}
		String operation = env.getOperationDefinition().getName();
		String connectionType = graphql.schema.GraphQLTypeUtil.unwrapAll(env.getFieldType()).getName();
		for (String part : metadata) {
			String read = part.replace("edges/", "edges.");
			access.recordRead(operation, connectionType, read, null);
			households.forEach((id) -> access.recordRead(operation, connectionType, read, id));
		}
		return result;
	}

}
