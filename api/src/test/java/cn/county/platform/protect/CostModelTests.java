package cn.county.platform.protect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.county.platform.common.SqlStatementCounter;
import cn.county.platform.region.RegionSizes;
import cn.county.platform.support.AbstractPlatformTests;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost model with the real limits (max cost 50,000, depth 12): every list has a
 * bound, and a query that goes round a cycle of the schema costs the product of the
 * bounds along its path, so it is refused before any SQL runs, for every role.
 */
class CostModelTests extends AbstractPlatformTests {

	/** The probe of issue 13: it held the API for 51 s and answered 20 MB. */
	static final String REGION_CYCLE = "{ towns { villages { town { villages { town { villages { town { villages { town"
			+ " { code } } } } } } } } } }";

	@Autowired
	SqlStatementCounter statements;

	@Autowired
	GraphQlSource graphQl;

	@Autowired
	ListBounds bounds;

	@Autowired
	RegionSizes regions;

	@Autowired
	DataSizes data;

	@Autowired
	LimitsProperties limits;

	private Map<String, HttpGraphQlTester> everyRole() {
		Map<String, HttpGraphQlTester> roles = new LinkedHashMap<>();
		for (String user : List.of("county.admin", "town.official", "village.cadre", "hrss.officer",
				"dashboard.viewer")) {
			roles.put(user, this.clients.as(user));
		}
		roles.put("partner-bank", this.clients.bank());
		return roles;
	}

	@Test
	void everyListFieldOfTheSchemaHasABound() {
		assertThat(this.bounds.unbounded(this.graphQl.schema())).isEmpty();
		// and the check finds a list without one
		String sdl = "directive @listSize(max: Int!, measured: String) on FIELD_DEFINITION\n"
				+ "type Query { a: [A!]! @listSize(max: 3) b: [A!]! }\n" + "type A { c: [String!]! d: Int }";
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl),
				RuntimeWiring.newRuntimeWiring().build());
		assertThat(this.bounds.unbounded(schema)).containsExactlyInAnyOrder("Query.b is a list without @listSize",
				"A.c is a list without @listSize");
	}

	@Test
	void theRegionCycleIsRefusedBeforeAnySqlForEveryRole() {
		assertThat(this.regions.villagesPerTown()).as("villages counted").isPresent();
		everyRole().forEach((role, client) -> {
			long baseline = setUpStatements(role, client);
			long before = this.statements.count();
			GraphQlTester.Response response = client.document(REGION_CYCLE).execute();
			response.errors().satisfy((errors) -> {
				assertThat(errors).as(role).hasSize(1);
				ResponseError error = errors.get(0);
				assertThat(error.getMessage()).as(role).isNotBlank();
				if (refusedAsUntrusted(role, error)) {
					return;
				}
				assertThat(error.getExtensions()).as(role)
					.containsEntry("limit", "maxCost")
					.containsEntry("classification", "BAD_REQUEST");
				assertThat(((Number) error.getExtensions().get("actual")).longValue()).as(role)
					.isGreaterThan(1_000_000L);
			});
			assertThat(this.statements.count() - before).as(role + ": SQL statements").isEqualTo(baseline);
		});
	}

	@Test
	void aRegionListWithinTheLimitStillAnswersInFull() {
		// towns x villages x 2 fields, the way a town picker asks: well under the limit,
		// and every village comes
		int villages = this.regions.villages().orElseThrow();
		this.clients.dashboardViewer()
			.document("{ towns { code villages { code name } } }")
			.execute()
			.errors()
			.verify()
			.path("towns[*].villages[*].code")
			.entityList(String.class)
			.hasSize(villages);
	}

	/**
	 * Every cycle of the schema's object graph (up to four fields round), reached from
	 * the query root the cheapest way an attacker can (largest pages), and gone round as
	 * often as the depth limit allows: each cycle through a list is refused for its cost
	 * before any SQL, for every role, its cost at least the product of the bounds along
	 * the path, unless that product itself is within the limit (a cycle through one short
	 * counted list): then the answer is within the limit too. A cycle of single objects
	 * is refused one level past the depth limit.
	 */
	@Test
	void everyCycleOfTheSchemaIsRefusedBeforeAnySqlForEveryRole() {
		GraphQLSchema schema = this.graphQl.schema();
		List<List<Step>> cycles = cycles(schema);
		assertThat(cycles).as("cycles found").hasSizeGreaterThan(5);
		assertThat(cycles.stream().map(CostModelTests::describe)).contains("Town.villages -> Village.town",
				"Household.loans -> Loan.household");
		Map<String, HttpGraphQlTester> roles = everyRole();
		List<String> answered = new ArrayList<>();
		for (List<Step> cycle : cycles) {
			String start = cycle.get(0).owner();
			List<Step> path = new ArrayList<>(rootPath(schema, start));
			assertThat(path).as("a way from Query to " + start).isNotEmpty();
			int root = path.size();
			// a cycle of single objects (a loan renewed from a loan ...) returns one
			// value a level: only its
			// depth is at stake, so it goes one level past the depth limit; a cycle with
			// a list goes to the limit
			boolean lists = cycle.stream().anyMatch((step) -> ListBounds.isList(step.field().getType()));
			String limit = lists ? "maxCost" : "maxDepth";
			while (path.size() < this.limits.maxDepth() - (lists ? 1 : 0)) {
				path.add(cycle.get((path.size() - root) % cycle.size()));
			}
			GraphQLObjectType last = (GraphQLObjectType) GraphQLTypeUtil
				.unwrapAll(path.get(path.size() - 1).field().getType());
			String query = query(path, leaf(last));
			double product = product(path);
			if (lists && product <= this.limits.maxCost()) {
				// every round of this cycle returns few rows (one short counted list), so
				// even at the deepest it
				// cannot return more than the limit: it is answered, and within what the
				// model priced it at
				Object answer = roles.get("county.admin")
					.document(query)
					.execute()
					.path(path.get(0).field().getName())
					.entity(Object.class)
					.get();
				assertThat(values(answer)).as(query).isLessThanOrEqualTo((long) this.limits.maxCost());
				answered.add(describe(cycle));
				continue;
			}
			roles.forEach((role, client) -> {
				long baseline = setUpStatements(role, client);
				long before = this.statements.count();
				client.document(query).execute().errors().satisfy((errors) -> {
					assertThat(errors).as(role + " " + query).anySatisfy((error) -> {
						assertThat(error.getMessage()).isNotBlank();
						if (refusedAsUntrusted(role, error)) {
							return;
						}
						assertThat(error.getExtensions()).containsEntry("limit", limit);
						if (lists) {
							assertThat(((Number) error.getExtensions().get("actual")).doubleValue())
								.isGreaterThanOrEqualTo(Math.min(product, Long.MAX_VALUE));
						}
					});
				});
				assertThat(this.statements.count() - before).as(role + " " + query + ": SQL statements")
					.isEqualTo(baseline);
			});
		}
		assertThat(answered).as("cycles answered within the limit").hasSizeLessThan(cycles.size() / 4);
	}

	private static long values(Object answer) {
		if (answer instanceof Map<?, ?> map) {
			return map.values().stream().mapToLong(CostModelTests::values).sum();
		}
		if (answer instanceof List<?> list) {
			return list.stream().mapToLong(CostModelTests::values).sum();
		}
		return 1;
	}

	/**
	 * The statements of a request that is refused before execution (too deep): none,
	 * except for a partner, whose approved fields are read when its request comes in,
	 * before the document is looked at.
	 */
	private long setUpStatements(String role, HttpGraphQlTester client) {
		StringBuilder tooDeep = new StringBuilder("{ village(code: \"1\") {");
		for (int level = 2; level <= this.limits.maxDepth() + 1; level++) {
			tooDeep.append((level % 2 == 0) ? " town {" : " villages {");
		}
		tooDeep.append(" code").append(" }".repeat(this.limits.maxDepth() + 1));
		long before = this.statements.count();
		client.document(tooDeep.toString()).execute().errors().satisfy((errors) -> assertThat(errors).isNotEmpty());
		long statements = this.statements.count() - before;
		if (!role.startsWith("partner-")) {
			assertThat(statements).as(role + ": SQL statements of a refused request").isZero();
		}
		return statements;
	}

	/**
	 * A partner may send only the county's trusted documents, so a document of its own is
	 * refused before the cost model sees it (and before any SQL): the cycle cannot even
	 * be asked.
	 */
	private static boolean refusedAsUntrusted(String role, ResponseError error) {
		if (role.startsWith("partner-") && "trustedDocuments".equals(error.getExtensions().get("limit"))) {
			assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
			return true;
		}
		return false;
	}

	/**
	 * One field of a path: the type it belongs to, the field, and the arguments the query
	 * passes.
	 */
	record Step(String owner, GraphQLFieldDefinition field, String arguments) {
	}

	private static String describe(List<Step> cycle) {
		return cycle.stream()
			.map((step) -> step.owner() + "." + step.field().getName())
			.collect(Collectors.joining(" -> "));
	}

	/**
	 * Elementary cycles of object types through their fields, each once (starting at its
	 * smallest type name).
	 */
	private static List<List<Step>> cycles(GraphQLSchema schema) {
		Map<String, List<Step>> out = new HashMap<>();
		for (GraphQLObjectType type : objectTypes(schema)) {
			List<Step> steps = new ArrayList<>();
			for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
				if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType target
						&& !target.getName().startsWith("__")) {
					steps.add(new Step(type.getName(), field, arguments(field, false)));
				}
			}
			out.put(type.getName(), steps);
		}
		List<List<Step>> cycles = new ArrayList<>();
		for (String start : out.keySet()) {
			walk(start, start, new ArrayList<>(), out, cycles);
		}
		return cycles;
	}

	private static void walk(String start, String at, List<Step> path, Map<String, List<Step>> out,
			List<List<Step>> cycles) {
		if (path.size() == 4) {
			return;
		}
		for (Step step : out.getOrDefault(at, List.of())) {
			String target = ((GraphQLObjectType) GraphQLTypeUtil.unwrapAll(step.field().getType())).getName();
			if (target.equals(start)) {
				List<Step> cycle = new ArrayList<>(path);
				cycle.add(step);
				cycles.add(cycle);
			}
			else if (target.compareTo(start) > 0 && path.stream().noneMatch((s) -> s.owner().equals(target))) {
				path.add(step);
				walk(start, target, path, out, cycles);
				path.remove(path.size() - 1);
			}
		}
	}

	private static List<GraphQLObjectType> objectTypes(GraphQLSchema schema) {
		return schema.getAllTypesAsList()
			.stream()
			.filter((type) -> type instanceof GraphQLObjectType && !type.getName().startsWith("__")
					&& !type.getName().equals("Query") && !type.getName().equals("Mutation"))
			.map(GraphQLObjectType.class::cast)
			.toList();
	}

	/**
	 * The shortest way from Query to the type through a connection (an attacker's best
	 * start: a hundred rows), or failing that any way, taking the largest page of every
	 * connection on the way.
	 */
	private static List<Step> rootPath(GraphQLSchema schema, String type) {
		List<Step> path = rootPath(schema, type, true);
		return path.isEmpty() ? rootPath(schema, type, false) : path;
	}

	private static List<Step> rootPath(GraphQLSchema schema, String type, boolean throughConnection) {
		Deque<List<Step>> queue = new ArrayDeque<>();
		Set<String> seen = new HashSet<>();
		queue.add(List.of());
		while (!queue.isEmpty()) {
			List<Step> path = queue.poll();
			GraphQLObjectType at = path.isEmpty() ? schema.getQueryType()
					: (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(path.get(path.size() - 1).field().getType());
			if (!path.isEmpty() && at.getName().equals(type)) {
				return path;
			}
			if (!seen.add(at.getName())) {
				continue;
			}
			for (GraphQLFieldDefinition field : at.getFieldDefinitions()) {
				if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType
						&& !field.getName().startsWith("__")
						&& !(throughConnection && path.isEmpty() && !ListBounds.isConnection(field.getType()))) {
					String arguments = arguments(field, true);
					if (arguments != null) {
						List<Step> next = new ArrayList<>(path);
						next.add(new Step(at.getName(), field, arguments));
						queue.add(next);
					}
				}
			}
		}
		return List.of();
	}

	/**
	 * Values for the required arguments (and the largest `first`), or null when one
	 * cannot be made up.
	 */
	private static String arguments(GraphQLFieldDefinition field, boolean largestPage) {
		List<String> values = new ArrayList<>();
		for (GraphQLArgument argument : field.getArguments()) {
			if (argument.getName().equals("first") && largestPage) {
				values.add("first: 100");
				continue;
			}
			if (!GraphQLTypeUtil.isNonNull(argument.getType()) || argument.hasSetDefaultValue()) {
				continue;
			}
			GraphQLType type = GraphQLTypeUtil.unwrapNonNull(argument.getType());
			String value;
			if (type instanceof GraphQLEnumType enumType) {
				value = enumType.getValues().get(enumType.getValues().size() - 1).getName();
			}
			else if (type instanceof GraphQLScalarType scalar) {
				value = switch (scalar.getName()) {
					case "Int" -> "2023";
					case "Boolean" -> "true";
					case "Float" -> "1.0";
					default -> "\"1\"";
				};
			}
			else {
				return null;
			}
			values.add(argument.getName() + ": " + value);
		}
		return values.isEmpty() ? "" : "(" + String.join(", ", values) + ")";
	}

	private static String leaf(GraphQLObjectType type) {
		return type.getFieldDefinitions()
			.stream()
			.filter((field) -> GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(field.getType()))
					&& field.getArguments().stream().noneMatch((a) -> GraphQLTypeUtil.isNonNull(a.getType())))
			.map(GraphQLFieldDefinition::getName)
			.findFirst()
			.orElse("__typename");
	}

	private static String query(List<Step> path, String leaf) {
		StringBuilder open = new StringBuilder("{");
		StringBuilder close = new StringBuilder("}");
		for (Step step : path) {
			open.append(' ').append(step.field().getName()).append(step.arguments()).append(" {");
			close.append(" }");
		}
		return open.append(' ').append(leaf).append(' ').append(close).toString();
	}

	/**
	 * At most the product of the list bounds along the path: pages for connections, for
	 * plain lists their
	 * @listSize max, or what is counted in the data with its headroom, or 1 for the other
	 * measured sizes.
	 */
	private double product(List<Step> path) {
		double product = 1;
		for (int i = 0; i < path.size(); i++) {
			Step step = path.get(i);
			GraphQLType type = GraphQLTypeUtil.unwrapNonNull(step.field().getType());
			if (!GraphQLTypeUtil.isList(type)) {
				continue;
			}
			if (step.field().getName().equals("edges") && i > 0) {
				String arguments = path.get(i - 1).arguments();
				product *= arguments.contains("first: 100") ? 100 : 20;
				continue;
			}
			GraphQLAppliedDirective listSize = step.field().getAppliedDirective("listSize");
			assertThat(listSize).as(step.owner() + "." + step.field().getName()).isNotNull();
			long max = ((Number) listSize.getArgument("max").getValue()).longValue();
			Object measured = (listSize.getArgument("measured") != null) ? listSize.getArgument("measured").getValue()
					: null;
			Object counted = (listSize.getArgument("counted") != null) ? listSize.getArgument("counted").getValue()
					: null;
			long bound = max;
			if (counted != null) {
				bound = Math.min(max,
						this.data.mostPerValue(counted.toString()).orElseThrow() + this.limits.countedHeadroom());
			}
			else if ("TOWNS".equals(String.valueOf(measured))) {
				bound = Math.min(max, this.regions.towns().orElseThrow());
			}
			else if ("VILLAGES_PER_TOWN".equals(String.valueOf(measured))) {
				bound = Math.min(max, this.regions.villagesPerTown().orElseThrow());
			}
			else if (measured != null) {
				bound = 1;
			}
			product *= bound;
		}
		return product;
	}

}
