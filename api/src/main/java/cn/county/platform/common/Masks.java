package cn.county.platform.common;

/**
 * Masks for personal identifiers. What a mask keeps is chosen so that the hidden part
 * cannot be worked out from the fields the same caller reads (docs/authorization.md,
 * "Masks that cannot be undone").
 */
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

	/**
	 * A resident ID number (GB 11643) with only its region code (characters 1-6: the
	 * county's code, public) kept: the birth date (7-14), the order code (15-17) and the
	 * check character (18) are starred. The birth date is readable elsewhere (it is not
	 * sensitive), so hiding it here is not what protects the number: the order code is,
	 * and the check character would cut its candidates elevenfold, so it goes too.
	 */
	public static String residentIdNumber(String value) {
		return keepEnds(value, 6, 0);
	}

	/**
	 * A loan contract number with only its first two characters (a bank's prefix) kept.
	 * Banks number contracts in sequence within a year (e.g. {@code XD2023-0001234}), so
	 * kept digits at the end, with the year read from the loan's issue date and the
	 * sequence's leading zeros, would give the number back.
	 */
	public static String contractNumber(String value) {
		return keepEnds(value, 2, 0);
	}

}
