package cn.county.platform.exchange.sheet;

import java.util.Locale;

import cn.county.platform.common.DomainException;

/** The spreadsheet formats the platform reads and writes. */
public enum SheetFormat {

	/** Office Open XML workbook, as Excel and WPS save it. */
	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),

	/**
	 * Comma-separated values, written in UTF-8 with a byte-order mark so that Excel on
	 * Chinese Windows opens it.
	 */
	CSV("csv", "text/csv;charset=UTF-8");

	private final String extension;

	private final String contentType;

	SheetFormat(String extension, String contentType) {
		this.extension = extension;
		this.contentType = contentType;
	}

	public String extension() {
		return this.extension;
	}

	public String contentType() {
		return this.contentType;
	}

	/**
	 * The format named by a file extension or a request parameter ({@code xlsx},
	 * {@code csv}).
	 */
	public static SheetFormat of(String name, String field) {
		if (name != null) {
			String lower = name.toLowerCase(Locale.ROOT);
			for (SheetFormat format : values()) {
				if (lower.equals(format.extension) || lower.endsWith("." + format.extension)) {
					return format;
				}
			}
		}
		throw DomainException.badRequest(field, "必须是 xlsx 或 csv（is not xlsx or csv）");
	}

}
