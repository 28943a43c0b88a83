package cn.county.platform.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.county.platform.exchange.roster.RosterColumn;
import cn.county.platform.exchange.sheet.ResavedWorkbookTests;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.RowCallbackHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip the issue asks for: the households of a town downloaded as the roster,
 * some cells changed, the file uploaded back; exactly the changed records are written,
 * each audited, and nothing else moves. And a village cadre's export, whose ID numbers
 * are masked, imports back without a masked value overwriting anything.
 */
class RosterRoundTripTests extends AbstractPlatformTests {

	@LocalServerPort
	int port;

	Imports imports;

	@BeforeEach
	void connect() {
		this.imports = new Imports(this.port);
	}

	private byte[] export(String user, String file, Map<String, String> params) {
		StringBuilder query = new StringBuilder();
		params
			.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value));
		return this.imports.http(user)
			.get()
			.uri("/exports/" + file + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
	}

	/** Every household's and member's version in the town, by table and id. */
	private Map<String, Integer> versions(String townCode) {
		Map<String, Integer> versions = new HashMap<>();
		this.jdbc.query("SELECT id, version FROM household WHERE town_code = ?",
				(RowCallbackHandler) (rs) -> versions.put("Household:" + rs.getLong(1), rs.getInt(2)), townCode);
		this.jdbc.query(
				"SELECT m.id, m.version FROM member m JOIN household h ON h.id = m.household_id WHERE h.town_code = ?",
				(RowCallbackHandler) (rs) -> versions.put("Member:" + rs.getLong(1), rs.getInt(2)), townCode);
		return versions;
	}

	private Set<Long> auditIds() {
		return new HashSet<>(this.jdbc.queryForList("SELECT id FROM audit_log", Long.class));
	}

	/** The audit entries written since {@code before}, as {@code Type:id}. */
	private List<String> auditedSince(Set<Long> before) {
		List<String> entries = new ArrayList<>();
		this.jdbc.query("SELECT id, entity_type, entity_id FROM audit_log", (RowCallbackHandler) (rs) -> {
			if (!before.contains(rs.getLong(1))) {
				entries.add(rs.getString(2) + ":" + rs.getLong(3));
			}
		});
		return entries;
	}

	private long householdId(String code) {
		return this.jdbc.queryForObject("SELECT id FROM household WHERE code = ?", Long.class, code);
	}

	private static Map<String, Integer> changed(Map<String, Integer> before, Map<String, Integer> after) {
		Map<String, Integer> changed = new HashMap<>();
		after.forEach((key, version) -> {
			if (!version.equals(before.get(key))) {
				changed.put(key, version);
			}
		});
		return changed;
	}

	@Test
	void aTownsExportCorrectedInThreeCellsImportsBackAsExactlyThoseThreeChanges() throws IOException {
		byte[] file = export("town.official", "households.xlsx", Map.of("townCode", Fixtures.TOWN));
		Imports.Job unchanged = this.imports.run("town.official", "roster", file, "roster.xlsx", true);
		assertThat(unchanged.status()).as(unchanged.toString()).isEqualTo("SUCCEEDED");
		assertThat(unchanged.number("rowsRead")).as("the town's roster").isGreaterThan(20);
		assertThat(unchanged.number("rowsRefused")).as(unchanged.toString()).isZero();
		assertThat(unchanged.number("recordsCreated") + unchanged.number("recordsUpdated"))
			.as("the export as it is imports back as no change")
			.isZero();

		DataFormatter format = new DataFormatter();
		byte[] corrected;
		String incomeCode;
		String phoneCode;
		String relationIdNumber;
		String relationCode;
		String relationWord;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			Map<String, Integer> at = new HashMap<>();
			Row header = sheet.getRow(0);
			for (int c = 0; c < header.getLastCellNum(); c++) {
				at.put(format.formatCellValue(header.getCell(c)), c);
			}
			int code = at.get(RosterColumn.HOUSEHOLD_CODE.defaultHeader());
			int income = at.get(RosterColumn.INCOME_PER_CAPITA.defaultHeader());
			int phone = at.get(RosterColumn.PHONE.defaultHeader());
			int relation = at.get(RosterColumn.RELATION.defaultHeader());
			int idNumber = at.get(RosterColumn.ID_NUMBER.defaultHeader());
			List<Row> rows = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				rows.add(sheet.getRow(r));
			}
			incomeCode = format.formatCellValue(rows.get(0).getCell(code));
			phoneCode = rows.stream()
				.map((row) -> format.formatCellValue(row.getCell(code)))
				.filter((each) -> !each.equals(incomeCode))
				.findFirst()
				.orElseThrow();
			Row member = rows.stream()
				.filter((row) -> !format.formatCellValue(row.getCell(code)).equals(incomeCode)
						&& !format.formatCellValue(row.getCell(code)).equals(phoneCode)
						&& !"户主".equals(format.formatCellValue(row.getCell(relation))))
				.findFirst()
				.orElseThrow();
			relationIdNumber = format.formatCellValue(member.getCell(idNumber));
			relationCode = format.formatCellValue(member.getCell(code));
			relationWord = "其他".equals(format.formatCellValue(member.getCell(relation))) ? "兄弟姐妹" : "其他";
			ResavedWorkbookTests.edit(member, relation, relationWord);
			for (Row row : rows) {
				String rowCode = format.formatCellValue(row.getCell(code));
				if (rowCode.equals(incomeCode)) {
					ResavedWorkbookTests.edit(row, income, "6543.21");
				}
				if (rowCode.equals(phoneCode)) {
					ResavedWorkbookTests.edit(row, phone, "13712345678");
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			corrected = out.toByteArray();
		}

		Map<String, Integer> before = versions(Fixtures.TOWN);
		Set<Long> audited = auditIds();
		Imports.Job applied = this.imports.run("town.official", "roster", corrected, "roster.xlsx", false);
		assertThat(applied.status()).as(applied.toString()).isEqualTo("SUCCEEDED");
		assertThat(applied.number("rowsRefused")).as(applied.toString()).isZero();
		assertThat(applied.number("recordsCreated")).isZero();
		assertThat(applied.number("recordsUpdated")).as(applied.toString()).isEqualTo(3);

		long incomeHousehold = householdId(incomeCode);
		long phoneHousehold = householdId(phoneCode);
		long relationMember = this.jdbc.queryForObject(
				"SELECT m.id FROM member m JOIN household h ON h.id = m.household_id WHERE m.id_number = ? AND h.code = ?",
				Long.class, relationIdNumber, relationCode);
		assertThat(this.jdbc.queryForObject("SELECT income_per_capita FROM household WHERE id = ?", BigDecimal.class,
				incomeHousehold))
			.isEqualByComparingTo("6543.21");
		assertThat(this.jdbc.queryForObject("SELECT phone FROM household WHERE id = ?", String.class, phoneHousehold))
			.isEqualTo("13712345678");
		assertThat(this.jdbc.queryForObject("SELECT relation FROM member WHERE id = ?", String.class, relationMember))
			.isEqualTo("其他".equals(relationWord) ? "OTHER" : "SIBLING");
		assertThat(changed(before, versions(Fixtures.TOWN)).keySet()).as("exactly the three records changed")
			.containsExactlyInAnyOrder("Household:" + incomeHousehold, "Household:" + phoneHousehold,
					"Member:" + relationMember);
		assertThat(auditedSince(audited)).as("each change audited, nothing else")
			.containsExactlyInAnyOrder("Household:" + incomeHousehold, "Household:" + phoneHousehold,
					"Member:" + relationMember);

		Imports.Job again = this.imports.run("town.official", "roster", corrected, "roster.xlsx", false);
		assertThat(again.number("recordsUpdated") + again.number("recordsCreated") + again.number("rowsRefused"))
			.as("the corrected file a second time changes nothing")
			.isZero();
	}

	@Test
	void aVillageCadresMaskedExportImportsBackWithoutAMaskOverwritingAnything() throws IOException {
		byte[] file = export("village.cadre", "households.csv", Map.of("villageCode", Fixtures.VILLAGE));
		List<List<String>> table = new ArrayList<>();
		try (var parser = CSVFormat.EXCEL
			.parse(new InputStreamReader(new ByteArrayInputStream(file, 3, file.length - 3), StandardCharsets.UTF_8))) {
			for (CSVRecord record : parser) {
				table.add(new ArrayList<>(record.toList()));
			}
		}
		List<String> header = table.get(0);
		int code = header.indexOf(RosterColumn.HOUSEHOLD_CODE.defaultHeader());
		int idNumber = header.indexOf(RosterColumn.ID_NUMBER.defaultHeader());
		int relation = header.indexOf(RosterColumn.RELATION.defaultHeader());
		int name = header.indexOf(RosterColumn.NAME.defaultHeader());
		int schooling = header.indexOf(RosterColumn.SCHOOLING.defaultHeader());
		int count = header.indexOf(RosterColumn.MEMBER_COUNT.defaultHeader());
		List<List<String>> rows = table.subList(1, table.size());
		assertThat(rows).allMatch((row) -> row.get(idNumber).matches("\\d{6}\\*{12}"));
		// two households whose members' names differ (a masked number is matched by name,
		// so
		// namesakes in one household are refused as ambiguous: other tests' households in
		// the village may have them), re-imported alone, as a cadre returns the rows they
		// corrected
		Map<String, List<List<String>>> byHousehold = rows.stream()
			.collect(Collectors.groupingBy((row) -> row.get(code), LinkedHashMap::new, Collectors.toList()));
		List<String> chosen = byHousehold.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().stream().map((row) -> row.get(name)).distinct().count() == entry
				.getValue()
				.size())
			.map(Map.Entry::getKey)
			.limit(2)
			.toList();
		assertThat(chosen).hasSize(2);
		rows.removeIf((row) -> !chosen.contains(row.get(code)));

		// one member's schooling corrected in the first household
		List<String> corrected = rows.get(0);
		String correctedCode = corrected.get(code);
		String word = "辍学".equals(corrected.get(schooling)) ? "非在校生" : "辍学";
		corrected.set(schooling, word);
		// a new member, known only by a masked number, added to another household
		String addedCode = rows.stream()
			.map((row) -> row.get(code))
			.filter((each) -> !each.equals(correctedCode))
			.findFirst()
			.orElseThrow();
		List<List<String>> added = rows.stream().filter((row) -> row.get(code).equals(addedCode)).toList();
		List<String> newcomer = new ArrayList<>(added.get(0));
		newcomer.set(name, "新来的");
		newcomer.set(relation, "其他");
		String stated = String.valueOf(added.size() + 1);
		added.forEach((row) -> row.set(count, stated));
		newcomer.set(count, stated);
		rows.add(rows.indexOf(added.get(added.size() - 1)) + 1, newcomer);

		StringWriter text = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.EXCEL)) {
			for (List<String> row : table) {
				printer.printRecord(row);
			}
		}
		Map<String, Integer> before = versions(Fixtures.TOWN);
		Set<Long> audited = auditIds();
		Imports.Job job = this.imports.run("town.official", "roster", text.toString().getBytes(StandardCharsets.UTF_8),
				"roster.csv", false);
		assertThat(job.status()).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(job.number("recordsUpdated")).as(job.toString()).isEqualTo(1);
		assertThat(job.number("recordsCreated")).isZero();
		assertThat(job.number("rowsRefused")).as("the household with the masked newcomer, whole: %s", job.refusals())
			.isEqualTo(added.size() + 1);
		assertThat(job.refusals()).anySatisfy((refusal) -> {
			assertThat(refusal.get("column")).isEqualTo(RosterColumn.ID_NUMBER.defaultHeader());
			assertThat(refusal.get("reason").toString()).contains("脱敏");
		});

		long correctedMember = this.jdbc.queryForObject(
				"SELECT m.id FROM member m JOIN household h ON h.id = m.household_id WHERE h.code = ? AND m.name = ?",
				Long.class, correctedCode, corrected.get(name));
		assertThat(this.jdbc.queryForObject("SELECT schooling FROM member WHERE id = ?", String.class, correctedMember))
			.isEqualTo("辍学".equals(word) ? "DROPPED_OUT" : "GRADUATED");
		assertThat(changed(before, versions(Fixtures.TOWN)).keySet()).containsExactly("Member:" + correctedMember);
		assertThat(auditedSince(audited)).containsExactly("Member:" + correctedMember);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE id_number LIKE '%*%'", Integer.class))
			.as("no masked number stored")
			.isZero();
	}

}
