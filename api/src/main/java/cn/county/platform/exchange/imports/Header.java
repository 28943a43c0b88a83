package cn.county.platform.exchange.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.county.platform.exchange.sheet.SheetException;
import cn.county.platform.exchange.sheet.SheetReader.Row;

/**
 * Where each column of an import is in one file: found by its header text (as configured,
 * else the default), in any order; columns the import does not know are ignored. A file
 * without a required column is refused whole.
 */
public final class Header {

	private final Map<ImportColumn, Integer> indexes;

	private final Map<ImportColumn, String> names;

	private final List<String> cells;

	private Header(Map<ImportColumn, Integer> indexes, Map<ImportColumn, String> names, List<String> cells) {
		this.indexes = indexes;
		this.names = names;
		this.cells = cells;
	}

	public static Header of(Row row, List<? extends ImportColumn> columns, Map<String, String> configured)
			throws SheetException {
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < row.cells().size(); i++) {
			positions.putIfAbsent(normalize(row.cells().get(i)), i);
		}
		Map<ImportColumn, Integer> indexes = new HashMap<>();
		Map<ImportColumn, String> names = new HashMap<>();
		List<String> missing = new ArrayList<>();
		for (ImportColumn column : columns) {
			String name = configured.getOrDefault(column.key(), column.defaultHeader());
			names.put(column, name);
			Integer index = positions.get(normalize(name));
			if (index != null) {
				indexes.put(column, index);
			}
			else if (column.required()) {
				missing.add(name);
			}
		}
		if (!missing.isEmpty()) {
			throw new SheetException("缺少必需的列（missing required columns）: " + String.join("、", missing)
					+ "；第 1 行应为表头（row 1 must be the header）");
		}
		return new Header(indexes, names, row.cells());
	}

	/**
	 * Header cells compare without spaces and with ASCII brackets, as provinces' exports
	 * vary in both.
	 */
	static String normalize(String text) {
		return text.replaceAll("\\s+", "").replace('（', '(').replace('）', ')');
	}

	public boolean has(ImportColumn column) {
		return this.indexes.containsKey(column);
	}

	/** The column's cell in the row, stripped; "" when the file has no such column. */
	public String cell(Row row, ImportColumn column) {
		Integer index = this.indexes.get(column);
		return (index != null) ? row.cell(index).strip() : "";
	}

	/** The header text of the column, as this file (or the configuration) names it. */
	public String name(ImportColumn column) {
		return this.names.get(column);
	}

	/** The header row as uploaded, for the report. */
	public List<String> cells() {
		return this.cells;
	}

}
