package cn.county.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code bench/explain.sql} against the benchmark database once the API has migrated
 * it, and prints each {@code EXPLAIN} as a text table under the comment that precedes it.
 * Statements are separated by a semicolon at the end of a line; {@code SET} statements
 * pick the rows the plans are asked about.
 */
final class Explain {

	private Explain() {
	}

	static String run(Connection connection, Path script) throws IOException, SQLException {
		StringBuilder out = new StringBuilder();
		for (String chunk : Files.readString(script).split(";\\s*\\n")) {
			StringBuilder comment = new StringBuilder();
			StringBuilder sql = new StringBuilder();
			for (String line : chunk.strip().split("\n")) {
				if (line.startsWith("--")) {
					comment.append(line).append('\n');
				}
				else if (!line.isBlank()) {
					sql.append(line).append('\n');
				}
			}
			if (sql.isEmpty()) {
				continue;
			}
			try (Statement statement = connection.createStatement()) {
				boolean rows = statement.execute(sql.toString());
				if (rows && comment.length() > 0) {
					out.append(comment);
				}
				if (rows) {
					try (ResultSet result = statement.getResultSet()) {
						out.append(table(result)).append('\n');
					}
				}
			}
		}
		return out.toString();
	}

	static String table(ResultSet result) throws SQLException {
		ResultSetMetaData meta = result.getMetaData();
		int columns = meta.getColumnCount();
		List<String[]> rows = new ArrayList<>();
		String[] header = new String[columns];
		for (int c = 0; c < columns; c++) {
			header[c] = meta.getColumnLabel(c + 1);
		}
		rows.add(header);
		while (result.next()) {
			String[] row = new String[columns];
			for (int c = 0; c < columns; c++) {
				String value = result.getString(c + 1);
				row[c] = (value != null) ? value : "NULL";
			}
			rows.add(row);
		}
		int[] widths = new int[columns];
		for (String[] row : rows) {
			for (int c = 0; c < columns; c++) {
				widths[c] = Math.max(widths[c], row[c].length());
			}
		}
		StringBuilder text = new StringBuilder();
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < columns; c++) {
				text.append((c == 0) ? "" : " | ").append(String.format("%-" + widths[c] + "s", rows.get(r)[c]));
			}
			text.append('\n');
			if (r == 0) {
				for (int c = 0; c < columns; c++) {
					text.append((c == 0) ? "" : "-+-").append("-".repeat(widths[c]));
				}
				text.append('\n');
			}
		}
		return text.toString();
	}

}
