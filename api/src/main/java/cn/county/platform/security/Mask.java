package cn.county.platform.security;

import cn.county.platform.common.Masks;

/** The masks of the schema's {@code Mask} enum. */
public enum Mask {

	NONE, ID_NUMBER, PHONE, CONTRACT_NUMBER;

	public Object apply(Object value) {
		if (value == null || this == NONE) {
			return value;
		}
		return switch (this) {
			case ID_NUMBER -> Masks.residentIdNumber(value.toString());
			case PHONE -> Masks.keepEnds(value.toString(), 3, 4);
			case CONTRACT_NUMBER -> Masks.contractNumber(value.toString());
			case NONE -> value;
		};
	}

}
