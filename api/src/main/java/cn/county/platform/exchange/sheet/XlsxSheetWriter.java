package cn.county.platform.exchange.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming workbook: only a window of rows is held in memory, the rest goes to a compressed
 * temporary file that {@link #close()} deletes. Text is written as text, never as a formula, so a cell that starts
 * with {@code =} stays inert when the file is opened.
 */
final class XlsxSheetWriter implements SheetWriter {

	private static final int WINDOW = 200;

	private final OutputStream out;

	private final SXSSFWorkbook workbook;

	private final Sheet sheet;

	private final CellStyle dateStyle;

	private int next;

	XlsxSheetWriter(OutputStream out, String sheetName) {
		this.out = out;
		this.workbook = new SXSSFWorkbook(WINDOW);
		this.workbook.setCompressTempFiles(true);
		this.sheet = this.workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
		this.dateStyle = this.workbook.createCellStyle();
		this.dateStyle.setDataFormat(this.workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
	}

	@Override
	public void row(List<?> cells) {
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
			else if (value instanceof TemporalAccessor) {
				cell.setCellValue(value.toString());
			}
			else {
				cell.setCellValue(value.toString());
			}
		}
	}

	@Override
	public long rows() {
		return this.next;
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
