package cn.county.platform.funds;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import cn.county.platform.common.InTown;

/** A village collective's income for a year from one source (村集体经济, item 13). */
public record CollectiveIncome(String villageCode, String villageName, String townCode, int year, IncomeSource source,
		BigDecimal amount, Long projectId, String recordedBy, int version, OffsetDateTime updatedAt) implements InTown {
}
