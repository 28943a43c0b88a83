package cn.county.platform.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.InTown;

/**
 * One entry of a project's ledger. Entries are never changed: a correction is a negative
 * entry naming the one it corrects ({@code correctsId}). It names its project's town, so
 * the audit trail places the write in that town for the dashboard's rollup.
 */
public record Disbursement(long id, long projectId, String townCode, LocalDate paidOn, BigDecimal amount,
		String voucherNumber, Long correctsId, String note, String recordedBy,
		OffsetDateTime createdAt) implements InTown {
}
