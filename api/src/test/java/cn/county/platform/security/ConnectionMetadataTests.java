package cn.county.platform.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.KeycloakServer;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connection of the running schema, for every demo caller: a list's metadata
 * ({@code totalCount}, {@code pageInfo}, cursors) reaches only a caller that may list its
 * rows, a cursor shows nothing of the row it stands for (no id, no code, no name, no
 * value, however it is decoded) and still pages, and filtering or sorting by a field the
 * caller may not read whole is FORBIDDEN naming the argument. The connections are found
 * by walking the schema (fields whose type has {@code edges { node }}), so a new one is
 * covered, or fails here, the day it is added.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionMetadataTests extends AbstractPlatformTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Required arguments of connections that have some; a connection with one not listed
	 * here fails the walk.
	 */
	private static final Map<String, String> REQUIRED_ARGUMENTS = Map.of("salesReports", "month: \"2023-05\"");

	/**
	 * The approvals the insurer gets for this test: some household fields, not the id,
	 * the name or risk causes.
	 */
	private static final List<String> INSURER_APPROVED = List.of("Household.code", "Household.category",
			"Household.incomePerCapita", "Loan.status", "Measure.category");

	record Who(String name, Set<Role> roles, String department, String townCode, String villageCode, String partnerId) {

		boolean partner() {
			return this.partnerId != null;
		}

		Caller caller() {
			return new Caller("test-" + this.name, this.name, this.roles, this.townCode, this.villageCode,
					this.department, this.partnerId);
		}

		/**
		 * Whether the caller sees the whole county (so its pages are the county admin's
		 * pages).
		 */
		boolean countyWide() {
			return this.townCode == null;
		}

	}

	private static final List<Who> CALLERS = List.of(
			new Who("county.admin", Set.of(Role.COUNTY_ADMIN), null, null, null, null),
			new Who("town.official", Set.of(Role.TOWN_OFFICIAL), null, Fixtures.TOWN, null, null),
			new Who("village.cadre", Set.of(Role.VILLAGE_CADRE), null, Fixtures.TOWN, Fixtures.VILLAGE, null),
			new Who("hrss.officer", Set.of(Role.DEPARTMENT_OFFICER), "HRSS", null, null, null),
			new Who("finance.officer", Set.of(Role.DEPARTMENT_OFFICER), "FINANCE", null, null, null),
			new Who("commerce.officer", Set.of(Role.DEPARTMENT_OFFICER), "COMMERCE", null, null, null),
			new Who("agriculture.officer", Set.of(Role.DEPARTMENT_OFFICER), "AGRICULTURE", null, null, null),
			new Who("dashboard.viewer", Set.of(Role.DASHBOARD_VIEWER), null, null, null, null),
			new Who("partner-bank", Set.of(Role.PARTNER), null, null, null, "partner-bank"),
			new Who("partner-insurer", Set.of(Role.PARTNER), null, null, null, "partner-insurer"));

	@Autowired
	GraphQlSource graphQlSource;

	@Autowired
	FieldPolicy policy;

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	private List<String> insurerBefore;

	private Map<String, Set<String>> approved;

	@BeforeAll
	void approve() {
		this.insurerBefore = this.jdbc.queryForList("SELECT CONCAT(type_name, '.', field_name) FROM"
				+ " partner_field_approval WHERE partner_id = 'partner-insurer'", String.class);
		setApproved("partner-insurer", INSURER_APPROVED);
		this.approved = Map.of("partner-insurer", Set.copyOf(INSURER_APPROVED), "partner-bank",
				Set.copyOf(this.jdbc.queryForList("SELECT CONCAT(type_name, '.', field_name) FROM"
						+ " partner_field_approval WHERE partner_id = 'partner-bank'", String.class)));
	}

	@AfterAll
	void restore() {
		setApproved("partner-insurer", this.insurerBefore);
	}

	/**
	 * Every field anywhere in the schema whose type is a connection ({@code edges { node
	 * }}).
	 */
	private List<GraphQLFieldDefinition> connections() {
		GraphQLSchema schema = this.graphQlSource.schema();
		List<GraphQLFieldDefinition> fields = new ArrayList<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (!(type instanceof GraphQLObjectType object) || type.getName().startsWith("__")) {
				continue;
			}
			for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
				if (nodeType(field) != null) {
					assertThat(object.getName())
						.as("connection " + field.getName() + " outside Query: give this test" + " a path to it")
						.isEqualTo("Query");
					fields.add(field);
				}
			}
		}
		assertThat(fields).extracting(GraphQLFieldDefinition::getName)
			.contains("households", "measures", "visits", "jobs", "certificates", "loans", "sellers", "sales",
					"salesReports", "courtyardHouseholds", "screeningList", "dataQualityFindings", "auditLog",
					"partnerAccessLog");
		for (GraphQLFieldDefinition field : fields) {
			for (GraphQLArgument argument : field.getArguments()) {
				if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
					assertThat(REQUIRED_ARGUMENTS)
						.as(field.getName() + " needs " + argument.getName() + ": list it in REQUIRED_ARGUMENTS")
						.containsKey(field.getName());
				}
			}
		}
		return fields;
	}

	private static GraphQLObjectType nodeType(GraphQLFieldDefinition field) {
		if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType connection
				&& connection.getFieldDefinition("edges") != null
				&& GraphQLTypeUtil
					.unwrapAll(connection.getFieldDefinition("edges").getType()) instanceof GraphQLObjectType edge
				&& edge.getFieldDefinition("node") != null && GraphQLTypeUtil
					.unwrapAll(edge.getFieldDefinition("node").getType()) instanceof GraphQLObjectType node) {
			return node;
		}
		return null;
	}

	@TestFactory
	List<DynamicTest> aListsMetadataShowsNothingTheCallerMayNotRead() {
		List<DynamicTest> tests = new ArrayList<>();
		for (GraphQLFieldDefinition connection : connections()) {
			for (Who who : CALLERS) {
				tests.add(DynamicTest.dynamicTest(who.name() + " lists " + connection.getName(),
						() -> checkMetadata(connection, who)));
			}
		}
		return tests;
	}

	private void checkMetadata(GraphQLFieldDefinition connection, Who who) throws Exception {
		String name = connection.getName();
		GraphQLObjectType node = nodeType(connection);
		boolean counted = ((GraphQLObjectType) GraphQLTypeUtil.unwrapAll(connection.getType()))
			.getFieldDefinition("totalCount") != null;
		String document = document(connection, counted, "first: $first, after: $after");
		JsonNode page = post(who, document, 3, null);
		boolean personal = this.policy.isPersonal(node.getName());
		if (personal && !mayList(who, node.getName())) {
			if (who.name().equals("dashboard.viewer") && FieldPolicyVisitor.onlyHouseholdOwned(node)) {
				// a list of sellers holds enterprises too; the viewer's row scope gives
				// it no row at all
				assertThat(page.at("/data/" + name + "/edges").size()).as(who.name() + " " + name + ": " + page)
					.isZero();
				if (counted) {
					assertThat(page.at("/data/" + name + "/totalCount").asLong()).as(who.name() + " " + name).isZero();
				}
				assertThat(page.toString()).doesNotContain("cursor\":\"");
				return;
			}
			assertRefused(page, name, who);
			return;
		}
		if (who.name().equals("partner-bank")) {
			// held to its trusted documents: anything else is refused before it runs
			assertRefused(page, name, who);
			return;
		}
		JsonNode list = page.at("/data/" + name);
		if (absent(list)) {
			// refused by the list itself (an admin-only log, a department's list); still
			// never metadata
			assertThat(page.at("/errors").toString()).as(who.name() + " " + name).contains("FORBIDDEN");
			return;
		}
		Set<String> secrets = new LinkedHashSet<>(values(list));
		if (who.countyWide()) {
			secrets.addAll(values(post(CALLERS.get(0), document, 3, null).at("/data/" + name)));
		}
		for (String cursor : cursors(list)) {
			assertOpaque(cursor, secrets, who.name() + " " + name);
		}
		// the cursor still pages: one row, then two after it, are rows two and three of a
		// page of three
		JsonNode edges = list.at("/edges");
		if (list.at("/pageInfo/hasNextPage").asBoolean() || edges.size() > 1) {
			JsonNode one = post(who, document, 1, null).at("/data/" + name);
			String after = one.at("/pageInfo/endCursor").asString();
			assertThat(after).as(who.name() + " " + name + " endCursor").isNotBlank();
			JsonNode next = post(who, document, 2, after);
			assertThat(next.at("/errors").isMissingNode() || onlyFieldErrors(next, name))
				.as(who.name() + " " + name + " pages with a cursor: " + next.at("/errors"))
				.isTrue();
			JsonNode rest = next.at("/data/" + name);
			assertThat(rest.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();
			if (edges.size() == 3 && one.at("/edges").size() == 1 && rest.at("/edges").size() == 2) {
				assertThat(rest.at("/edges/0/node")).isEqualTo(edges.get(1).at("/node"));
				assertThat(rest.at("/edges/1/node")).isEqualTo(edges.get(2).at("/node"));
			}
			// a cursor of this caller does not open for another caller
			Who other = who.name().equals("county.admin") ? CALLERS.get(1) : CALLERS.get(0);
			JsonNode replayed = post(other, document, 2, after);
			assertThat(replayed.at("/errors").toString()).as(other.name() + " replays a cursor of " + who.name())
				.contains("BAD_REQUEST")
				.contains("\"field\":\"after\"");
		}
	}

	/**
	 * Field errors (a masked or refused field of a node) are fine; an error at the list
	 * itself is not.
	 */
	private static boolean onlyFieldErrors(JsonNode response, String name) {
		for (JsonNode error : response.at("/errors")) {
			if (error.at("/path").size() <= 1) {
				return false;
			}
		}
		return !response.at("/data/" + name).isNull();
	}

	private boolean mayList(Who who, String type) {
		return this.policy.readsAnyField(who.caller(), type, this.approved.getOrDefault(who.name(), Set.of()));
	}

	private static boolean absent(JsonNode value) {
		return value.isNull() || value.isMissingNode();
	}

	private static void assertRefused(JsonNode page, String name, Who who) {
		assertThat(absent(page.at("/data/" + name))).as(who.name() + " gets no " + name + ": " + page).isTrue();
		assertThat(page.at("/errors/0/extensions/classification").asString()).as(who.name() + " " + name)
			.isEqualTo("FORBIDDEN");
		assertThat(page.toString()).doesNotContain("totalCount").doesNotContain("cursor\":\"");
	}

	/**
	 * The list with its metadata and every scalar of its nodes (each a separate field,
	 * refused ones null).
	 */
	private static String document(GraphQLFieldDefinition connection, boolean counted, String arguments) {
		StringBuilder leaves = new StringBuilder();
		for (GraphQLFieldDefinition field : nodeType(connection).getFieldDefinitions()) {
			GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
			if (!(type instanceof GraphQLObjectType) && field.getArguments().isEmpty()) {
				leaves.append(' ').append(field.getName());
			}
		}
		String required = REQUIRED_ARGUMENTS.containsKey(connection.getName())
				? REQUIRED_ARGUMENTS.get(connection.getName()) + ", " : "";
		return "query($first: Int, $after: String) { " + connection.getName() + "(" + required + arguments + ") { "
				+ (counted ? "totalCount " : "")
				+ "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node {" + leaves
				+ " } } } }";
	}

	private static List<String> cursors(JsonNode list) {
		List<String> cursors = new ArrayList<>();
		for (JsonNode edge : list.at("/edges")) {
			cursors.add(edge.at("/cursor").asString());
		}
		for (String end : List.of("startCursor", "endCursor")) {
			JsonNode cursor = list.at("/pageInfo/" + end);
			if (!cursor.isNull() && !cursor.isMissingNode()) {
				cursors.add(cursor.asString());
			}
		}
		return cursors;
	}

	/** Every scalar a page shows of its rows, as text. */
	private static List<String> values(JsonNode list) {
		List<String> values = new ArrayList<>();
		for (JsonNode edge : list.at("/edges")) {
			for (Map.Entry<String, JsonNode> field : edge.at("/node").properties()) {
				JsonNode value = field.getValue();
				if (value.isValueNode() && !value.isNull()) {
					values.add(value.asString());
				}
				else if (value.isArray()) {
					value.forEach((one) -> values.add(one.asString()));
				}
			}
		}
		return values;
	}

	/**
	 * No row value in the token, nor in what any base64 decoding of it gives (as Latin-1
	 * or UTF-8 text, or as 8-byte ids), and none of the structure of a plain position
	 * (sort keys, separators).
	 */
	private static void assertOpaque(String cursor, Set<String> secrets, String what) {
		assertThat(cursor).as(what).isNotBlank();
		List<String> texts = new ArrayList<>();
		Set<String> longs = new java.util.HashSet<>();
		for (byte[] bytes : decode(cursor)) {
			texts.add(new String(bytes, StandardCharsets.ISO_8859_1));
			texts.add(new String(bytes, StandardCharsets.UTF_8));
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			for (int i = 0; i + 8 <= bytes.length; i++) {
				longs.add(Long.toString(buffer.getLong(i)));
			}
		}
		assertThat(texts).as(what + ": " + cursor + " decodes").isNotEmpty();
		for (String secret : secrets) {
			if (secret.length() >= 6) {
				assertThat(cursor).as(what + " shows " + secret).doesNotContain(secret);
			}
			// an id stored as 8 bytes
			assertThat(longs).as(what + ": " + cursor + " holds the id " + secret).doesNotContain(secret);
			if (secret.length() >= 4) {
				for (String decoded : texts) {
					assertThat(decoded).as(what + ": " + cursor + " decodes to a row's " + secret)
						.doesNotContain(secret);
				}
			}
		}
		for (String decoded : texts) {
			assertThat(decoded).as(what + " decodes to a plain position")
				.doesNotContain("NEWEST_FIRST", "HEAD_NAME", "UPDATED_AT");
			assertThat(decoded.chars().filter(Character::isDigit).count() < decoded.length() / 2)
				.as(what + " decodes to digits")
				.isTrue();
		}
	}

	private static List<byte[]> decode(String cursor) {
		List<byte[]> decoded = new ArrayList<>();
		for (Base64.Decoder decoder : List.of(Base64.getUrlDecoder(), Base64.getDecoder(), Base64.getMimeDecoder())) {
			try {
				decoded.add(decoder.decode(cursor));
			}
			catch (IllegalArgumentException ex) {
				// not this alphabet
			}
		}
		return decoded;
	}

	@TestFactory
	List<DynamicTest> filteringOrSortingByAFieldTheCallerMayNotReadWholeIsForbiddenNamingTheArgument() {
		List<DynamicTest> tests = new ArrayList<>();
		for (GraphQLFieldDefinition connection : connections()) {
			List<Argument> arguments = new ArrayList<>();
			for (GraphQLArgument argument : connection.getArguments()) {
				collect(argument.getName(), argument, argument.getType(), arguments);
			}
			if (this.policy.isPersonal(nodeType(connection).getName())) {
				assertThat(arguments).as(connection.getName() + " declares what its filters read").isNotEmpty();
			}
			for (Argument argument : arguments) {
				for (Who who : CALLERS) {
					if (who.name().equals("partner-bank") || !mayList(who, nodeType(connection).getName())) {
						continue; // refused whole (trusted documents; no field of the
									// rows), checked above
					}
					tests.add(DynamicTest.dynamicTest(who.name() + " " + connection.getName() + " by " + argument.path()
							+ "=" + argument.literal(), () -> checkArgument(connection, argument, who)));
				}
			}
		}
		return tests;
	}

	/**
	 * One argument value to try, the fields it reads, and where it goes: {@code filter:
	 * {riskCause: X}}.
	 */
	record Argument(String path, String literal, List<String> reads) {

		String asArgument() {
			String[] parts = this.path.split("\\.");
			String value = this.literal;
			for (int i = parts.length - 1; i > 0; i--) {
				value = "{" + parts[i] + ": " + value + "}";
			}
			return parts[0] + ": " + value;
		}

	}

	private static void collect(String path, GraphQLDirectiveContainer element, GraphQLInputType type,
			List<Argument> arguments) {
		List<String> declared = reads(element);
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
		if (unwrapped instanceof GraphQLInputObjectType object) {
			for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
				collect(path + "." + field.getName(), field, field.getType(), arguments);
			}
		}
		else if (unwrapped instanceof GraphQLEnumType enumType) {
			for (GraphQLEnumValueDefinition value : enumType.getValues()) {
				List<String> byValue = reads(value);
				if (byValue != null || declared != null) {
					List<String> all = new ArrayList<>((declared != null) ? declared : List.of());
					all.addAll((byValue != null) ? byValue : List.of());
					arguments.add(new Argument(path, value.getName(), all));
				}
				if (byValue == null) {
					// one value stands for the values that declare nothing of their own
					if (declared != null) {
						break;
					}
				}
			}
		}
		else if (declared != null && !declared.isEmpty() && unwrapped instanceof GraphQLScalarType scalar) {
			arguments.add(new Argument(path, literal(path, scalar.getName()), declared));
		}
	}

	private static String literal(String path, String scalar) {
		String name = path.substring(path.lastIndexOf('.') + 1);
		return switch (scalar) {
			case "String" -> name.startsWith("town") ? "\"" + Fixtures.TOWN + "\""
					: name.startsWith("village") ? "\"" + Fixtures.VILLAGE + "\"" : "\"张\"";
			case "ID" -> "\"1\"";
			case "Int" -> name.equals("year") ? "2023" : "30";
			case "Boolean" -> "true";
			case "Date" -> "\"2023-01-01\"";
			case "BigDecimal" -> "1000";
			default -> throw new IllegalStateException("a test value for " + scalar + " at " + path);
		};
	}

	private static List<String> reads(GraphQLDirectiveContainer element) {
		GraphQLAppliedDirective reads = element.getAppliedDirective(ArgumentReads.READS);
		if (reads == null) {
			return null;
		}
		List<String> fields = new ArrayList<>();
		if (reads.getArgument("fields").getValue() instanceof java.util.Collection<?> names) {
			names.forEach((name) -> fields.add(name.toString()));
		}
		return fields;
	}

	private void checkArgument(GraphQLFieldDefinition connection, Argument argument, Who who) throws Exception {
		for (String read : argument.reads()) {
			String[] parts = read.split("\\.");
			assertThat(this.policy.isField(parts[0], parts[1])).as("@reads names a household-level field: " + read)
				.isTrue();
		}
		Set<String> approved = this.approved.getOrDefault(who.name(), Set.of());
		boolean allowed = argument.reads().stream().allMatch((read) -> {
			String[] parts = read.split("\\.");
			return this.policy.decide(who.caller(), parts[0], parts[1], approved) == FieldAccess.WHOLE;
		});
		String name = connection.getName();
		String required = REQUIRED_ARGUMENTS.containsKey(name) ? REQUIRED_ARGUMENTS.get(name) + ", " : "";
		JsonNode response = post(who, "query($first: Int, $after: String) { " + name + "(" + required
				+ argument.asArgument() + ", first: $first, after: $after) { edges { cursor } } }", 1, null);
		List<JsonNode> policyRefusals = new ArrayList<>();
		for (JsonNode error : response.at("/errors")) {
			if (argument.path().equals(error.at("/extensions/field").asString())
					&& error.at("/message").asString().contains("may not filter or sort")) {
				policyRefusals.add(error);
			}
		}
		if (allowed) {
			assertThat(policyRefusals).as(who.name() + " may use " + argument.path() + ": " + response).isEmpty();
			return;
		}
		assertThat(policyRefusals).as(who.name() + " may not use " + argument.path() + ": " + response)
			.singleElement()
			.satisfies((error) -> assertThat(error.at("/extensions/classification").asString()).isEqualTo("FORBIDDEN"));
		assertThat(absent(response.at("/data/" + name))).isTrue();
	}

	@Test
	void everyArgumentOfAListOfHouseholdLevelRowsSaysWhatItReads() {
		for (GraphQLFieldDefinition connection : connections()) {
			if (!this.policy.isPersonal(nodeType(connection).getName())) {
				continue;
			}
			assertThat(ArgumentReads.of(connection).undeclared()).as(connection.getName()).isEmpty();
		}
	}

	private JsonNode post(Who who, String document, int first, String after) throws Exception {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("first", first);
		variables.put("after", after);
		Map<String, Object> body = Map.of("query", document, "variables", variables);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url()))
				.header("Authorization", "Bearer " + token(who))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(who.name() + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private String token(Who who) {
		return this.tokens.computeIfAbsent(who.name(),
				(name) -> who.partner() ? KeycloakServer.shared().clientCredentialsToken(name, name + "-dev-secret")
						: KeycloakServer.shared().passwordToken(name));
	}

	private void setApproved(String partner, List<String> fields) {
		String body = "mutation($f: [String!]!) { setPartnerApprovedFields(input: {partnerId: \"" + partner
				+ "\", fields: $f}) { fields } }";
		try {
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("f", fields);
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(this.clients.url()))
					.header("Authorization", "Bearer " + token(CALLERS.get(0)))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString(JSON.writeValueAsString(Map.of("query", body, "variables", variables))))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.body()).doesNotContain("\"errors\"");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
