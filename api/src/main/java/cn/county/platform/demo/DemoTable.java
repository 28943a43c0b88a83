package cn.county.platform.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

/**
 * Rows for one table, sent as multi-row {@code INSERT ... VALUES (...), (...)}
 * statements. The statements are built here rather than left to the driver's
 * {@code rewriteBatchedStatements}, so a data source configured without that flag (or a
 * different driver) is not a hundred times slower.
 */
public final class DemoTable {

	/**
	 * Keeps a statement well under the default 16 MB max_allowed_packet even for wide
	 * rows.
	 */
	private static final int ROWS_PER_STATEMENT = 500;

	private final Connection connection;

	private final String table;

	private final String[] columns;

	private final Object[] buffer;

	private int buffered;

	private long written;

	private PreparedStatement fullStatement;

	DemoTable(Connection connection, String table, String... columns) {
		this.connection = connection;
		this.table = table;
		this.columns = columns;
		this.buffer = new Object[ROWS_PER_STATEMENT * columns.length];
	}

	public String name() {
		return this.table;
	}

	/**
	 * Adds a row; values in the order of the columns given to {@link DemoContext#table}.
	 * Strings, numbers, booleans, {@link LocalDate} and null are supported.
	 */
	public void row(Object... values) throws SQLException {
		if (values.length != this.columns.length) {
			throw new IllegalArgumentException(
					this.table + " takes " + this.columns.length + " values, not " + values.length);
		}
		System.arraycopy(values, 0, this.buffer, this.buffered * this.columns.length, values.length);
		this.buffered++;
		if (this.buffered == ROWS_PER_STATEMENT) {
			if (this.fullStatement == null) {
				this.fullStatement = this.connection.prepareStatement(insert(ROWS_PER_STATEMENT));
			}
			execute(this.fullStatement, ROWS_PER_STATEMENT);
		}
	}

	/** Rows written to the database so far, not counting those still buffered. */
	public long written() {
		return this.written;
	}

	void flush() throws SQLException {
		if (this.buffered > 0) {
			try (PreparedStatement statement = this.connection.prepareStatement(insert(this.buffered))) {
				execute(statement, this.buffered);
			}
		}
	}

	void close() throws SQLException {
		if (this.fullStatement != null) {
			this.fullStatement.close();
			this.fullStatement = null;
		}
	}

	private void execute(PreparedStatement statement, int rows) throws SQLException {
		int count = rows * this.columns.length;
		for (int i = 0; i < count; i++) {
			bind(statement, i + 1, this.buffer[i]);
			this.buffer[i] = null;
		}
		statement.executeUpdate();
		this.written += rows;
		this.buffered = 0;
	}

	private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
		if (value == null) {
			statement.setNull(index, Types.NULL);
		}
		else if (value instanceof String string) {
			statement.setString(index, string);
		}
		else if (value instanceof Long number) {
			statement.setLong(index, number);
		}
		else if (value instanceof Integer number) {
			statement.setInt(index, number);
		}
		else if (value instanceof Boolean flag) {
			statement.setBoolean(index, flag);
		}
		else if (value instanceof BigDecimal number) {
			statement.setBigDecimal(index, number);
		}
		else if (value instanceof LocalDate date) {
			// As text: the server reads it as a DATE with no time-zone conversion on the
			// way.
			statement.setString(index, date.toString());
		}
		else {
			statement.setObject(index, value);
		}
	}

	private String insert(int rows) {
		StringBuilder sql = new StringBuilder(64 + rows * (this.columns.length * 2 + 3));
		sql.append("INSERT INTO ").append(this.table).append(" (").append(String.join(", ", this.columns));
		sql.append(") VALUES ");
		for (int r = 0; r < rows; r++) {
			sql.append((r > 0) ? ",(" : "(");
			for (int c = 0; c < this.columns.length; c++) {
				sql.append((c > 0) ? ",?" : "?");
			}
			sql.append(')');
		}
		return sql.toString();
	}

}
