package cn.county.platform.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

/**
 * Fills an empty database with a deterministic demo county: towns, villages, households,
 * risk causes and members, then whatever the further {@link DemoSection}s add chunk by
 * chunk. The same seed and household count always give the same rows, ids included, so a
 * demo, a benchmark and a test can refer to the same data.
 * <p>
 * Rows go out as multi-row inserts committed every chunk of about a thousand households
 * (some five thousand rows). Foreign-key and unique checks are switched off for the
 * session while it writes, since the generator makes the keys itself, and switched back
 * on before the connection is handed back.
 */
public final class DemoDataGenerator {

	public static final long DEFAULT_SEED = 20231231L;

	public static final int DEFAULT_HOUSEHOLDS = 20_000;

	/**
	 * The day the demo data describes: 2023 incomes, inspections in the last quarter of
	 * 2023. Ages and the checks that depend on them (school age, overdue inspections)
	 * hold on this day, not on the day the demo runs.
	 */
	public static final LocalDate AS_OF = LocalDate.of(2023, 12, 31);

	/**
	 * Where the synthetic clock of the ids starts, and the created_at of every row: the
	 * evening of AS_OF.
	 */
	static final long WRITTEN_AT_MILLIS = OffsetDateTime.of(2023, 12, 31, 20, 0, 0, 0, ZoneOffset.ofHours(8))
		.toInstant()
		.toEpochMilli();

	/**
	 * About five thousand rows a commit at most; smaller runs get smaller chunks so
	 * progress still comes every 5%.
	 */
	private static final int MAX_CHUNK_HOUSEHOLDS = 1_000;

	private final DataSource dataSource;

	private final List<DemoSection> sections;

	/**
	 * Households and members, followed by every feature's section
	 * ({@link DemoSections#scanned()}).
	 */
	public DemoDataGenerator(DataSource dataSource) {
		this(dataSource, DemoSections.scanned());
	}

	/** Households and members, followed by the given sections in order. */
	public DemoDataGenerator(DataSource dataSource, List<DemoSection> sections) {
		this.dataSource = dataSource;
		List<DemoSection> all = new ArrayList<>();
		all.add(new HouseholdSection());
		all.addAll(sections);
		this.sections = List.copyOf(all);
	}

	public DemoSummary generate(long seed, int households, Consumer<String> progress) throws SQLException {
		long started = System.nanoTime();
		DemoGeography geography = DemoGeography.plan(households, seed);
		progress.accept(String.format("Demo data: %,d households in %,d towns and %,d villages, seed %d", households,
				geography.towns().size(), geography.villages().size(), seed));
		Map<String, Long> faults = new TreeMap<>();
		List<DemoContext> contexts = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			requireEmpty(connection);
			boolean autoCommit = connection.getAutoCommit();
			long[] checks = sessionChecks(connection);
			Exception failure = null;
			try {
				connection.setAutoCommit(false);
				execute(connection, "SET SESSION foreign_key_checks = 0, unique_checks = 0, timestamp = "
						+ (WRITTEN_AT_MILLIS / 1000));
				for (DemoSection section : this.sections) {
					DemoContext context = new DemoContext(section.name(), seed, geography, connection, faults);
					contexts.add(context);
					section.begin(context);
				}
				commit(connection, contexts);
				writeChunks(geography, seed, faults, contexts, connection, started, progress);
				for (int s = 0; s < this.sections.size(); s++) {
					this.sections.get(s).end(contexts.get(s));
				}
				// the load went past the API: a dashboard read while it ran may have
				// stored towns half loaded
				execute(connection, "DELETE FROM dashboard_rollup");
				commit(connection, contexts);
			}
			catch (SQLException | RuntimeException ex) {
				failure = ex;
				rollback(connection, ex);
				throw ex;
			}
			finally {
				// A pooled connection goes back to the application: it must not keep
				// checks off or a frozen clock.
				try {
					for (DemoContext context : contexts) {
						context.close();
					}
					execute(connection, "SET SESSION foreign_key_checks = " + checks[0] + ", unique_checks = "
							+ checks[1] + ", timestamp = DEFAULT");
					connection.setAutoCommit(autoCommit);
				}
				catch (SQLException ex) {
					if (failure == null) {
						throw ex;
					}
					failure.addSuppressed(ex);
				}
			}
		}
		Map<String, Long> rows = rows(contexts);
		DemoSummary summary = new DemoSummary(seed, geography.towns().size(), geography.villages().size(),
				rows.getOrDefault("household", 0L), rows.getOrDefault("member", 0L), Collections.unmodifiableMap(rows),
				Collections.unmodifiableMap(new TreeMap<>(faults)), Duration.ofNanos(System.nanoTime() - started));
		progress.accept(String.format(
				"Demo data written: %,d towns, %,d villages, %,d households, %,d members, %,d rows in %.1f s "
						+ "(%,.0f rows/s); planted faults %s",
				summary.towns(), summary.villages(), summary.households(), summary.members(), summary.totalRows(),
				summary.elapsed().toMillis() / 1000.0, summary.rowsPerSecond(), faults));
		return summary;
	}

	private void writeChunks(DemoGeography geography, long seed, Map<String, Long> faults, List<DemoContext> contexts,
			Connection connection, long started, Consumer<String> progress) throws SQLException {
		int households = geography.households();
		HouseholdFactory factory = new HouseholdFactory(seed, faults);
		List<List<DemoVillage>> chunks = geography.chunks(Math.max(1, Math.min(MAX_CHUNK_HOUSEHOLDS, households / 20)));
		long done = 0;
		int reported = 0;
		for (int c = 0; c < chunks.size(); c++) {
			List<DemoHousehold> chunkHouseholds = new ArrayList<>();
			for (DemoVillage village : chunks.get(c)) {
				chunkHouseholds.addAll(factory.households(village));
			}
			DemoChunk chunk = new DemoChunk(c, List.copyOf(chunks.get(c)), List.copyOf(chunkHouseholds),
					c == chunks.size() - 1);
			for (int s = 0; s < this.sections.size(); s++) {
				this.sections.get(s).accept(chunk, contexts.get(s));
			}
			commit(connection, contexts);
			done += chunkHouseholds.size();
			int percent = (int) (done * 100 / households);
			if (percent / 5 > reported / 5) {
				reported = percent;
				long rows = rows(contexts).values().stream().mapToLong(Long::longValue).sum();
				double seconds = (System.nanoTime() - started) / 1e9;
				progress.accept(String.format("Demo data %3d%%: %,d of %,d households, %,d rows, %,.0f rows/s", percent,
						done, households, rows, rows / Math.max(seconds, 1e-3)));
			}
		}
	}

	/**
	 * Ids from a clock that ticks once per id from a fixed instant, so that they depend
	 * on the seed alone.
	 */
	static LongSupplier syntheticClock() {
		AtomicLong now = new AtomicLong(WRITTEN_AT_MILLIS);
		return now::getAndIncrement;
	}

	/**
	 * A seed of its own for each section, so that one section's draws never shift
	 * another's.
	 */
	static long salt(long seed, String section) {
		long hash = 1125899906842597L;
		for (int i = 0; i < section.length(); i++) {
			hash = 31 * hash + section.charAt(i);
		}
		return seed ^ (hash * 0x9E3779B97F4A7C15L);
	}

	private static void requireEmpty(Connection connection) throws SQLException {
		for (String table : List.of("town", "household")) {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
				if (result.next()) {
					throw new IllegalStateException(
							"Table " + table + " already has rows; the demo generator only fills an empty database");
				}
			}
		}
	}

	private static long[] sessionChecks(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT @@SESSION.foreign_key_checks + 0, @@SESSION.unique_checks + 0")) {
			result.next();
			return new long[] { result.getLong(1), result.getLong(2) };
		}
	}

	private static void commit(Connection connection, List<DemoContext> contexts) throws SQLException {
		for (DemoContext context : contexts) {
			context.flush();
		}
		connection.commit();
	}

	private static void rollback(Connection connection, Exception cause) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			cause.addSuppressed(ex);
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static Map<String, Long> rows(List<DemoContext> contexts) {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (DemoContext context : contexts) {
			for (DemoTable table : context.tables()) {
				rows.merge(table.name(), table.written(), Long::sum);
			}
		}
		return rows;
	}

}
