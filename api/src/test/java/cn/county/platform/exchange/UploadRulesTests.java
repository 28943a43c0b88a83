package cn.county.platform.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import cn.county.platform.exchange.imports.ImportJobService;
import cn.county.platform.exchange.roster.RosterColumn;
import cn.county.platform.exchange.warning.WarningColumn;
import cn.county.platform.support.DepartmentOfficers;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.AbstractPlatformTests;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads refused as a whole, with a clear error and nothing written: not a spreadsheet,
 * a missing column, a formula, a zip bomb, an upload over the limit; who may upload what;
 * and a job cut off by a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadRulesTests extends AbstractPlatformTests {

	@LocalServerPort
	int port;

	@Autowired
	ImportJobService jobs;

	Imports imports;

	String town;

	String village;

	@BeforeAll
	void setUp() {
		this.imports = new Imports(this.port);
		this.town = this.jdbc.queryForObject("SELECT name FROM town WHERE code = ?", String.class, Fixtures.TOWN);
		this.village = this.jdbc.queryForObject("SELECT name FROM village WHERE code = ?", String.class,
				Fixtures.VILLAGE);
	}

	private RosterFile<RosterColumn> oneHousehold(String code) {
		RosterFile<RosterColumn> file = new RosterFile<>(RosterColumn.class);
		file.row(RosterFile.cells(RosterColumn.TOWN, this.town, RosterColumn.VILLAGE, this.village,
				RosterColumn.HOUSEHOLD_CODE, code, RosterColumn.NAME, "陈立", RosterColumn.ID_NUMBER,
				Fixtures.idNumber(LocalDate.of(1981, 1, 1)), RosterColumn.RELATION, "户主",
				RosterColumn.INCOME_PER_CAPITA, "9000", RosterColumn.CATEGORY, "脱贫户", RosterColumn.SCHOOLING, "非在校生",
				RosterColumn.HEALTH, "健康", RosterColumn.LABOUR_CAPACITY, "普通劳动力"));
		return file;
	}

	private int households(String code) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE code = ?", Integer.class, code);
	}

	@Test
	void aFileThatIsNotASpreadsheetIsRefusedAtOnce() {
		Imports.Refused named = this.imports.refused("county.admin", "roster",
				"just some words".getBytes(StandardCharsets.UTF_8), "roster.xlsx");
		assertThat(named.status()).isEqualTo(400);
		assertThat(named.message()).contains("不是 xlsx");
		Imports.Refused binary = this.imports.refused("county.admin", "roster", new byte[] { 1, 0, 2, 0, 3 },
				"roster.csv");
		assertThat(binary.status()).isEqualTo(400);
		assertThat(binary.message()).contains("不是电子表格");
		Imports.Refused pdf = this.imports.refused("county.admin", "roster", new byte[] { '%', 'P', 'D', 'F' },
				"roster.pdf");
		assertThat(pdf.message()).contains(".xlsx 或 .csv");
	}

	@Test
	void aFileWithoutARequiredColumnIsRefusedNamingIt() {
		String code = Fixtures.code();
		Imports.Refused refused = this.imports.refused("county.admin", "roster",
				oneHousehold(code).xlsx(List.of(RosterColumn.ID_NUMBER)), "roster.xlsx");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.message()).contains("缺少必需的列").contains("证件号码");
		assertThat(households(code)).isZero();
	}

	@Test
	void aFormulaFailsTheJobBeforeAnythingIsWritten() throws IOException {
		String code = Fixtures.code();
		String last = Fixtures.code();
		List<List<String>> table = oneHousehold(code).table(List.of());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("花名册");
			for (int r = 0; r < table.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < table.get(r).size(); c++) {
					row.createCell(c).setCellValue(table.get(r).get(c));
				}
			}
			// a later household whose income is computed: the whole file is refused, the
			// first household too
			Row row = sheet.createRow(table.size());
			for (int c = 0; c < table.get(1).size(); c++) {
				row.createCell(c).setCellValue(table.get(1).get(c).replace(code, last));
			}
			row.getCell(RosterColumn.INCOME_PER_CAPITA.ordinal()).setCellFormula("9000*1");
			workbook.write(out);
		}
		Imports.Job job = this.imports.run("county.admin", "roster", out.toByteArray(), "formula.xlsx", false);
		assertThat(job.status()).isEqualTo("FAILED");
		assertThat(job.error()).contains("公式");
		assertThat(households(code)).isZero();
		assertThat(households(last)).isZero();
	}

	@Test
	void aZipBombIsRefused() throws IOException {
		String code = Fixtures.code();
		byte[] xlsx = oneHousehold(code).xlsx();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		java.nio.file.Path source = java.nio.file.Files.createTempFile("bomb", ".xlsx");
		java.nio.file.Files.write(source, xlsx);
		try (ZipFile in = new ZipFile(source.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry : java.util.Collections.list(in.entries())) {
				byte[] content = in.getInputStream(entry).readAllBytes();
				if (entry.getName().startsWith("xl/worksheets/")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					int at = xml.indexOf("<sheetData");
					content = (xml.substring(0, at) + " ".repeat(60 * 1024 * 1024) + xml.substring(at))
						.getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(content);
				zip.closeEntry();
			}
		}
		finally {
			java.nio.file.Files.deleteIfExists(source);
		}
		Imports.Refused refused = this.imports.refused("county.admin", "roster", out.toByteArray(), "bomb.xlsx");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.message()).contains("压缩炸弹");
		assertThat(households(code)).isZero();
	}

	@Test
	void anUploadOverTheLimitIsRefusedWith413() {
		byte[] large = new byte[100 * 1024 * 1024];
		Imports.Refused refused = this.imports.refused("county.admin", "roster", large, "large.csv");
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.message()).contains("上传上限");
	}

	@Test
	void aDepartmentImportsOnlyItsOwnWarningsAndOthersNoneAtAll() {
		String housing = DepartmentOfficers.of("HOUSING");
		String code = Fixtures.code();
		assertThat(this.imports.run("county.admin", "roster", oneHousehold(code).xlsx(), "r.xlsx", false).status())
			.isEqualTo("SUCCEEDED");
		String known = this.jdbc.queryForObject("SELECT head_id_number FROM household WHERE code = ?", String.class,
				code);
		RosterFile<WarningColumn> file = new RosterFile<>(WarningColumn.class);
		file.row(RosterFile.cells(WarningColumn.DEPARTMENT, "住建局", WarningColumn.ID_NUMBER, known, WarningColumn.KIND,
				"C级危房", WarningColumn.WARNED_ON, "2023-06-01"));
		file.row(RosterFile.cells(WarningColumn.DEPARTMENT, "医保局", WarningColumn.ID_NUMBER, known, WarningColumn.KIND,
				"大额医疗支出", WarningColumn.WARNED_ON, "2023-06-01"));
		file.row(RosterFile.cells(WarningColumn.DEPARTMENT, "住建局", WarningColumn.ID_NUMBER, "123", WarningColumn.KIND,
				"C级危房", WarningColumn.WARNED_ON, "2023-06-01"));
		Imports.Job job = this.imports.run(housing, "warnings", file.csv(StandardCharsets.UTF_8, true), "w.csv", false);
		assertThat(job.status()).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(job.number("rowsApplied")).isEqualTo(1);
		assertThat(job.number("rowsRefused")).isEqualTo(2);
		assertThat(job.refusals()).anySatisfy((refusal) -> {
			assertThat(refusal.get("row")).isEqualTo(3);
			assertThat(refusal.get("column")).isEqualTo("部门");
			assertThat((String) refusal.get("reason")).contains("本部门");
		});
		assertThat(job.refusals()).anySatisfy((refusal) -> {
			assertThat(refusal.get("row")).isEqualTo(4);
			assertThat(refusal.get("column")).isEqualTo("证件号码");
		});
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM warning w JOIN member m ON m.id = w.member_id"
				+ " WHERE m.id_number = ? AND w.department = 'MEDICAL_INSURANCE'", Integer.class, known))
			.isZero();

		Imports.Refused hrss = this.imports.refused("hrss.officer", "warnings", file.csv(StandardCharsets.UTF_8, true),
				"w.csv");
		assertThat(hrss.status()).isEqualTo(403);
	}

	@Test
	void aJobCutOffByARestartIsMarkedFailedWithWhatItHadApplied() {
		long id = 7_000_000_000_000_000_001L;
		this.jdbc.update("INSERT INTO import_job (id, kind, status, dry_run, file_name, file_format, file_sha256,"
				+ " file_bytes, created_by, created_by_subject, rows_read, rows_applied, created_at, started_at,"
				+ " finished_at) VALUES (?, 'ROSTER', 'RUNNING', FALSE, 'x.xlsx', 'XLSX', REPEAT('0', 64), 1,"
				+ " 'county.admin', 'nobody', 500, 400, CURRENT_TIMESTAMP(3) - INTERVAL 1 HOUR,"
				+ " CURRENT_TIMESTAMP(3) - INTERVAL 1 HOUR, CURRENT_TIMESTAMP(3) - INTERVAL 1 HOUR)", id);
		assertThat(this.jobs.sweep()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.queryForMap("SELECT status, error FROM import_job WHERE id = ?", id))
			.containsEntry("status", "FAILED")
			.satisfies((row) -> assertThat((String) row.get("error")).contains("cut off by a restart")
				.contains("400 rows applied"));
	}

}
