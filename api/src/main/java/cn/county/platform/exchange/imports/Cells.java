package cn.county.platform.exchange.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads typed values from the text of spreadsheet cells as Excel and WPS show them: dates
 * as 2023-03-14, 2023/3/14, 20230314, 2023年3月14日 or 3/14/23 (Excel's default date
 * format), yes/no as 是/否, amounts with thousands separators. A cell that cannot be read
 * throws {@link Problem} with a reason for people.
 */
public final class Cells {

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
			DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuuMMdd"),
			DateTimeFormatter.ofPattern("uuuu年M月d日"), DateTimeFormatter.ofPattern("uuuu.M.d"),
			DateTimeFormatter.ofPattern("M/d/uu"));

	private Cells() {
	}

	/** A cell that cannot be read as its column's type. */
	public static final class Problem extends RuntimeException {

		public Problem(String reason) {
			super(reason, null, false, false);
		}

	}

	public static LocalDate date(String cell) {
		if (cell.isEmpty()) {
			return null;
		}
		String text = cell.contains(" ") ? cell.substring(0, cell.indexOf(' ')) : cell;
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(text, format);
			}
			catch (DateTimeParseException ex) {
				// try the next
			}
		}
		throw new Problem("不是日期，应写作 2023-03-14（is not a date such as 2023-03-14）");
	}

	public static Boolean yesNo(String cell) {
		return switch (cell) {
			case "" -> null;
			case "是", "Y", "y", "TRUE", "true", "1", "有" -> Boolean.TRUE;
			case "否", "N", "n", "FALSE", "false", "0", "无" -> Boolean.FALSE;
			default -> throw new Problem("应为“是”或“否”（must be 是 or 否）");
		};
	}

	public static BigDecimal amount(String cell) {
		if (cell.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(cell.replace(",", "").replace("，", ""));
		}
		catch (NumberFormatException ex) {
			throw new Problem("不是金额（is not an amount in yuan）");
		}
	}

	public static Integer whole(String cell) {
		if (cell.isEmpty()) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(cell.replace(",", ""));
			return value.intValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new Problem("不是整数（is not a whole number）");
		}
	}

}
