package cn.county.platform.demo;

import java.time.Duration;
import java.util.Map;

/**
 * What one run of the generator wrote. {@code rows} has a count per table, {@code faults}
 * a count per planted fault kind (the names of {@link DemoFault} and any that sections
 * add).
 */
public record DemoSummary(long seed, int towns, int villages, long households, long members, Map<String, Long> rows,
		Map<String, Long> faults, Duration elapsed) {

	public long fault(DemoFault fault) {
		return this.faults.getOrDefault(fault.name(), 0L);
	}

	public long totalRows() {
		return this.rows.values().stream().mapToLong(Long::longValue).sum();
	}

	public double rowsPerSecond() {
		return totalRows() * 1000.0 / Math.max(1, this.elapsed.toMillis());
	}

}
