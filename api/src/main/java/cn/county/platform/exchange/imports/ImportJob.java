package cn.county.platform.exchange.imports;

import java.time.OffsetDateTime;

/**
 * One upload and its progress, as stored: counts grow while it runs, so a reader polling
 * it sees how far it is. {@code rowsApplied} are rows whose record changed (or, in a dry
 * run, would change), {@code rowsUnchanged} rows that already matched what is stored,
 * {@code rowsRefused} rows refused with a reason (see {@link ImportRefusal}).
 */
public record ImportJob(long id, ImportKind kind, ImportStatus status, boolean dryRun, String fileName,
		String fileFormat, String fileSha256, long fileBytes, String createdBy, String createdBySubject, int rowsRead,
		int rowsApplied, int rowsUnchanged, int rowsRefused, int recordsCreated, int recordsUpdated, String error,
		String header, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
