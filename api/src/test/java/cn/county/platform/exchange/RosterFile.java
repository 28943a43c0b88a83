package cn.county.platform.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.county.platform.exchange.imports.ImportColumn;
import cn.county.platform.exchange.sheet.SheetFormat;
import cn.county.platform.exchange.sheet.SheetWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A spreadsheet a test builds row by row, in the layout of an import's columns (their
 * default headers), written as XLSX through {@link SheetWriter} or as CSV in a given
 * charset, with or without a byte-order mark.
 *
 * @param <C> the import's column type
 */
final class RosterFile<C extends Enum<C> & ImportColumn> {

	private final Class<C> columns;

	private final List<Map<C, String>> rows = new ArrayList<>();

	RosterFile(Class<C> columns) {
		this.columns = columns;
	}

	/** Adds a row; returns it to fill in. */
	Map<C, String> row() {
		Map<C, String> row = new EnumMap<>(this.columns);
		this.rows.add(row);
		return row;
	}

	Map<C, String> row(Map<C, String> cells) {
		Map<C, String> row = row();
		row.putAll(cells);
		return row;
	}

	List<Map<C, String>> rows() {
		return this.rows;
	}

	/**
	 * The header and the cells, every column of the import in enum order, except those
	 * left out.
	 */
	List<List<String>> table(List<C> without) {
		List<C> used = new ArrayList<>();
		for (C column : this.columns.getEnumConstants()) {
			if (!without.contains(column)) {
				used.add(column);
			}
		}
		List<List<String>> table = new ArrayList<>();
		table.add(used.stream().map(ImportColumn::defaultHeader).toList());
		for (Map<C, String> row : this.rows) {
			table.add(used.stream().map((column) -> row.getOrDefault(column, "")).toList());
		}
		return table;
	}

	byte[] xlsx() {
		return xlsx(List.of());
	}

	byte[] xlsx(List<C> without) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SheetWriter sheet = SheetWriter.open(SheetFormat.XLSX, out, "花名册")) {
			for (List<String> row : table(without)) {
				sheet.row(row);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	byte[] csv(Charset charset, boolean bom) {
		return csv(charset, bom, List.of());
	}

	byte[] csv(Charset charset, boolean bom, List<C> without) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(out, charset)) {
			if (bom) {
				writer.write('\uFEFF');
			}
			try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
				for (List<String> row : table(without)) {
					printer.printRecord(row);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	static byte[] utf8Csv(List<List<String>> table) {
		StringBuilder text = new StringBuilder();
		for (List<String> row : table) {
			text.append(String.join(",", row)).append("\r\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	static <K> Map<K, String> cells(Object... pairs) {
		Map<K, String> cells = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			@SuppressWarnings("unchecked")
			K key = (K) pairs[i];
			cells.put(key, String.valueOf(pairs[i + 1]));
		}
		return cells;
	}

}
