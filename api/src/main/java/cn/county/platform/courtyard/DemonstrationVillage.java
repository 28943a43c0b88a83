package cn.county.platform.courtyard;

import java.time.OffsetDateTime;

import cn.county.platform.common.InTown;

/** A town's demonstration village for a year, with the names of both joined in. */
public record DemonstrationVillage(String townCode, String townName, String villageCode, String villageName, int year,
		String designatedBy, OffsetDateTime designatedAt) implements InTown {
}
