package cn.county.platform.exchange.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV through Commons CSV, in UTF-8 with a byte-order mark (Excel on Chinese Windows reads a file without one as
 * GBK). A text cell that a spreadsheet would take for a formula ({@code = + - @} first) is prefixed with a quote
 * mark, the usual guard against CSV injection; ID numbers and codes are written as text, so they keep their digits.
 */
final class CsvSheetWriter implements SheetWriter {

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
		String text = cell.toString();
		if (!(cell instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
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
