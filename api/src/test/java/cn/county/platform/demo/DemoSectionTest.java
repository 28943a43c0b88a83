package cn.county.platform.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension point that later features use: a section gets every chunk and writes in
 * proportion.
 */
@Tag("db")
class DemoSectionTest {

	@Test
	void aSectionGetsEveryHouseholdInWholeVillagesAndWritesInTheSameTransactions() throws SQLException {
		DataSource plain = DemoDatabases.fresh("demo_gen_plain");
		DataSource extended = DemoDatabases.fresh("demo_gen_extended");
		execute(extended, "CREATE TABLE demo_probe (id BIGINT PRIMARY KEY, household_id BIGINT NOT NULL,"
				+ " member_id BIGINT NOT NULL, draw INT NOT NULL)");
		ProbeSection probe = new ProbeSection();

		DemoSummary withoutProbe = new DemoDataGenerator(plain, List.of()).generate(11, 1_500, (line) -> {
		});
		DemoSummary withProbe = new DemoDataGenerator(extended, List.of(probe)).generate(11, 1_500, (line) -> {
		});

		assertThat(probe.begun).isEqualTo(1);
		assertThat(probe.ended).isEqualTo(1);
		assertThat(probe.households).hasSize(1_500);
		assertThat(probe.lastSeen).isTrue();
		// Whole villages per chunk: each village's households all arrive with that
		// village.
		assertThat(probe.villageCounts).isEqualTo(probe.plannedCounts);
		long monitored = count(extended, "SELECT COUNT(*) FROM household WHERE category = 'MONITORED'");
		assertThat(count(extended, "SELECT COUNT(*) FROM demo_probe")).isEqualTo(monitored)
			.isEqualTo(withProbe.rows().get("demo_probe"));
		assertThat(count(extended, "SELECT COUNT(*) FROM demo_probe p JOIN member m ON m.id = p.member_id"
				+ " AND m.household_id = p.household_id AND m.relation = 'HEAD'"))
			.isEqualTo(monitored);
		assertThat(withProbe.faults()).containsEntry("PROBE_FAULT", monitored);
		// Adding a section leaves the households and members of the same seed exactly as
		// they were.
		String rows = "SELECT CONCAT_WS('|', id, code, head_name, income_per_capita, category) FROM household"
				+ " ORDER BY id";
		assertThat(strings(extended, rows)).isEqualTo(strings(plain, rows));
		assertThat(strings(extended, "SELECT CONCAT_WS('|', id, id_number) FROM member ORDER BY id"))
			.isEqualTo(strings(plain, "SELECT CONCAT_WS('|', id, id_number) FROM member ORDER BY id"));
		assertThat(withProbe.households()).isEqualTo(withoutProbe.households());
	}

	private static final class ProbeSection implements DemoSection {

		int begun;

		int ended;

		boolean lastSeen;

		final Set<Long> households = new HashSet<>();

		final Map<String, Integer> villageCounts = new HashMap<>();

		final Map<String, Integer> plannedCounts = new HashMap<>();

		@Override
		public String name() {
			return "probe";
		}

		@Override
		public void begin(DemoContext context) {
			this.begun++;
			for (DemoVillage village : context.geography().villages()) {
				this.plannedCounts.put(village.code(), village.households());
			}
		}

		@Override
		public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
			DemoTable probe = context.table("demo_probe", "id", "household_id", "member_id", "draw");
			Set<String> villages = new HashSet<>();
			chunk.villages().forEach((village) -> villages.add(village.code()));
			for (DemoHousehold household : chunk.households()) {
				assertThat(villages).contains(household.villageCode());
				this.households.add(household.id());
				this.villageCounts.merge(household.villageCode(), 1, Integer::sum);
				if (household.isMonitored()) {
					probe.row(context.ids().nextId(), household.id(), household.head().id(),
							context.random().nextInt(100));
					context.fault("PROBE_FAULT");
				}
			}
			this.lastSeen |= chunk.last();
		}

		@Override
		public void end(DemoContext context) {
			this.ended++;
		}

	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long count(DataSource dataSource, String sql) throws SQLException {
		List<String> rows = strings(dataSource, sql);
		return Long.parseLong(rows.get(0));
	}

	private static List<String> strings(DataSource dataSource, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}

}
