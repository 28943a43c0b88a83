package cn.county.platform.common;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.county.platform.support.GraphQlClients;
import cn.county.platform.support.PlatformTest;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every connection of the running schema, walked from the schema so a new one cannot be forgotten: its cursors
 * carry no readable row id or sort value, they open only with the server's key, and they still page.
 */
@PlatformTest
class ConnectionCursorTests {

	/** Arguments for the connections that require some; a connection with a required argument not here fails. */
	private static final Map<String, String> REQUIRED = Map.of("salesReports", "month: \"2023-05\"");

	@LocalServerPort
	int port;

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void noConnectionHandsOutACursorWhoseContentCanBeRead() {
		HttpGraphQlTester admin = new GraphQlClients(this.port).as("county.admin");
		List<String> connections = new ArrayList<>();
		int withRows = 0;
		for (GraphQLFieldDefinition field : this.graphQlSource.schema().getQueryType().getFieldDefinitions()) {
			if (!isConnection(field)) {
				continue;
			}
			connections.add(field.getName());
			String arguments = arguments(field);
			String document = "query($after: String) { " + field.getName() + "(first: 3, after: $after" + arguments
					+ ") { edges { cursor } pageInfo { endCursor hasNextPage } } }";
			GraphQlTester.Response first = admin.document(document).variable("after", null).execute();
			first.errors().verify();
			List<String> cursors = new ArrayList<>(
					first.path(field.getName() + ".edges[*].cursor").entityList(String.class).get());
			if (cursors.isEmpty()) {
				continue;
			}
			withRows++;
			Set<Long> ids = new HashSet<>();
			for (String cursor : cursors) {
				ids.add(assertSealed(field.getName(), cursor));
			}
			String end = first.path(field.getName() + ".pageInfo.endCursor").entity(String.class).get();
			assertSealed(field.getName(), end);
			if (first.path(field.getName() + ".pageInfo.hasNextPage").entity(Boolean.class).get()) {
				GraphQlTester.Response second = admin.document(document).variable("after", end).execute();
				second.errors().verify();
				List<String> next = second.path(field.getName() + ".edges[*].cursor").entityList(String.class).get();
				assertThat(next).as(field.getName() + " page 2").isNotEmpty();
				for (String cursor : next) {
					long id = assertSealed(field.getName(), cursor);
					if (id != Long.MAX_VALUE) {
						assertThat(ids).as(field.getName() + " page 2 repeats a row of page 1").doesNotContain(id);
					}
				}
			}
		}
		assertThat(connections).as("connections found in the schema").hasSizeGreaterThanOrEqualTo(14);
		assertThat(withRows).as("connections that returned rows from the demo data").isGreaterThan(connections.size() / 2);
	}

	@Test
	void aCursorFromThePastOrAnotherKeyIsRefusedNamingTheArgument() {
		HttpGraphQlTester admin = new GraphQlClients(this.port).as("county.admin");
		String plain = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("CODE:ASC\n1\n4110241002010001".getBytes(StandardCharsets.UTF_8));
		String foreign = CursorKeys.random().seal("CODE:ASC\n1\n4110241002010001");
		for (String after : List.of(plain, foreign)) {
			admin.document("query($after: String) { households(first: 2, after: $after) { edges { cursor } } }")
				.variable("after", after)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
					assertThat(error.getExtensions()).containsEntry("field", "after")
						.containsEntry("classification", "BAD_REQUEST");
				}));
		}
	}

	/** Opens the cursor with the server's key (the test shares its JVM) and checks its bytes hide what it holds. */
	private static long assertSealed(String connection, String cursor) {
		Optional<String> opened = CursorKeys.current().open(cursor);
		if (opened.isEmpty()) {
			fail(connection + " handed out a cursor that the server's key does not open: " + cursor);
		}
		String[] parts = opened.get().split("\n", 3);
		String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1);
		String id = parts[1];
		String value = parts[2];
		if (id.length() >= 6) {
			assertThat(raw).as(connection + " cursor shows its row id").doesNotContain(id);
		}
		if (value.length() >= 4) {
			assertThat(raw).as(connection + " cursor shows its sort value")
				.doesNotContain(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
		}
		assertThat(raw).as(connection + " cursor shows its sort key").doesNotContain(parts[0]);
		return Long.parseLong(id);
	}

	private static boolean isConnection(GraphQLFieldDefinition field) {
		return GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType type
				&& type.getFieldDefinition("edges") != null && type.getFieldDefinition("pageInfo") != null;
	}

	private static String arguments(GraphQLFieldDefinition field) {
		for (GraphQLArgument argument : field.getArguments()) {
			if (argument.getType() instanceof GraphQLNonNull && !argument.hasSetDefaultValue()
					&& !REQUIRED.containsKey(field.getName())) {
				fail(field.getName() + " requires " + argument.getName() + ": add it to REQUIRED");
			}
		}
		return REQUIRED.containsKey(field.getName()) ? ", " + REQUIRED.get(field.getName()) : "";
	}

}
