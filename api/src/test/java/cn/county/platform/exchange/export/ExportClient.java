package cn.county.platform.exchange.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two sides of every export test, over real HTTP with a real token: the file from
 * {@code /exports/...}, parsed back with Commons CSV or POI into rows of text, and the
 * answer of {@code /graphql} to a document, as maps.
 */
final class ExportClient {

	static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	ExportClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** One download: the status, the headers and the body. */
	record Download(int status, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return this.headers.getOrDefault(name.toLowerCase(), List.of()).stream().findFirst().orElse(null);
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> error() {
			Map<String, Object> json = JSON.readValue(this.body, Map.class);
			return ((List<Map<String, Object>>) json.get("errors")).get(0);
		}

		/** The CSV's rows, the header first; checks the byte-order mark. */
		List<List<String>> csv() throws IOException {
			if (this.body.length < 3 || (this.body[0] & 0xFF) != 0xEF || (this.body[1] & 0xFF) != 0xBB
					|| (this.body[2] & 0xFF) != 0xBF) {
				throw new AssertionError("no UTF-8 byte-order mark: " + new String(this.body, StandardCharsets.UTF_8));
			}
			try (var parser = CSVFormat.EXCEL.parse(new InputStreamReader(
					new ByteArrayInputStream(this.body, 3, this.body.length - 3), StandardCharsets.UTF_8))) {
				List<List<String>> rows = new ArrayList<>();
				for (CSVRecord record : parser) {
					rows.add(record.toList());
				}
				return rows;
			}
		}

		/**
		 * The workbook's rows as text, every sheet after the first without its repeated
		 * header.
		 */
		List<List<String>> xlsx() throws IOException {
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(this.body))) {
				List<List<String>> rows = new ArrayList<>();
				int width = -1;
				for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
					Sheet sheet = workbook.getSheetAt(s);
					for (int r = (s == 0) ? 0 : 1; r <= sheet.getLastRowNum(); r++) {
						Row row = sheet.getRow(r);
						if (width < 0) {
							width = row.getLastCellNum();
						}
						List<String> cells = new ArrayList<>();
						for (int c = 0; c < width; c++) {
							cells.add(text(row.getCell(c)));
						}
						rows.add(cells);
					}
				}
				return rows;
			}
		}

		private static String text(Cell cell) {
			if (cell == null) {
				return "";
			}
			if (cell.getCellType() == CellType.NUMERIC) {
				if (DateUtil.isCellDateFormatted(cell)) {
					return cell.getLocalDateTimeCellValue().toLocalDate().toString();
				}
				return new BigDecimal(String.valueOf(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
			}
			return new DataFormatter().formatCellValue(cell);
		}

	}

	Download get(String token, String path, Map<String, ?> params) {
		String query = params.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "="
					+ URLEncoder.encode(String.valueOf(entry.getValue()), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.base + path + (query.isEmpty() ? "" : "?" + query)))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofMinutes(5))
			.GET()
			.build();
		return send(request);
	}

	Download post(String token, String path, Map<String, ?> params) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(params)))
			.build();
		return send(request);
	}

	private Download send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			Map<String, List<String>> headers = new LinkedHashMap<>();
			response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values));
			return new Download(response.statusCode(), headers, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code /graphql}'s answer to a document: {@code data} and {@code errors} as maps.
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> graphQl(String token, String document, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/graphql"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
			.build();
		Download answer = send(request);
		if (answer.status() != 200) {
			throw new AssertionError(
					"/graphql answered " + answer.status() + ": " + new String(answer.body(), StandardCharsets.UTF_8));
		}
		return JSON.readValue(answer.body(), Map.class);
	}

	/**
	 * A cell as text, the way both files read back: numbers without trailing zeros, dates
	 * ISO, 是/否, and in CSV a text that a spreadsheet would take for a formula behind a
	 * quote mark.
	 */
	static String text(Column column, Object cell, boolean csv) {
		String text = text(column, cell);
		boolean number = cell instanceof Number || column.kind() == Column.Kind.NUMBER;
		if (csv && !number && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	private static String text(Column column, Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof Boolean bool) {
			return bool ? "是" : "否";
		}
		if (cell instanceof Number || column.kind() == Column.Kind.NUMBER) {
			return new BigDecimal(cell.toString()).stripTrailingZeros().toPlainString();
		}
		if (cell instanceof LocalDate date) {
			return date.toString();
		}
		return cell.toString();
	}

}
