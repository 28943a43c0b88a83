package cn.county.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Which output fields the arguments of one field read, as the schema declares them with
 * {@code @reads} on arguments, input fields and enum values: filtering or sorting by a
 * value is reading it, so a caller may filter or sort only by what it may read whole.
 * Built once per field when the schema is built; {@link #readsOf} lists, for the argument
 * values of one request, each argument path given and the fields it reads.
 */
final class ArgumentReads {

	static final String READS = "reads";

	/**
	 * Pagination arguments read nothing: their values are the API's own (opaque)
	 * positions and sizes.
	 */
	static final java.util.Set<String> PAGINATION = java.util.Set.of("first", "last", "after", "before");

	private final Map<String, Node> arguments;

	private ArgumentReads(Map<String, Node> arguments) {
		this.arguments = arguments;
	}

	static ArgumentReads of(GraphQLFieldDefinition field) {
		Map<String, Node> arguments = new LinkedHashMap<>();
		for (GraphQLArgument argument : field.getArguments()) {
			if (!PAGINATION.contains(argument.getName())) {
				arguments.put(argument.getName(), node(argument, argument.getType(), 0));
			}
		}
		return new ArgumentReads(arguments);
	}

	boolean declaresAny() {
		return this.arguments.values().stream().anyMatch(Node::declaresAny);
	}

	/** Argument paths (e.g. {@code filter.search}) that say nothing of what they read. */
	List<String> undeclared() {
		List<String> paths = new ArrayList<>();
		this.arguments.forEach((name, node) -> node.undeclared(name, paths));
		return paths;
	}

	/**
	 * For each argument path given a value, the fields (as {@code Type.field}) that value
	 * reads.
	 */
	Map<String, List<String>> readsOf(Map<String, Object> values) {
		Map<String, List<String>> reads = new LinkedHashMap<>();
		this.arguments.forEach((name, node) -> node.collect(name, values.get(name), reads));
		return reads;
	}

	/**
	 * One argument or input field: what it declares itself, what each value of its enum
	 * type declares, and its input fields when it is an input object.
	 */
	private record Node(List<String> declared, Map<String, List<String>> enumValues, Map<String, Node> fields) {

		boolean declaresAny() {
			return (this.declared != null && !this.declared.isEmpty())
					|| this.enumValues.values().stream().anyMatch((reads) -> reads != null && !reads.isEmpty())
					|| this.fields.values().stream().anyMatch(Node::declaresAny);
		}

		void undeclared(String path, List<String> paths) {
			if (this.declared != null) {
				return;
			}
			if (!this.enumValues.isEmpty()) {
				this.enumValues.forEach((value, reads) -> {
					if (reads == null) {
						paths.add(path + "=" + value);
					}
				});
				return;
			}
			if (!this.fields.isEmpty()) {
				this.fields.forEach((name, node) -> node.undeclared(path + "." + name, paths));
				return;
			}
			paths.add(path);
		}

		void collect(String path, Object value, Map<String, List<String>> reads) {
			if (value == null) {
				return;
			}
			List<String> fields = new ArrayList<>();
			if (this.declared != null) {
				fields.addAll(this.declared);
			}
			if (!this.enumValues.isEmpty()) {
				for (Object one : (value instanceof Collection<?> many) ? many : List.of(value)) {
					String name = (one instanceof Enum<?> constant) ? constant.name() : String.valueOf(one);
					List<String> byValue = this.enumValues.get(name);
					if (byValue != null) {
						fields.addAll(byValue);
					}
				}
			}
			if (!fields.isEmpty()) {
				reads.computeIfAbsent(path, (key) -> new ArrayList<>()).addAll(fields);
			}
			if (!this.fields.isEmpty() && value instanceof Map<?, ?> object) {
				this.fields.forEach((name, node) -> node.collect(path + "." + name, object.get(name), reads));
			}
		}

	}

	private static Node node(GraphQLDirectiveContainer element, GraphQLInputType type, int depth) {
		List<String> declared = declared(element);
		Map<String, List<String>> enumValues = new LinkedHashMap<>();
		Map<String, Node> fields = new LinkedHashMap<>();
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
		if (unwrapped instanceof GraphQLEnumType enumType) {
			for (GraphQLEnumValueDefinition value : enumType.getValues()) {
				List<String> reads = declared(value);
				// an enum of plain values (a status, a direction) reads only what the
				// input field declares
				enumValues.put(value.getName(), (reads != null) ? reads : (declared != null) ? List.of() : null);
			}
			if (enumValues.values().stream().allMatch((reads) -> reads == null)) {
				enumValues.clear();
			}
		}
		else if (unwrapped instanceof GraphQLInputObjectType object && depth < 5) {
			for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
				fields.put(field.getName(), node(field, field.getType(), depth + 1));
			}
		}
		return new Node(declared, enumValues, fields);
	}

	/**
	 * The fields an element's {@code @reads} names; null without the directive, empty for
	 * "reads nothing".
	 */
	private static List<String> declared(GraphQLDirectiveContainer element) {
		GraphQLAppliedDirective reads = element.getAppliedDirective(READS);
		if (reads == null) {
			return null;
		}
		GraphQLAppliedDirectiveArgument argument = reads.getArgument("fields");
		List<String> fields = new ArrayList<>();
		if (argument != null && argument.getValue() instanceof Collection<?> names) {
			names.forEach((name) -> fields.add(name.toString()));
		}
		return List.copyOf(fields);
	}

}
