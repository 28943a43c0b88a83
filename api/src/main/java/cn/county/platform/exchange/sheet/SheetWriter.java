package cn.county.platform.exchange.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes one sheet of rows to a stream, in constant memory whatever the number of rows:
 * exports, and the report of an import's refused rows. The first row written is the
 * header. Cells are written as text, numbers, booleans or dates as they come;
 * {@code null} is an empty cell. Nothing here knows the file formats: POI's streaming
 * workbook writes XLSX and Commons CSV writes CSV.
 *
 * <pre>
 * try (SheetWriter sheet = SheetWriter.open(SheetFormat.XLSX, out, "筛查名单")) {
 *     sheet.row(List.of("户编号", "姓名"));
 *     rows.forEach((row) -&gt; sheet.row(List.of(row.code(), row.name())));
 * }
 * </pre>
 */
public interface SheetWriter extends AutoCloseable {

	/** Appends one row. */
	void row(List<?> cells) throws IOException;

	/** Rows written so far, the header included. */
	long rows();

	/**
	 * Finishes the file and flushes it; the stream itself is left open for the caller to
	 * close.
	 */
	@Override
	void close() throws IOException;

	static SheetWriter open(SheetFormat format, OutputStream out, String sheetName) throws IOException {
		return switch (format) {
			case XLSX -> new XlsxSheetWriter(out, sheetName);
			case CSV -> new CsvSheetWriter(out);
		};
	}

}
