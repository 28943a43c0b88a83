package cn.county.platform.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.county.platform.common.CursorCodec;
import graphql.execution.ExecutionStepInfo;
import graphql.relay.ConnectionCursor;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Seals every cursor the API hands out and opens every cursor it is given, at the GraphQL
 * boundary, for every connection of the schema (a type with {@code edges { node cursor }}
 * and {@code pageInfo}): the edges' {@code cursor}, the page info's {@code startCursor}
 * and {@code endCursor}, and the {@code after} (and {@code before}) argument of every
 * field that returns a connection. The services keep working with plain positions
 * ({@code Cursor}); a client only ever sees {@link CursorCodec} tokens, bound to its
 * subject and to the connection type, so a token neither reveals a row nor opens for
 * another caller or another list. A new connection is covered without a line of code.
 */
final class CursorVisitor extends GraphQLTypeVisitorStub {

	static final Set<String> CURSOR_ARGUMENTS = Set.of("after", "before");

	private final CursorCodec codec;

	/**
	 * Connection types found so far; the output fetchers look their connection up here.
	 */
	private final Set<String> connections = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private final Set<FieldCoordinates> sealed = java.util.concurrent.ConcurrentHashMap.newKeySet();

	CursorVisitor(CursorCodec codec) {
		this.codec = codec;
	}

	@Override
	public TraversalControl visitGraphQLObjectType(GraphQLObjectType type,
			TraverserContext<GraphQLSchemaElement> context) {
		if (type.getName().startsWith("__")) {
			return TraversalControl.CONTINUE;
		}
		GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
		for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
			GraphQLObjectType connection = connectionType(field.getType());
			if (connection == null) {
				continue;
			}
			this.connections.add(connection.getName());
			sealOutputs(connection, registry);
			if (field.getArguments().stream().anyMatch((argument) -> CURSOR_ARGUMENTS.contains(argument.getName()))) {
				FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
				DataFetcher<?> original = registry.getDataFetcher(coordinates, field);
				registry.dataFetcher(coordinates, new Opening(original, connection.getName()));
			}
		}
		return TraversalControl.CONTINUE;
	}

	/**
	 * The connection type a field returns, if it returns one: {@code edges { node cursor
	 * }} and {@code pageInfo}.
	 */
	static GraphQLObjectType connectionType(GraphQLType type) {
		if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType object)) {
			return null;
		}
		GraphQLObjectType edge = edgeType(object);
		return (edge != null && object.getFieldDefinition("pageInfo") != null) ? object : null;
	}

	static GraphQLObjectType edgeType(GraphQLObjectType connection) {
		GraphQLFieldDefinition edges = connection.getFieldDefinition("edges");
		if (edges != null && GraphQLTypeUtil.unwrapAll(edges.getType()) instanceof GraphQLObjectType edge
				&& edge.getFieldDefinition("node") != null && edge.getFieldDefinition("cursor") != null) {
			return edge;
		}
		return null;
	}

	private void sealOutputs(GraphQLObjectType connection, GraphQLCodeRegistry.Builder registry) {
		GraphQLObjectType edge = edgeType(connection);
		seal(registry, edge, edge.getFieldDefinition("cursor"));
		if (GraphQLTypeUtil
			.unwrapAll(connection.getFieldDefinition("pageInfo").getType()) instanceof GraphQLObjectType info) {
			for (String name : List.of("startCursor", "endCursor")) {
				GraphQLFieldDefinition field = info.getFieldDefinition(name);
				if (field != null) {
					seal(registry, info, field);
				}
			}
		}
	}

	private void seal(GraphQLCodeRegistry.Builder registry, GraphQLObjectType type, GraphQLFieldDefinition field) {
		FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
		if (this.sealed.add(coordinates)) {
			registry.dataFetcher(coordinates, new Sealing(registry.getDataFetcher(coordinates, field)));
		}
	}

	/** What a token is bound to: the caller's subject and the connection type. */
	private static String context(DataFetchingEnvironment env, String connection) {
		AccessContext access = env.getGraphQlContext().get(AccessContext.class);
		String subject = "";
		if (access != null) {
			Caller caller = access.caller();
			subject = (caller.subject() != null) ? caller.subject() : String.valueOf(caller.username());
		}
		return CursorCodec.context(subject, connection);
	}

	/** Seals a position on its way out. */
	private final class Sealing implements DataFetcher<Object> {

		private final DataFetcher<?> delegate;

		Sealing(DataFetcher<?> delegate) {
			this.delegate = delegate;
		}

		@Override
		public Object get(DataFetchingEnvironment env) throws Exception {
			Object value = this.delegate.get(env);
			if (value instanceof ConnectionCursor cursor) {
				value = cursor.getValue();
			}
			if (value == null) {
				return null;
			}
			String connection = enclosingConnection(env.getExecutionStepInfo());
			return CursorVisitor.this.codec.seal(value.toString(), context(env, connection));
		}

		private String enclosingConnection(ExecutionStepInfo step) {
			for (ExecutionStepInfo at = step.getParent(); at != null; at = at.getParent()) {
				String name = GraphQLTypeUtil.unwrapAll(at.getType()).getName();
				if (CursorVisitor.this.connections.contains(name)) {
					return name;
				}
			}
			throw new IllegalStateException("A cursor outside a connection at " + step.getPath());
		}

	}

	/**
	 * Opens the cursor arguments on their way in, before the field's own fetcher sees
	 * them.
	 */
	private final class Opening implements DataFetcher<Object> {

		private final DataFetcher<?> delegate;

		private final String connection;

		Opening(DataFetcher<?> delegate, String connection) {
			this.delegate = delegate;
			this.connection = connection;
		}

		@Override
		public Object get(DataFetchingEnvironment env) throws Exception {
			Map<String, Object> arguments = null;
			for (String name : CURSOR_ARGUMENTS) {
				if (env.getArgument(name) instanceof String token) {
					if (arguments == null) {
						arguments = new HashMap<>(env.getArguments());
					}
					arguments.put(name, CursorVisitor.this.codec.open(token, context(env, this.connection)));
				}
			}
			if (arguments == null) {
				return this.delegate.get(env);
			}
			return this.delegate.get(new WithArguments(env, arguments));
		}

	}

	private static final class WithArguments extends DelegatingDataFetchingEnvironment {

		private final Map<String, Object> arguments;

		WithArguments(DataFetchingEnvironment delegate, Map<String, Object> arguments) {
			super(delegate);
			this.arguments = java.util.Collections.unmodifiableMap(arguments);
		}

		@Override
		public Map<String, Object> getArguments() {
			return this.arguments;
		}

		@Override
		public boolean containsArgument(String name) {
			return this.arguments.containsKey(name);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T getArgument(String name) {
			return (T) this.arguments.get(name);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T getArgumentOrDefault(String name, T defaultValue) {
			return this.arguments.containsKey(name) ? (T) this.arguments.get(name) : defaultValue;
		}

	}

}
