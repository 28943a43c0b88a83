package cn.county.platform.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.county.platform.common.IdGenerator;

/**
 * What a {@link DemoSection} works with: its own random stream and ids, the geography of
 * the whole run, and tables to write rows to. Rows are flushed and committed by the
 * generator at the end of each chunk.
 */
public final class DemoContext {

	private final String section;

	private final long seed;

	private final DemoGeography geography;

	private final Connection connection;

	private final SplittableRandom random;

	private final IdGenerator ids;

	private final Map<String, DemoTable> tables = new LinkedHashMap<>();

	private final Map<String, Long> faults;

	DemoContext(String section, long seed, DemoGeography geography, Connection connection, Map<String, Long> faults) {
		this.section = section;
		this.seed = seed;
		this.geography = geography;
		this.connection = connection;
		long salted = DemoDataGenerator.salt(seed, section);
		this.random = new SplittableRandom(salted);
		this.ids = new IdGenerator(DemoDataGenerator.syntheticClock(), salted);
		this.faults = faults;
	}

	public String section() {
		return this.section;
	}

	public long seed() {
		return this.seed;
	}

	/**
	 * The day the data describes; ages, inspection and check dates are relative to it.
	 */
	public LocalDate asOf() {
		return DemoDataGenerator.AS_OF;
	}

	public DemoGeography geography() {
		return this.geography;
	}

	public SplittableRandom random() {
		return this.random;
	}

	public IdGenerator ids() {
		return this.ids;
	}

	/**
	 * The writer for a table; the same writer for the same table name, so columns are
	 * fixed by the first call.
	 */
	public DemoTable table(String table, String... columns) {
		return this.tables.computeIfAbsent(table, (name) -> new DemoTable(this.connection, name, columns));
	}

	/** Counts a planted fault so that the summary, and tests, know how many to expect. */
	public void fault(String kind) {
		this.faults.merge(kind, 1L, Long::sum);
	}

	/** For the rare section that needs more than inserts; the generator owns commits. */
	public Connection connection() {
		return this.connection;
	}

	List<DemoTable> tables() {
		return List.copyOf(this.tables.values());
	}

	void flush() throws SQLException {
		for (DemoTable table : this.tables.values()) {
			table.flush();
		}
	}

	void close() throws SQLException {
		for (DemoTable table : this.tables.values()) {
			table.close();
		}
	}

}
