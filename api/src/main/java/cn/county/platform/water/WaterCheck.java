package cn.county.platform.water;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.InTown;

/**
 * One facility check or quality test of a supply point; {@code townCode} is the point's,
 * which places the write for the dashboard.
 */
public record WaterCheck(long id, long pointId, String townCode, WaterCheckKind kind, LocalDate checkedOn,
		boolean passed, String findings, String recordedBy, OffsetDateTime recordedAt) implements InTown {
}
