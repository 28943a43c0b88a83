package cn.county.platform.security;

import java.util.List;
import java.util.Map;

import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.SchemaTraverser;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A list of household-level rows whose filter says nothing of what it reads stops the
 * schema from being built.
 */
@Tag("fast")
class ReadsDeclarationTests {

	private static final String BASE = """
			directive @personal on OBJECT
			directive @reads(fields: [String!]!) on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE
			type PageInfo { hasNextPage: Boolean! endCursor: String }
			type Person @personal { id: ID! name: String! }
			type PersonEdge { node: Person! cursor: String! }
			type PersonConnection { edges: [PersonEdge!]! pageInfo: PageInfo! totalCount: Int! }
			enum PersonSort { ID @reads(fields: ["Person.id"]) NAME @reads(fields: ["Person.name"]) }
			""";

	@Test
	void anUndeclaredFilterFieldFailsNamingIt() {
		String sdl = BASE
				+ """
						input PersonFilter { name: String @reads(fields: ["Person.name"]) nickname: String }
						type Query { people(filter: PersonFilter, sort: PersonSort, first: Int, after: String): PersonConnection }
						""";
		assertThatThrownBy(() -> visit(sdl)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Query.people")
			.hasMessageContaining("filter.nickname")
			.hasMessageNotContaining("filter.name");
	}

	@Test
	void aSortEnumWithAnUndeclaredValueFailsNamingIt() {
		String sdl = BASE + """
				enum Other { A @reads(fields: ["Person.id"]) B }
				type Query { people(sort: Other, first: Int): PersonConnection }
				""";
		assertThatThrownBy(() -> visit(sdl)).hasMessageContaining("sort=B");
	}

	@Test
	void aFullyDeclaredListIsBuiltAndItsReadsFollowTheValues() {
		String sdl = BASE
				+ """
						input PersonFilter { name: String @reads(fields: ["Person.name"]) }
						type Query { people(filter: PersonFilter, sort: PersonSort, first: Int, after: String): PersonConnection }
						""";
		GraphQLSchema schema = visit(sdl);
		ArgumentReads reads = ArgumentReads.of(schema.getQueryType().getFieldDefinition("people"));
		assertThat(reads.undeclared()).isEmpty();
		assertThat(reads.readsOf(Map.of("filter", Map.of("name", "x"), "sort", "NAME", "first", 2)))
			.containsOnly(Map.entry("filter.name", List.of("Person.name")), Map.entry("sort", List.of("Person.name")));
		assertThat(reads.readsOf(Map.of("sort", "ID"))).containsOnly(Map.entry("sort", List.of("Person.id")));
	}

	private static GraphQLSchema visit(String sdl) {
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl),
				RuntimeWiring.newRuntimeWiring().build());
		GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry());
		new SchemaTraverser().depthFirstFullSchema(List.of(new FieldPolicyVisitor(new FieldPolicy())), schema,
				Map.of(GraphQLCodeRegistry.Builder.class, registry));
		return schema;
	}

}
