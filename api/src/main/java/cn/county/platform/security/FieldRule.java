package cn.county.platform.security;

import java.util.Set;

/** A field's {@code @sensitive} directive as read from the schema. */
public record FieldRule(Set<Role> whole, Set<Role> masked, Mask mask, Set<String> departments) {
}
