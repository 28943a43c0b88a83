package cn.county.platform.protect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import cn.county.platform.region.RegionSizes;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bound of every list field and the declared cost of a field, as the schema declares them ({@code @listSize},
 * {@code @cost} in {@code schema/limits.graphqls}): read by the cost model before a query runs and by the
 * enforcement when a list is fetched, so both use the same number. A connection's {@code edges} are bounded by its
 * {@code first} (at most {@code platform.max-page-size}); introspection lists by the number of types in the schema.
 */
@Component
class ListBounds {

	static final String LIST_SIZE = "listSize";

	static final String COST = "cost";

	private final RegionSizes regions;

	private final int maxPageSize;

	private final Map<GraphQLFieldDefinition, Declared> declared = new ConcurrentHashMap<>();

	ListBounds(RegionSizes regions, @Value("${platform.max-page-size:100}") int maxPageSize) {
		this.regions = regions;
		this.maxPageSize = maxPageSize;
	}

	/** What the schema declares on the field: its list bound (or none) and its weight. */
	Declared declared(GraphQLFieldDefinition field) {
		return this.declared.computeIfAbsent(field, ListBounds::read);
	}

	/** Extra cost of fetching the field once (1 unless it declares {@code @cost}). */
	long weight(GraphQLFieldDefinition field) {
		return declared(field).weight();
	}

	/**
	 * The most items this list field returns with these arguments (and those of the field above it), or
	 * {@code null} when it declares no bound.
	 */
	Long bound(GraphQLFieldDefinition field, Map<String, Object> arguments, Map<String, Object> parentArguments) {
		Declared declared = declared(field);
		if (declared.max() < 0) {
			return null;
		}
		if (declared.measured() == null) {
			return declared.max();
		}
		OptionalInt measured = switch (declared.measured()) {
			case "TOWNS" -> this.regions.towns();
			case "VILLAGES_PER_TOWN" -> this.regions.villagesPerTown();
			case "AREAS_BY_LEVEL" -> areas(arguments.get("by"), parentArguments);
			default -> throw new IllegalStateException("Unknown measured size " + declared.measured());
		};
		return measured.isPresent() ? Math.min(declared.max(), measured.getAsInt()) : declared.max();
	}

	private OptionalInt areas(Object by, Map<String, Object> parentArguments) {
		String level = String.valueOf(by);
		if ("COUNTY".equals(level)) {
			return OptionalInt.of(1);
		}
		if ("TOWN".equals(level)) {
			return this.regions.towns();
		}
		boolean narrowed = parentArguments != null
				&& (parentArguments.get("town") != null || parentArguments.get("village") != null);
		return narrowed ? this.regions.villagesPerTown() : this.regions.villages();
	}

	/** The page size a connection field asks for: its {@code first}, or the largest page without one. */
	long pageSize(Map<String, Object> arguments) {
		Object first = arguments.get("first");
		return (first instanceof Number number) ? Math.max(1, number.longValue()) : this.maxPageSize;
	}

	/** The bound of an introspection list ({@code __Schema.types}, {@code __Type.fields} ...). */
	static long introspectionBound(GraphQLSchema schema) {
		return schema.getAllTypesAsList().size();
	}

	static boolean isConnection(GraphQLOutputType type) {
		return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType object
				&& object.getFieldDefinition("edges") != null && object.getFieldDefinition("pageInfo") != null;
	}

	static boolean isList(GraphQLOutputType type) {
		return GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
	}

	/**
	 * Every list field of an output type that has no bound: neither {@code @listSize} nor the {@code edges} of a
	 * connection; and every connection field without a {@code first} argument. Empty for a sound schema.
	 */
	List<String> unbounded(GraphQLSchema schema) {
		List<String> problems = new ArrayList<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (type.getName().startsWith("__") || !(type instanceof GraphQLFieldsContainer container)) {
				continue;
			}
			boolean connection = container.getFieldDefinition("edges") != null
					&& container.getFieldDefinition("pageInfo") != null;
			for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
				String name = type.getName() + "." + field.getName();
				if (isConnection(field.getType()) && field.getArgument("first") == null) {
					problems.add(name + " returns a connection but has no `first` argument");
				}
				if (!isList(field.getType()) || (connection && field.getName().equals("edges"))) {
					continue;
				}
				GraphQLType item = GraphQLTypeUtil.unwrapNonNull(GraphQLTypeUtil.unwrapOne(GraphQLTypeUtil.unwrapNonNull(field.getType())));
				if (item instanceof GraphQLList) {
					problems.add(name + " is a list of lists, which the cost model does not bound");
				}
				if (declared(field).max() < 0) {
					problems.add(name + " is a list without @listSize");
				}
			}
		}
		return problems;
	}

	private static Declared read(GraphQLFieldDefinition field) {
		long max = -1;
		String measured = null;
		GraphQLAppliedDirective listSize = field.getAppliedDirective(LIST_SIZE);
		if (listSize != null) {
			max = ((Number) listSize.getArgument("max").getValue()).longValue();
			GraphQLAppliedDirectiveArgument source = listSize.getArgument("measured");
			Object value = (source != null) ? source.getValue() : null;
			if (value != null) {
				measured = value.toString();
			}
		}
		long weight = 1;
		GraphQLAppliedDirective cost = field.getAppliedDirective(COST);
		if (cost != null) {
			weight = ((Number) cost.getArgument("weight").getValue()).longValue();
		}
		return new Declared(max, measured, weight);
	}

	/** @param max the declared bound, -1 for none; @param measured the measured size, or null */
	record Declared(long max, String measured, long weight) {
	}

}
