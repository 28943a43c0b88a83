package cn.county.platform.security;

import java.util.Set;

/**
 * A field's {@code @sensitive} directive as read from the schema. With {@code sameAs}
 * ({@code Type.field}) the field follows that field's rule and the other components are
 * empty: every field that reveals health follows {@code Member.health}, so the health
 * policy is stated once.
 */
public record FieldRule(Set<Role> whole, Set<Role> masked, Mask mask, Set<String> departments, String sameAs) {

	public FieldRule(Set<Role> whole, Set<Role> masked, Mask mask, Set<String> departments) {
		this(whole, masked, mask, departments, null);
	}

}
