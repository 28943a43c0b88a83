package cn.county.platform.common;

/** Masks for personal identifiers: the ends stay readable so a cadre can match a card, the middle does not. */
public final class Masks {

	private Masks() {
	}

	public static String keepEnds(String value, int head, int tail) {
		if (value == null) {
			return null;
		}
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}

}
