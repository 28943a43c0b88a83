package cn.county.platform.exchange.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exported workbook edited and saved again (by a spreadsheet program: here POI's
 * in-memory workbook) reads back cell for cell where it was not edited, empty cells
 * keeping their columns.
 */
@Tag("fast")
public class ResavedWorkbookTests {

	/**
	 * Writes a cell as a spreadsheet program does, a new cell in its place. (POI's
	 * {@code setCellValue} on the export's inline-string cell keeps the old inline text
	 * beside the new value, which a reader then sees as two cells; Excel and WPS write
	 * the cell anew.)
	 */
	public static void edit(org.apache.poi.ss.usermodel.Row row, int column, String value) {
		org.apache.poi.ss.usermodel.Cell cell = row.getCell(column);
		if (cell != null) {
			row.removeCell(cell);
		}
		row.createCell(column).setCellValue(value);
	}

	@TempDir
	Path dir;

	@Test
	void anEditedAndResavedExportReadsBackWithEveryCellInItsColumn() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SheetWriter sheet = SheetWriter.open(SheetFormat.XLSX, out, "农户花名册")) {
			sheet.row(List.of("户编号", "姓名", "联系电话", "家庭年人均纯收入(元)", "出生日期", "是否低保户"));
			sheet.row(Arrays.asList("T001", "王一", null, 9000, LocalDate.of(1980, 1, 2), true));
			sheet.row(Arrays.asList("T001", "王二", null, 9000, null, false));
			for (int i = 0; i < 5000; i++) {
				sheet.row(Arrays.asList("T" + (i / 4), (i % 3 == 0) ? null : "张" + i, (i % 2 == 0) ? null : "139" + i,
						new java.math.BigDecimal("9000.50"), LocalDate.of(1980, 1, 2), null));
			}
		}
		byte[] resaved;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			edit(workbook.getSheetAt(0).getRow(1), 3, "6543.21");
			edit(workbook.getSheetAt(0).getRow(2), 2, "13712345678");
			edit(workbook.getSheetAt(0).getRow(13), 1, "李四");
			ByteArrayOutputStream again = new ByteArrayOutputStream();
			workbook.write(again);
			resaved = again.toByteArray();
		}
		Path file = this.dir.resolve("roster.xlsx");
		Files.write(file, resaved);
		List<List<String>> rows = new ArrayList<>();
		SheetReader.open(file, "roster.xlsx", SheetReaderLimits.DEFAULT).read((row) -> rows.add(row.cells()));
		assertThat(rows.get(1)).containsExactly("T001", "王一", "", "6543.21", "1980-01-02", "是");
		assertThat(rows.get(2)).containsExactly("T001", "王二", "13712345678", "9000", "", "否");
		assertThat(rows.get(12)).containsExactly("T2", "", "1399", "9000.5", "1980-01-02");
		assertThat(rows.get(13)).containsExactly("T2", "李四", "", "9000.5", "1980-01-02");
		assertThat(rows).hasSize(5003);
	}

}
