package cn.county.platform.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field policy, read from the schema's {@code @personal} and {@code @sensitive} directives when the schema is
 * built, and the one place that decides how a caller sees a field. Enforcement ({@link PolicyDataFetcher}), the
 * {@code me} query and the tests all ask this class, so the schema stays the single statement of the policy.
 */
public class FieldPolicy {

	/** Type name → field name → rule (null for a field without {@code @sensitive}). */
	private final Map<String, Map<String, FieldRule>> personalTypes = new ConcurrentHashMap<>();

	void registerPersonalType(String type, Map<String, FieldRule> fields) {
		this.personalTypes.put(type, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
	}

	public boolean isPersonal(String type) {
		return this.personalTypes.containsKey(type);
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
	 * How {@code caller} sees {@code type.field}, given the fields approved for it when it is a partner.
	 */
	public FieldAccess decide(Caller caller, String type, String field, Set<String> approved) {
		Map<String, FieldRule> fields = this.personalTypes.get(type);
		if (fields == null || caller.has(Role.COUNTY_ADMIN)) {
			return FieldAccess.WHOLE;
		}
		FieldRule rule = fields.get(field);
		FieldAccess access = FieldAccess.FORBIDDEN;
		for (Role role : caller.roles()) {
			if (role == Role.DASHBOARD_VIEWER) {
				continue;
			}
			if (role == Role.PARTNER && !approved.contains(type + "." + field)) {
				continue;
			}
			access = access.atLeast(roleAccess(rule, role, caller.department()));
		}
		return access;
	}

	private static FieldAccess roleAccess(FieldRule rule, Role role, String department) {
		if (rule == null) {
			// a plain field of a household-level type: every role that reads households sees it
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
	 * Whether {@code caller} sees any field of {@code type} (whole or masked): a caller that sees none may not reach
	 * its rows at all, nor learn about them from a list's count or cursors.
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
		FieldRule rule = this.personalTypes.getOrDefault(type, Map.of()).get(field);
		return (rule != null) ? rule.mask() : Mask.NONE;
	}

	/** For {@code me}: per household-level type, the fields the caller sees whole, masked, or not at all. */
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
			types.add(new TypeFieldAccess(type, whole, masked, forbidden));
		});
		return types;
	}

	public record TypeFieldAccess(String type, List<String> whole, List<String> masked, List<String> forbidden) {
	}

}
