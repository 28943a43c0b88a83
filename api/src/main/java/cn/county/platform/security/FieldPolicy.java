package cn.county.platform.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field policy, read from the schema's {@code @personal} and {@code @sensitive}
 * directives when the schema is built, and the one place that decides how a caller sees a
 * field. Enforcement ({@link PolicyDataFetcher}), the {@code me} query and the tests all
 * ask this class, so the schema stays the single statement of the policy.
 */
public class FieldPolicy {

	/** Type name → field name → rule (null for a field without {@code @sensitive}). */
	private final Map<String, Map<String, FieldRule>> personalTypes = new ConcurrentHashMap<>();

	/**
	 * The types declared {@code @personal(onlyHouseholdOwned: true)}: personal only for
	 * objects of a household.
	 */
	private final Set<String> onlyHouseholdOwned = ConcurrentHashMap.newKeySet();

	void registerPersonalType(String type, Map<String, FieldRule> fields, boolean onlyHouseholdOwned) {
		this.personalTypes.put(type, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
		if (onlyHouseholdOwned) {
			this.onlyHouseholdOwned.add(type);
		}
	}

	public boolean isPersonal(String type) {
		return this.personalTypes.containsKey(type);
	}

	/**
	 * Whether only the objects of {@code type} that belong to a household are
	 * household-level data (a HOUSEHOLD seller and its sales); the others (enterprises,
	 * cooperatives) are read as if the type were not personal.
	 */
	public boolean isOnlyHouseholdOwned(String type) {
		return this.onlyHouseholdOwned.contains(type);
	}

	/**
	 * The type and field whose policy is the health policy: every field that reveals
	 * health follows it.
	 */
	public static final String HEALTH_TYPE = "Member";

	public static final String HEALTH_FIELD = "health";

	/**
	 * Whether the caller may read health ({@code Member.health}, given a partner's
	 * approved fields). Rows that are health records (a MEDICAL or DISABILITY measure)
	 * lie outside the rows of a caller who may not, in SQL, so rows, counts and filters
	 * agree and no refusal tells which households have them.
	 */
	public boolean readsHealth(Caller caller, Set<String> approved) {
		return decide(caller, HEALTH_TYPE, HEALTH_FIELD, approved) != FieldAccess.FORBIDDEN;
	}

	/**
	 * {@link #readsHealth(Caller, Set)} for the request's caller; false (fail closed)
	 * without one.
	 */
	public boolean readsHealth(AccessContext access) {
		return access != null && readsHealth(access.caller(), access.approvedFields());
	}

	/** The household-level types and their fields, in schema order. */
	public Map<String, Map<String, FieldRule>> personalTypes() {
		return Collections.unmodifiableMap(this.personalTypes);
	}

	public boolean isField(String type, String field) {
		Map<String, FieldRule> fields = this.personalTypes.get(type);
		return fields != null && fields.containsKey(field);
	}

	/**
	 * How {@code caller} sees {@code type.field}, given the fields approved for it when
	 * it is a partner.
	 */
	public FieldAccess decide(Caller caller, String type, String field, Set<String> approved) {
		Map<String, FieldRule> fields = this.personalTypes.get(type);
		if (fields == null || caller.has(Role.COUNTY_ADMIN)) {
			return FieldAccess.WHOLE;
		}
		FieldRule own = fields.get(field);
		FieldRule rule = resolve(own);
		FieldAccess access = FieldAccess.FORBIDDEN;
		for (Role role : caller.roles()) {
			if (role == Role.DASHBOARD_VIEWER) {
				continue;
			}
			if (role == Role.PARTNER && !approved.contains(type + "." + field)) {
				continue;
			}
			if (role == Role.PARTNER && own != null && own.sameAs() != null && !approved.contains(own.sameAs())) {
				// a field that reveals health is health: a partner needs the approval of
				// Member.health too
				continue;
			}
			access = access.atLeast(roleAccess(rule, role, caller.department()));
		}
		return access;
	}

	private static FieldAccess roleAccess(FieldRule rule, Role role, String department) {
		if (rule == null) {
			// a plain field of a household-level type: every role that reads households
			// sees it
			return FieldAccess.WHOLE;
		}
		if (rule.whole().contains(role)) {
			return FieldAccess.WHOLE;
		}
		if (role == Role.DEPARTMENT_OFFICER && department != null && rule.departments().contains(department)) {
			return FieldAccess.WHOLE;
		}
		if (rule.masked().contains(role)) {
			return FieldAccess.MASKED;
		}
		return FieldAccess.FORBIDDEN;
	}

	/**
	 * Whether {@code caller} sees any field of {@code type} (whole or masked): a caller
	 * that sees none may not reach its rows at all, nor learn about them from a list's
	 * count or cursors.
	 */
	public boolean readsAnyField(Caller caller, String type, Set<String> approved) {
		Map<String, FieldRule> fields = this.personalTypes.get(type);
		if (fields == null) {
			return true;
		}
		return fields.keySet()
			.stream()
			.anyMatch((field) -> decide(caller, type, field, approved) != FieldAccess.FORBIDDEN);
	}

	public Mask maskOf(String type, String field) {
		FieldRule rule = resolve(this.personalTypes.getOrDefault(type, Map.of()).get(field));
		return (rule != null) ? rule.mask() : Mask.NONE;
	}

	/**
	 * The rule a field follows: its own, or for {@code @sensitive(sameAs: "Type.field")}
	 * that field's. A reference to nothing fails closed (every role refused);
	 * {@link #verify()} refuses such a schema at start-up.
	 */
	private FieldRule resolve(FieldRule rule) {
		if (rule == null || rule.sameAs() == null) {
			return rule;
		}
		FieldRule target = target(rule.sameAs());
		return (target != null && target.sameAs() == null) ? target
				: new FieldRule(Set.of(), Set.of(), Mask.NONE, Set.of());
	}

	private FieldRule target(String coordinates) {
		String[] parts = coordinates.split("\\.", 2);
		if (parts.length != 2) {
			return null;
		}
		return this.personalTypes.getOrDefault(parts[0], Map.of()).get(parts[1]);
	}

	/**
	 * Checks, once the schema is built, that every {@code sameAs} names a sensitive field
	 * of a household-level type that states its own rule (no chains). Called by
	 * {@link PolicyConfiguration}; a wrong schema does not start.
	 */
	void verify() {
		this.personalTypes.forEach((type, fields) -> fields.forEach((field, rule) -> {
			if (rule != null && rule.sameAs() != null) {
				FieldRule target = target(rule.sameAs());
				if (target == null || target.sameAs() != null) {
					throw new IllegalStateException(type + "." + field + " follows " + rule.sameAs()
							+ ", which is not a sensitive field of a household-level type with a rule of its own");
				}
			}
		}));
	}

	/**
	 * For {@code me}: per household-level type, the fields the caller sees whole, masked,
	 * or not at all.
	 */
	public List<TypeFieldAccess> describe(Caller caller, Set<String> approved) {
		List<TypeFieldAccess> types = new ArrayList<>();
		this.personalTypes.keySet().stream().sorted().forEach((type) -> {
			List<String> whole = new ArrayList<>();
			List<String> masked = new ArrayList<>();
			List<String> forbidden = new ArrayList<>();
			for (String field : this.personalTypes.get(type).keySet()) {
				switch (decide(caller, type, field, approved)) {
					case WHOLE -> whole.add(field);
					case MASKED -> masked.add(field);
					case FORBIDDEN -> forbidden.add(field);
				}
			}
			types.add(new TypeFieldAccess(type, whole, masked, forbidden, isOnlyHouseholdOwned(type)));
		});
		return types;
	}

	public record TypeFieldAccess(String type, List<String> whole, List<String> masked, List<String> forbidden,
			boolean onlyHouseholdOwned) {
	}

}
