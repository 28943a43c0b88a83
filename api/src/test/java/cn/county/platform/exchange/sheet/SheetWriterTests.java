package cn.county.platform.exchange.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two writers, read back with the libraries that read the formats (POI's workbook for
 * XLSX, Commons CSV for CSV): text, numbers, dates and booleans land as the cell types a
 * spreadsheet expects, ID numbers keep every digit, and nothing a cell holds becomes a
 * formula.
 */
@Tag("fast")
class SheetWriterTests {

	private static final List<Object> HEADER = List.of("户编号", "姓名", "证件号码", "家庭年人均纯收入(元)", "出生日期", "是否享受政策");

	private static final List<Object> ROW = Arrays.asList("4110241002010001", "张伟", "41102419680314123X",
			new BigDecimal("7500.50"), LocalDate.of(1968, 3, 14), true);

	@Test
	void xlsxHoldsTypedCellsThatReadBackAsWritten() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SheetWriter sheet = SheetWriter.open(SheetFormat.XLSX, out, "农户花名册")) {
			sheet.row(HEADER);
			sheet.row(ROW);
			sheet.row(Arrays.asList("4110241002010002", null, "", 0, null, false));
			assertThat(sheet.rows()).isEqualTo(3);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("农户花名册");
			assertThat(texts(sheet.getRow(0))).containsExactly("户编号", "姓名", "证件号码", "家庭年人均纯收入(元)", "出生日期", "是否享受政策");
			Row row = sheet.getRow(1);
			assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("4110241002010001");
			assertThat(row.getCell(2).getStringCellValue()).isEqualTo("41102419680314123X");
			assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(7500.50);
			assertThat(DateUtil.isCellDateFormatted(row.getCell(4))).isTrue();
			assertThat(row.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(1968, 3, 14));
			assertThat(row.getCell(5).getStringCellValue()).isEqualTo("是");
			Row second = sheet.getRow(2);
			assertThat(second.getCell(1)).as("null is an empty cell").isNull();
			assertThat(second.getCell(3).getNumericCellValue()).isZero();
			assertThat(second.getCell(5).getStringCellValue()).isEqualTo("否");
		}
	}

	@Test
	void xlsxNeverWritesAFormula() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SheetWriter sheet = SheetWriter.open(SheetFormat.XLSX, out, "名单")) {
			sheet.row(List.of("备注"));
			sheet.row(List.of("=HYPERLINK(\"http://evil.example\",\"点击\")"));
			sheet.row(List.of("+1+1"));
			sheet.row(List.of("@SUM(A1:A2)"));
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (int i = 1; i <= 3; i++) {
				Cell cell = sheet.getRow(i).getCell(0);
				assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
			}
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("=HYPERLINK");
		}
	}

	@Test
	void xlsxGoesOnInANewSheetWithTheHeaderWhenOneIsFull() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SheetWriter sheet = new XlsxSheetWriter(out, "名单", 3)) {
			sheet.row(List.of("户编号"));
			for (int i = 1; i <= 5; i++) {
				sheet.row(List.of("H" + i));
			}
			assertThat(sheet.rows()).isEqualTo(6);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			List<String> values = new ArrayList<>();
			for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
				Sheet sheet = workbook.getSheetAt(s);
				assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("户编号");
				for (int r = 1; r <= sheet.getLastRowNum(); r++) {
					values.add(sheet.getRow(r).getCell(0).getStringCellValue());
				}
			}
			assertThat(values).containsExactly("H1", "H2", "H3", "H4", "H5");
			assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("名单 (2)");
		}
	}

	@Test
	void xlsxCutsATextLongerThanACellHolds() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SheetWriter sheet = SheetWriter.open(SheetFormat.XLSX, out, "操作日志")) {
			sheet.row(List.of("修改后"));
			sheet.row(List.of("x".repeat(40_000)));
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			String text = workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue();
			assertThat(text).hasSizeLessThanOrEqualTo(32_767).endsWith("…");
		}
	}

	@Test
	void csvStartsWithAByteOrderMarkAndReadsBackAsWritten() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SheetWriter sheet = SheetWriter.open(SheetFormat.CSV, out, "农户花名册")) {
			sheet.row(HEADER);
			sheet.row(ROW);
			sheet
				.row(Arrays.asList("4110241002010002", null, "有,逗号\"和引号\"\n换行", new BigDecimal("7.5E+3"), null, false));
			assertThat(sheet.rows()).isEqualTo(3);
		}
		byte[] bytes = out.toByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<CSVRecord> records = read(bytes);
		assertThat(records).hasSize(3);
		assertThat(records.get(0).toList()).containsExactly("户编号", "姓名", "证件号码", "家庭年人均纯收入(元)", "出生日期", "是否享受政策");
		assertThat(records.get(1).toList()).containsExactly("4110241002010001", "张伟", "41102419680314123X", "7500.50",
				"1968-03-14", "是");
		assertThat(records.get(2).toList()).containsExactly("4110241002010002", "", "有,逗号\"和引号\"\n换行", "7500", "", "否");
	}

	@Test
	void csvGuardsEveryTextThatASpreadsheetWouldTakeForAFormula() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SheetWriter sheet = SheetWriter.open(SheetFormat.CSV, out, "名单")) {
			sheet.row(List.of("备注"));
			for (String dangerous : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
				sheet.row(List.of(dangerous));
			}
			sheet.row(List.of(-5));
			sheet.row(List.of(new BigDecimal("-2.50")));
			sheet.row(List.of("安全 = 文本"));
		}
		List<CSVRecord> records = read(out.toByteArray());
		assertThat(records.subList(1, 7).stream().map((record) -> record.get(0))).containsExactly("'=1+1", "'+1", "'-1",
				"'@SUM(A1)", "'\t=1", "'\r=1");
		assertThat(records.get(7).get(0)).as("numbers are not text").isEqualTo("-5");
		assertThat(records.get(8).get(0)).isEqualTo("-2.50");
		assertThat(records.get(9).get(0)).isEqualTo("安全 = 文本");
	}

	@Test
	void formatsAreNamedByExtension() {
		assertThat(SheetFormat.of("xlsx", "format")).isEqualTo(SheetFormat.XLSX);
		assertThat(SheetFormat.of("名单.CSV", "format")).isEqualTo(SheetFormat.CSV);
	}

	private static List<CSVRecord> read(byte[] bytes) throws IOException {
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text.charAt(0)).isEqualTo('\uFEFF');
		try (var parser = CSVFormat.EXCEL
			.parse(new InputStreamReader(new ByteArrayInputStream(text.substring(1).getBytes(StandardCharsets.UTF_8)),
					StandardCharsets.UTF_8))) {
			return parser.getRecords();
		}
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach((cell) -> texts.add(cell.getStringCellValue()));
		return texts;
	}

}
