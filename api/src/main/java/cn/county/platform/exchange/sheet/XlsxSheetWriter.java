package cn.county.platform.exchange.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming workbook: only a window of rows is held in memory, the
 * rest goes to a compressed temporary file that {@link #close()} deletes. Text is written
 * as text, never as a formula, so a cell that starts with {@code =} stays inert when the
 * file is opened. A sheet holds at most 1,048,576 rows (the format's limit): past it the
 * rows go on in a new sheet ({@code 名单 (2)}, ...) that starts with the header again, so a
 * reader takes every sheet as the same table.
 */
final class XlsxSheetWriter implements SheetWriter {

	private static final int WINDOW = 200;

	/** Rows of one sheet, the header included. */
	static final int MAX_ROWS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getMaxRows();

	private final String sheetName;

	private final int maxRowsPerSheet;

	private List<?> header;

	private long rows;

	private int sheets = 1;

	private final OutputStream out;

	private final SXSSFWorkbook workbook;

	private Sheet sheet;

	private final CellStyle dateStyle;

	private int next;

	XlsxSheetWriter(OutputStream out, String sheetName) {
		this(out, sheetName, MAX_ROWS_PER_SHEET);
	}

	/** With a smaller sheet, so tests can see the rows go on in the next one. */
	XlsxSheetWriter(OutputStream out, String sheetName, int maxRowsPerSheet) {
		this.out = out;
		this.sheetName = WorkbookUtil.createSafeSheetName(sheetName);
		this.maxRowsPerSheet = maxRowsPerSheet;
		this.workbook = new SXSSFWorkbook(WINDOW);
		this.workbook.setCompressTempFiles(true);
		this.sheet = this.workbook.createSheet(this.sheetName);
		this.dateStyle = this.workbook.createCellStyle();
		this.dateStyle.setDataFormat(this.workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
	}

	@Override
	public void row(List<?> cells) {
		if (this.header == null) {
			this.header = List.copyOf(cells.stream().map(String::valueOf).toList());
		}
		else if (this.next >= this.maxRowsPerSheet) {
			this.sheets++;
			this.sheet = this.workbook
				.createSheet(WorkbookUtil.createSafeSheetName(this.sheetName + " (" + this.sheets + ")"));
			this.next = 0;
			write(this.header);
		}
		write(cells);
		this.rows++;
	}

	private void write(List<?> cells) {
		Row row = this.sheet.createRow(this.next++);
		for (int i = 0; i < cells.size(); i++) {
			Object value = cells.get(i);
			if (value == null) {
				continue;
			}
			Cell cell = row.createCell(i);
			if (value instanceof Number number && !(value instanceof BigDecimal big && big.precision() > 15)) {
				cell.setCellValue(number.doubleValue());
			}
			else if (value instanceof Boolean bool) {
				cell.setCellValue(bool ? "是" : "否");
			}
			else if (value instanceof LocalDate date) {
				cell.setCellValue(date);
				cell.setCellStyle(this.dateStyle);
			}
			else if (value instanceof BigDecimal big) {
				cell.setCellValue(big.toPlainString());
			}
			else {
				cell.setCellValue(text(value.toString()));
			}
		}
	}

	/**
	 * A text cut to what one cell holds (32,767 characters), marked with an ellipsis; CSV
	 * keeps it whole.
	 */
	static String text(String text) {
		int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	@Override
	public long rows() {
		return this.rows;
	}

	@Override
	public void close() throws IOException {
		try {
			this.workbook.write(this.out);
			this.out.flush();
		}
		finally {
			this.workbook.close();
		}
	}

}
