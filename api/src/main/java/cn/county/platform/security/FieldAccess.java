package cn.county.platform.security;

/** How a caller sees a field; ordered from least to most. */
public enum FieldAccess {

	FORBIDDEN, MASKED, WHOLE;

	FieldAccess atLeast(FieldAccess other) {
		return (other.ordinal() > ordinal()) ? other : this;
	}

}
