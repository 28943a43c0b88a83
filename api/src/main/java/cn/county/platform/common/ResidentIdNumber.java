package cn.county.platform.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character resident identity number of GB 11643-1999: 6 digits of region, 8 of
 * birth date, 3 of sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check
 * character (0-9 or X).
 */
public final class ResidentIdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private ResidentIdNumber() {
	}

	/**
	 * Why the number is malformed, or empty when it is well formed and its check
	 * character is right.
	 */
	public static Optional<String> problem(String number) {
		if (number == null || number.length() != 18) {
			return Optional.of("must be 18 characters");
		}
		for (int i = 0; i < 17; i++) {
			if (!Character.isDigit(number.charAt(i))) {
				return Optional.of("the first 17 characters must be digits");
			}
		}
		char last = Character.toUpperCase(number.charAt(17));
		if (!Character.isDigit(last) && last != 'X') {
			return Optional.of("the last character must be a digit or X");
		}
		if (birthDate(number).isEmpty()) {
			return Optional.of("characters 7-14 are not a valid birth date");
		}
		if (checkCharacter(number.substring(0, 17)) != last) {
			return Optional.of("the check digit is wrong (GB 11643)");
		}
		return Optional.empty();
	}

	public static boolean isValid(String number) {
		return problem(number).isEmpty();
	}

	/** The check character for the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	public static Optional<LocalDate> birthDate(String number) {
		if (number == null || number.length() < 14) {
			return Optional.empty();
		}
		try {
			int year = Integer.parseInt(number.substring(6, 10));
			int month = Integer.parseInt(number.substring(10, 12));
			int day = Integer.parseInt(number.substring(12, 14));
			return Optional.of(LocalDate.of(year, month, day));
		}
		catch (NumberFormatException | DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** "MALE" for an odd sequence digit, "FEMALE" for an even one. */
	public static String gender(String number) {
		return ((number.charAt(16) - '0') % 2 == 1) ? "MALE" : "FEMALE";
	}

	/**
	 * A well-formed number: region, birth date and a sequence whose parity encodes the
	 * gender.
	 */
	public static String of(String region6, LocalDate birthDate, int sequence3) {
		String first17 = region6 + String.format("%04d%02d%02d", birthDate.getYear(), birthDate.getMonthValue(),
				birthDate.getDayOfMonth()) + String.format("%03d", sequence3);
		return first17 + checkCharacter(first17);
	}

	/**
	 * The region code kept, the rest starred: what a caller without the full number sees
	 * ({@link Masks}).
	 */
	public static String mask(String number) {
		return Masks.residentIdNumber(number);
	}

}
