package cn.county.platform.security;

import cn.county.platform.common.Masks;

/** The masks of the schema's {@code Mask} enum. */
public enum Mask {

	NONE, ID_NUMBER, PHONE;

	public Object apply(Object value) {
		if (value == null || this == NONE) {
			return value;
		}
		return Masks.keepEnds(value.toString(), 3, 4);
	}

}
