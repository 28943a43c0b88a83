package cn.county.platform.protect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
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
 * The bound of every list field and the declared cost of a field, as the schema declares
 * them ({@code @listSize}, {@code @cost} in {@code schema/limits.graphqls}): read by the
 * cost model before a query runs and by the enforcement when a list is fetched, so both
 * use the same number: fixed, counted in the data ({@link RegionSizes},
 * {@link DataSizes}) or read from the schema. A connection's {@code edges} are bounded by
 * its {@code first} (at most {@code platform.max-page-size}); introspection lists by the
 * number of types in the schema.
 */
@Component
class ListBounds {

	static final String LIST_SIZE = "listSize";

	static final String COST = "cost";

	private final RegionSizes regions;

	private final DataSizes data;

	private final long headroom;

	private final int maxPageSize;

	private final Map<GraphQLFieldDefinition, Declared> declared = new ConcurrentHashMap<>();

	private volatile SchemaSizes schemaSizes;

	ListBounds(RegionSizes regions, DataSizes data, LimitsProperties limits,
			@Value("${platform.max-page-size:100}") int maxPageSize) {
		this.regions = regions;
		this.data = data;
		this.headroom = limits.countedHeadroom();
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
	 * The most items this list field returns with these arguments (and those of the field
	 * above it), as the cost model counts it, or {@code null} when it declares no bound.
	 */
	Long bound(GraphQLFieldDefinition field, Map<String, Object> arguments, Map<String, Object> parentArguments,
			GraphQLSchema schema) {
		Declared declared = declared(field);
		if (declared.max() < 0) {
			return null;
		}
		if (declared.counted() != null) {
			OptionalLong counted = this.data.mostPerValue(declared.counted());
			return counted.isPresent() ? Math.min(declared.max(), counted.getAsLong() + this.headroom) : declared.max();
		}
		if (declared.measured() == null) {
			return declared.max();
		}
		OptionalInt measured = switch (declared.measured()) {
			case "TOWNS" -> this.regions.towns();
			case "VILLAGES_PER_TOWN" -> this.regions.villagesPerTown();
			case "AREAS_BY_LEVEL" -> areas(arguments.get("by"), parentArguments);
			case "PERSONAL_TYPES" -> OptionalInt.of(schemaSizes(schema).personalTypes());
			case "PERSONAL_FIELDS" -> OptionalInt.of(schemaSizes(schema).personalFields());
			case "FIELDS_PER_PERSONAL_TYPE" -> OptionalInt.of(schemaSizes(schema).fieldsPerPersonalType());
			default -> throw new IllegalStateException("Unknown measured size " + declared.measured());
		};
		return measured.isPresent() ? Math.min(declared.max(), measured.getAsInt()) : declared.max();
	}

	/**
	 * The most items this list field may return, beyond which it is cut: its bound,
	 * except for a counted list, which may have grown since the count up to its declared
	 * {@code max} (the values actually returned are held to the cost limit while the
	 * answer is built).
	 */
	Long cutAt(GraphQLFieldDefinition field, Map<String, Object> arguments, Map<String, Object> parentArguments,
			GraphQLSchema schema) {
		Declared declared = declared(field);
		return (declared.counted() != null) ? Long.valueOf(declared.max())
				: bound(field, arguments, parentArguments, schema);
	}

	/**
	 * Asks for the region counts again: a region list came back longer than its count.
	 */
	void recount(GraphQLFieldDefinition field) {
		if (declared(field).measured() != null) {
			this.regions.recount();
		}
	}

	private SchemaSizes schemaSizes(GraphQLSchema schema) {
		SchemaSizes sizes = this.schemaSizes;
		if (sizes == null || sizes.schema() != schema) {
			int types = 0;
			int fields = 0;
			int most = 0;
			for (GraphQLNamedType type : schema.getAllTypesAsList()) {
				if (type instanceof GraphQLObjectType object && object.hasAppliedDirective("personal")) {
					types++;
					fields += object.getFieldDefinitions().size();
					most = Math.max(most, object.getFieldDefinitions().size());
				}
			}
			sizes = new SchemaSizes(schema, types, fields, most);
			this.schemaSizes = sizes;
		}
		return sizes;
	}

	private record SchemaSizes(GraphQLSchema schema, int personalTypes, int personalFields, int fieldsPerPersonalType) {
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

	/**
	 * The page size a connection field asks for: its {@code first}, or the largest page
	 * without one.
	 */
	long pageSize(Map<String, Object> arguments) {
		Object first = arguments.get("first");
		return (first instanceof Number number) ? Math.max(1, number.longValue()) : this.maxPageSize;
	}

	/**
	 * The bound of an introspection list ({@code __Schema.types}, {@code __Type.fields}
	 * ...).
	 */
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
	 * Every list field of an output type that has no bound: neither {@code @listSize} nor
	 * the {@code edges} of a connection; and every connection field without a
	 * {@code first} argument. Empty for a sound schema.
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
				GraphQLType item = GraphQLTypeUtil
					.unwrapNonNull(GraphQLTypeUtil.unwrapOne(GraphQLTypeUtil.unwrapNonNull(field.getType())));
				if (item instanceof GraphQLList) {
					problems.add(name + " is a list of lists, which the cost model does not bound");
				}
				Declared declared = declared(field);
				if (declared.max() < 0) {
					problems.add(name + " is a list without @listSize");
				}
				if (declared.counted() != null) {
					try {
						DataSizes.check(declared.counted(), name);
					}
					catch (IllegalStateException ex) {
						problems.add(ex.getMessage());
					}
				}
			}
		}
		return problems;
	}

	private static Declared read(GraphQLFieldDefinition field) {
		long max = -1;
		String measured = null;
		String counted = null;
		GraphQLAppliedDirective listSize = field.getAppliedDirective(LIST_SIZE);
		if (listSize != null) {
			max = ((Number) listSize.getArgument("max").getValue()).longValue();
			GraphQLAppliedDirectiveArgument source = listSize.getArgument("measured");
			Object value = (source != null) ? source.getValue() : null;
			if (value != null) {
				measured = value.toString();
			}
			GraphQLAppliedDirectiveArgument count = listSize.getArgument("counted");
			Object table = (count != null) ? count.getValue() : null;
			if (table != null) {
				counted = table.toString();
			}
		}
		long weight = 1;
		GraphQLAppliedDirective cost = field.getAppliedDirective(COST);
		if (cost != null) {
			weight = ((Number) cost.getArgument("weight").getValue()).longValue();
		}
		return new Declared(max, measured, counted, weight);
	}

	/**
	 * @param max the declared bound, -1 for none
	 * @param measured the measured size, or null
	 * @param counted the {@code table.column} counted, or null
	 * @param weight the declared cost, 1 without one
	 */
	record Declared(long max, String measured, String counted, long weight) {
	}

}
