package cn.county.platform.exchange.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the rows of a spreadsheet upload one at a time, in constant memory whatever its
 * size: XLSX through POI's event API (a SAX pass over the sheet's XML, with read-only
 * shared strings), CSV through Commons CSV in the charset Excel wrote it in (UTF-8 with
 * or without a byte-order mark, else GB18030, which covers GBK). Use it for every import;
 * {@link SheetWriter} writes the reports and exports.
 *
 * <p>
 * A file that is not a spreadsheet, that holds a formula, or whose zip entries inflate
 * past POI's {@code ZipSecureFile} limits (a zip bomb) fails with a
 * {@link SheetException}, whose message is for people.
 */
public interface SheetReader {

	/**
	 * One row: its number as a spreadsheet shows it (the header is row 1) and its cells
	 * as text, blanks as "".
	 */
	record Row(int number, List<String> cells) {

		public String cell(int index) {
			return (index >= 0 && index < this.cells.size()) ? this.cells.get(index) : "";
		}

		public boolean isBlank() {
			return this.cells.stream().allMatch(String::isBlank);
		}

	}

	/** Receives the rows in file order; throw {@link StopReading} to stop early. */
	@FunctionalInterface
	interface RowHandler {

		void row(Row row) throws Exception;

	}

	/**
	 * Thrown by a {@link RowHandler} that has read enough (for example the header only).
	 */
	final class StopReading extends RuntimeException {

		public StopReading() {
			super(null, null, false, false);
		}

	}

	/**
	 * Calls {@code handler} for every non-blank row of the first sheet, the header first.
	 */
	void read(RowHandler handler) throws SheetException;

	/** The charset a CSV file was read in, or null for XLSX. */
	String charset();

	/**
	 * A reader for the file, after checking by its first bytes that it is the format its
	 * name says.
	 */
	static SheetReader open(Path file, String fileName, SheetReaderLimits limits) throws SheetException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(8);
		}
		catch (IOException ex) {
			throw new SheetException("文件无法读取（the file cannot be read）", ex);
		}
		boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
		boolean ole = head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF
				&& (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0;
		if (ole) {
			throw new SheetException("不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV（an old .xls workbook: save it as .xlsx or CSV）");
		}
		SheetFormat format = formatOf(fileName);
		if (zip) {
			if (format == SheetFormat.CSV) {
				throw new SheetException("文件扩展名为 .csv，但内容不是 CSV（named .csv but is a zip archive）");
			}
			return new XlsxSheetReader(file, limits);
		}
		if (format == SheetFormat.XLSX) {
			throw new SheetException("文件不是 xlsx 电子表格（named .xlsx but is not a workbook）");
		}
		return new CsvSheetReader(file);
	}

	private static SheetFormat formatOf(String fileName) throws SheetException {
		String lower = (fileName != null) ? fileName.toLowerCase(java.util.Locale.ROOT) : "";
		if (lower.endsWith(".xlsx")) {
			return SheetFormat.XLSX;
		}
		if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
			return SheetFormat.CSV;
		}
		throw new SheetException("只接受 .xlsx 或 .csv 文件（only .xlsx and .csv files are accepted）");
	}

}
