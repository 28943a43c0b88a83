package cn.county.platform.exchange.imports;

import java.util.List;
import java.util.Map;

import cn.county.platform.exchange.sheet.SheetReader.Row;
import cn.county.platform.security.Caller;

/**
 * One kind of import: its columns, who may upload it, and what it does with the rows.
 * {@link ImportJobService} reads the file, resolves the header and hands the rows to the
 * {@link Sink} in file order; the sink groups them into units that are written whole or
 * not at all (a household and its members; one warning) and writes them in chunks through
 * {@link ImportTransactions}.
 */
public interface Importer {

	ImportKind kind();

	List<? extends ImportColumn> columns();

	/** Header names configured for this deployment, by column key. */
	Map<String, String> configuredHeaders();

	/**
	 * Refuses (with a FORBIDDEN {@code DomainException}) a caller who may not upload this
	 * kind at all.
	 */
	void authorize(Caller caller);

	Sink open(ImportRun run);

	/** Receives the data rows of one file. */
	interface Sink {

		void row(Row row);

		/** After the last row: write what is still buffered. */
		void end();

	}

}
