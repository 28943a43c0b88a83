package cn.county.platform.courtyard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;

/** A household's courtyard-economy record for one year, as stored. */
public record CourtyardHousehold(long id, long householdId, int year, CourtyardCategory category,
		CourtyardStatus status, BigDecimal area, BigDecimal income, String nominatedBy, String decidedBy,
		LocalDate decidedOn, int version, OffsetDateTime updatedAt) implements HouseholdOwned {
}
