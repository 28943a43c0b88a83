package cn.county.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
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
 * Reads the field policy from the schema and puts a {@link PolicyDataFetcher} in front of
 * every field that the policy covers: each field of a {@code @personal} type, and each
 * field anywhere that returns such objects (directly, in a list, or as a connection's
 * nodes). Types added later need only the directives to be protected.
 */
final class FieldPolicyVisitor extends GraphQLTypeVisitorStub {

	static final String PERSONAL = "personal";

	static final String SENSITIVE = "sensitive";

	private final FieldPolicy policy;

	FieldPolicyVisitor(FieldPolicy policy) {
		this.policy = policy;
	}

	@Override
	public TraversalControl visitGraphQLObjectType(GraphQLObjectType type,
			TraverserContext<GraphQLSchemaElement> context) {
		if (type.getName().startsWith("__")) {
			return TraversalControl.CONTINUE;
		}
		GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
		boolean personal = type.hasAppliedDirective(PERSONAL);
		boolean onlyHouseholdOwned = personal && onlyHouseholdOwned(type);
		Map<String, FieldRule> rules = new LinkedHashMap<>();
		for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
			FieldRule rule = rule(type, field);
			if (personal) {
				rules.put(field.getName(), rule);
			}
			else if (rule != null) {
				throw new IllegalStateException(
						"@sensitive on " + type.getName() + "." + field.getName() + " needs the type to be @personal");
			}
			boolean entryPoint = !personal && leadsToPersonal(field.getType());
			String listed = personal ? null : personalNodes(field.getType());
			ArgumentReads reads = ArgumentReads.of(field);
			if (listed != null) {
				// a list of household-level rows: every filter and sort must say what it
				// reads
				java.util.List<String> undeclared = reads.undeclared();
				if (!undeclared.isEmpty()) {
					throw new IllegalStateException(type.getName() + "." + field.getName() + " lists " + listed
							+ " rows but does not declare with @reads what these arguments read: " + undeclared);
				}
			}
			if (personal || entryPoint || reads.declaresAny()) {
				FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
				DataFetcher<?> original = registry.getDataFetcher(coordinates, field);
				String target = entryPoint ? GraphQLTypeUtil.unwrapAll(field.getType()).getName() : null;
				if (listed != null) {
					target = listed;
				}
				registry.dataFetcher(coordinates, PolicyDataFetcher.of(original, this.policy, type.getName(),
						field.getName(), entryPoint, target, listed != null, reads, onlyHouseholdOwned));
			}
		}
		if (personal) {
			this.policy.registerPersonalType(type.getName(), rules, onlyHouseholdOwned);
		}
		return TraversalControl.CONTINUE;
	}

	/**
	 * The node type of a connection of household-level rows ({@code edges { node }}),
	 * else null. A list of a type personal only for household-owned objects (sellers)
	 * counts too: its count and cursors tell about the household rows in it, so its
	 * arguments declare their reads and it is refused whole to a caller who reads none of
	 * its fields.
	 */
	static String personalNodes(GraphQLType type) {
		if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType object)) {
			return null;
		}
		GraphQLFieldDefinition edges = object.getFieldDefinition("edges");
		if (edges != null && GraphQLTypeUtil.unwrapAll(edges.getType()) instanceof GraphQLObjectType edge) {
			GraphQLFieldDefinition node = edge.getFieldDefinition("node");
			if (node != null && GraphQLTypeUtil.unwrapAll(node.getType()) instanceof GraphQLObjectType nodeType
					&& nodeType.hasAppliedDirective(PERSONAL)) {
				return nodeType.getName();
			}
		}
		return null;
	}

	/**
	 * {@code @personal(onlyHouseholdOwned: true)}: only objects that belong to a
	 * household are personal.
	 */
	static boolean onlyHouseholdOwned(GraphQLObjectType type) {
		GraphQLAppliedDirective personal = type.getAppliedDirective(PERSONAL);
		return personal != null && Boolean.TRUE.equals(value(personal, "onlyHouseholdOwned"));
	}

	/**
	 * Whether the field returns objects of a type that is personal whatever the object:
	 * such a field is an entry point that dashboard viewers may not use. A type that is
	 * personal only for household-owned objects is no entry point: its lists hold
	 * enterprises too, and its household-owned rows are refused field by field.
	 */
	private static boolean leadsToPersonal(GraphQLType type) {
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
		if (!(unwrapped instanceof GraphQLObjectType object)) {
			return false;
		}
		if (object.hasAppliedDirective(PERSONAL)) {
			return !onlyHouseholdOwned(object);
		}
		// a Relay connection: edges { node }
		GraphQLFieldDefinition edges = object.getFieldDefinition("edges");
		if (edges != null && GraphQLTypeUtil.unwrapAll(edges.getType()) instanceof GraphQLObjectType edge) {
			GraphQLFieldDefinition node = edge.getFieldDefinition("node");
			return node != null && GraphQLTypeUtil.unwrapAll(node.getType()) instanceof GraphQLObjectType nodeType
					&& nodeType.hasAppliedDirective(PERSONAL) && !onlyHouseholdOwned(nodeType);
		}
		return false;
	}

	private static FieldRule rule(GraphQLObjectType type, GraphQLFieldDefinition field) {
		GraphQLAppliedDirective sensitive = field.getAppliedDirective(SENSITIVE);
		if (sensitive == null) {
			return null;
		}
		Object sameAs = value(sensitive, "sameAs");
		if (sameAs != null) {
			if (!roles(sensitive, "whole").isEmpty() || !roles(sensitive, "masked").isEmpty()
					|| (value(sensitive, "mask") != null && !"NONE".equals(value(sensitive, "mask").toString()))
					|| value(sensitive, "departments") instanceof Collection<?> d && !d.isEmpty()) {
				throw new IllegalStateException(type.getName() + "." + field.getName() + " follows " + sameAs
						+ " and may not state a rule of its own");
			}
			return new FieldRule(Set.of(), Set.of(), Mask.NONE, Set.of(), sameAs.toString());
		}
		Set<Role> whole = roles(sensitive, "whole");
		Set<Role> masked = roles(sensitive, "masked");
		Object maskValue = value(sensitive, "mask");
		Mask mask = (maskValue != null) ? Mask.valueOf(maskValue.toString()) : Mask.NONE;
		Set<String> departments = new LinkedHashSet<>();
		if (value(sensitive, "departments") instanceof Collection<?> names) {
			names.forEach((name) -> departments.add(name.toString()));
		}
		if (mask != Mask.NONE && whole.contains(Role.PARTNER)) {
			// the Personal Information Protection rules of the county: never a full ID
			// number or phone to a partner
			throw new IllegalStateException(type.getName() + "." + field.getName() + " is masked as " + mask
					+ " and must not be whole for PARTNER");
		}
		return new FieldRule(whole, masked, mask, Set.copyOf(departments));
	}

	private static Set<Role> roles(GraphQLAppliedDirective directive, String argument) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (value(directive, argument) instanceof Collection<?> names) {
			names.forEach((name) -> roles.add(Role.valueOf(name.toString())));
		}
		return roles;
	}

	private static Object value(GraphQLAppliedDirective directive, String argument) {
		GraphQLAppliedDirectiveArgument applied = directive.getArgument(argument);
		return (applied != null && applied.hasSetValue()) ? applied.getValue() : null;
	}

}
