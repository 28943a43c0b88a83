package cn.county.platform.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checksums of whole tables, taken before and after a refused request to prove it wrote
 * nothing. {@code CHECKSUM TABLE} is answered alike by MySQL and MariaDB.
 */
public final class DatabaseSnapshot {

	private DatabaseSnapshot() {
	}

	public static Map<String, Object> of(JdbcTemplate jdbc, String... tables) {
		Map<String, Object> sums = new LinkedHashMap<>();
		for (String table : tables) {
			List<Map<String, Object>> rows = jdbc.queryForList("CHECKSUM TABLE " + table);
			sums.put(table, rows.get(0).get("Checksum"));
			sums.put(table + ".rows", jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
		}
		return sums;
	}

}
