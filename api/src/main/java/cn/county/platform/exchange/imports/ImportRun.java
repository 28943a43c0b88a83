package cn.county.platform.exchange.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.county.platform.exchange.sheet.SheetReader.Row;
import cn.county.platform.security.Caller;
import cn.county.platform.security.FieldPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state of one running import: who runs it, whether it is a dry run, the file's
 * header, and its counts and refused rows, which {@link #progress()} writes to the job
 * (outside the chunk's transaction, so a dry run, whose chunks roll back, still leaves
 * its report, and a refused row leaves nothing but its refusal).
 */
public final class ImportRun {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ImportJob job;

	private final Caller caller;

	private final Header header;

	private final FieldPolicy policy;

	private final ImportJobMapper jobs;

	private final int maxStoredRefusals;

	private final List<ImportRefusal> pending = new ArrayList<>();

	private int seq;

	private int rowsRead;

	private int rowsApplied;

	private int rowsUnchanged;

	private int rowsRefused;

	private int lastRefusedRow = -1;

	private int created;

	private int updated;

	ImportRun(ImportJob job, Caller caller, Header header, FieldPolicy policy, ImportJobMapper jobs,
			int maxStoredRefusals) {
		this.job = job;
		this.caller = caller;
		this.header = header;
		this.policy = policy;
		this.jobs = jobs;
		this.maxStoredRefusals = maxStoredRefusals;
	}

	public Caller caller() {
		return this.caller;
	}

	public boolean dryRun() {
		return this.job.dryRun();
	}

	public long jobId() {
		return this.job.id();
	}

	public Header header() {
		return this.header;
	}

	public String cell(Row row, ImportColumn column) {
		return this.header.cell(row, column);
	}

	void read() {
		this.rowsRead++;
	}

	public int rowsRead() {
		return this.rowsRead;
	}

	public int rowsApplied() {
		return this.rowsApplied;
	}

	public void applied(int rows, int createdRecords, int updatedRecords) {
		this.rowsApplied += rows;
		this.created += createdRecords;
		this.updated += updatedRecords;
	}

	public void unchanged(int rows) {
		this.rowsUnchanged += rows;
	}

	/**
	 * Refuses a row: {@code column} is the column at fault (null for the row as a whole);
	 * its value is kept as the caller may see it under the field policy (whole, masked,
	 * or not at all).
	 */
	public void refuse(Row row, ImportColumn column, String reason) {
		if (row.number() != this.lastRefusedRow) {
			// a row refused for several reasons is one refused row
			this.rowsRefused++;
			this.lastRefusedRow = row.number();
		}
		if (this.seq >= this.maxStoredRefusals) {
			return;
		}
		String value = (column != null) ? shown(column, this.header.cell(row, column)) : null;
		this.pending.add(new ImportRefusal(this.job.id(), ++this.seq, row.number(),
				(column != null) ? this.header.name(column) : null, truncate(reason, 500), truncate(value, 200),
				JSON.writeValueAsString(row.cells())));
	}

	/**
	 * The value as the caller sees the column's field: whole, masked, or null when it may
	 * not read it.
	 */
	String shown(ImportColumn column, String raw) {
		if (raw == null || raw.isEmpty() || column.policyField() == null) {
			return raw;
		}
		String[] coordinates = column.policyField().split("\\.", 2);
		return switch (this.policy.decide(this.caller, coordinates[0], coordinates[1], Set.of())) {
			case WHOLE -> raw;
			case MASKED -> String.valueOf(this.policy.maskOf(coordinates[0], coordinates[1]).apply(raw));
			case FORBIDDEN -> null;
		};
	}

	/**
	 * Writes the counts so far and the refusals not yet written; also the job's
	 * heartbeat.
	 */
	public void progress() {
		if (!this.pending.isEmpty()) {
			for (int from = 0; from < this.pending.size(); from += 500) {
				this.jobs.insertRefusals(this.pending.subList(from, Math.min(this.pending.size(), from + 500)));
			}
			this.pending.clear();
		}
		this.jobs.updateProgress(this.job.id(), this.rowsRead, this.rowsApplied, this.rowsUnchanged, this.rowsRefused,
				this.created, this.updated);
	}

	private static String truncate(String text, int max) {
		return (text != null && text.length() > max) ? text.substring(0, max) : text;
	}

}
