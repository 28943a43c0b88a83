package cn.county.platform.exchange.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV through Commons CSV, in UTF-8 with a byte-order mark (Excel on Chinese Windows
 * reads a file without one as GBK). A text cell that a spreadsheet would take for a
 * formula ({@code = + - @}, tab or carriage return first) is prefixed with a quote mark,
 * the usual guard against CSV injection (a reader of the platform's own CSV drops that
 * one quote again); numbers are never prefixed, decimals are written plainly
 * ({@code 7500.00}, never {@code 7.5E+3}), dates as ISO-8601 ({@code 2023-05-29}) and
 * booleans as 是/否.
 */
final class CsvSheetWriter implements SheetWriter {

	/**
	 * What a spreadsheet takes for the start of a formula (OWASP's list: tab and carriage
	 * return too).
	 */
	static final String FORMULA_START = "=+-@\t\r";

	private final Writer writer;

	private final CSVPrinter printer;

	private long rows;

	CsvSheetWriter(OutputStream out) throws IOException {
		this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		this.writer.write('\uFEFF');
		this.printer = new CSVPrinter(this.writer, CSVFormat.EXCEL);
	}

	@Override
	public void row(List<?> cells) throws IOException {
		List<Object> values = new ArrayList<>(cells.size());
		for (Object cell : cells) {
			values.add(text(cell));
		}
		this.printer.printRecord(values);
		this.rows++;
	}

	static String text(Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof Boolean bool) {
			return bool ? "是" : "否";
		}
		if (cell instanceof BigDecimal big) {
			return big.toPlainString();
		}
		String text = cell.toString();
		if (!(cell instanceof Number) && !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	@Override
	public long rows() {
		return this.rows;
	}

	@Override
	public void close() throws IOException {
		this.printer.flush();
		this.writer.flush();
	}

}
