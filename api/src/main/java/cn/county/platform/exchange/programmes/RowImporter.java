package cn.county.platform.exchange.programmes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.Violation;
import cn.county.platform.exchange.imports.Cells;
import cn.county.platform.exchange.imports.ImportColumn;
import cn.county.platform.exchange.imports.ImportKind;
import cn.county.platform.exchange.imports.ImportProperties;
import cn.county.platform.exchange.imports.ImportRun;
import cn.county.platform.exchange.imports.ImportTransactions;
import cn.county.platform.exchange.imports.Importer;
import cn.county.platform.exchange.sheet.SheetReader.Row;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Role;

/**
 * A programme roster of one record per row (a training, a certificate, a loan, a
 * repayment, a sale), on the mechanism of every import: each row is read into a unit (or
 * refused with the reasons of its cells), the units written in chunks through
 * {@link ImportTransactions} by the domain's own service, a refusal of the service listed
 * against the row and the column its field names. A subclass says who may upload, how a
 * row reads and how it is written; {@link #write} answers false for a row already stored
 * as it is, so the same file twice changes nothing.
 *
 * @param <C> the columns
 * @param <U> what a row says, read
 */
public abstract class RowImporter<C extends Enum<C> & ImportColumn, U> implements Importer {

	/**
	 * The department whose domain a roster is, its Chinese name, and whether town
	 * officials may upload it too (their town's rows), as its service lets them write.
	 */
	record Owner(String department, String name, boolean townOfficials) {

		static final Owner HRSS = new Owner("HRSS", "人社局", true);

		static final Owner FINANCE = new Owner("FINANCE", "财政局", false);

		static final Owner COMMERCE = new Owner("COMMERCE", "商务局", true);

	}

	private final ImportKind kind;

	private final Owner owner;

	private final Class<C> columns;

	private final ImportTransactions transactions;

	private final ImportProperties imports;

	private final ProgrammeImportProperties properties;

	RowImporter(ImportKind kind, Owner owner, Class<C> columns, ImportTransactions transactions,
			ImportProperties imports, ProgrammeImportProperties properties) {
		this.kind = kind;
		this.owner = owner;
		this.columns = columns;
		this.transactions = transactions;
		this.imports = imports;
		this.properties = properties;
	}

	@Override
	public ImportKind kind() {
		return this.kind;
	}

	@Override
	public List<C> columns() {
		return Arrays.asList(this.columns.getEnumConstants());
	}

	@Override
	public Map<String, String> configuredHeaders() {
		return this.properties.of(this.kind);
	}

	/**
	 * County admins upload every kind; otherwise the department whose domain it is (and
	 * the roles its service lets write it).
	 */
	@Override
	public void authorize(Caller caller) {
		boolean towns = this.owner.townOfficials();
		if (caller.has(Role.COUNTY_ADMIN)
				|| (caller.has(Role.DEPARTMENT_OFFICER) && this.owner.department().equals(caller.department()))
				|| (towns && caller.has(Role.TOWN_OFFICIAL))) {
			return;
		}
		throw new DomainException(new Violation("kind",
				"只有县级管理员" + (towns ? "、乡镇干部" : "") + "和" + this.owner.name() + "可导入此类数据（only county admins"
						+ (towns ? ", town officials" : "") + " and " + this.owner.department() + " import "
						+ this.kind.path() + "）",
				ErrorClassification.FORBIDDEN));
	}

	/**
	 * The row read: its unit, or null with the problems of its cells put in the reading.
	 */
	abstract U read(Reading<C> row);

	/** Writes the unit through the service; false when it is stored as it is already. */
	abstract boolean write(Caller caller, U unit);

	/** The column a violation of the service names, or null for the row as a whole. */
	abstract C columnOf(String field);

	@Override
	public Sink open(ImportRun run) {
		return new RowSink(run);
	}

	private record Unit<U>(Row row, U read) {
	}

	private final class RowSink implements Sink {

		private final ImportRun run;

		private final List<Unit<U>> chunk = new ArrayList<>();

		RowSink(ImportRun run) {
			this.run = run;
		}

		@Override
		public void row(Row row) {
			Reading<C> reading = new Reading<>(this.run, row);
			U read = read(reading);
			if (!reading.problems.isEmpty() || read == null) {
				reading.problems.forEach((column, reason) -> this.run.refuse(row, column, reason));
				return;
			}
			this.chunk.add(new Unit<>(row, read));
			if (this.chunk.size() >= RowImporter.this.imports.chunkUnits()) {
				flush();
			}
		}

		@Override
		public void end() {
			flush();
		}

		private void flush() {
			RowImporter.this.transactions.run(this.chunk, this.run.dryRun(),
					(unit) -> write(this.run.caller(), unit.read()), new ImportTransactions.Outcome<>() {
						@Override
						public void changed(Unit<U> unit) {
							RowSink.this.run.applied(1, 0, 0);
						}

						@Override
						public void unchanged(Unit<U> unit) {
							RowSink.this.run.unchanged(1);
						}

						@Override
						public void refused(Unit<U> unit, DomainException refusal) {
							for (Violation violation : refusal.violations()) {
								RowSink.this.run.refuse(unit.row(), columnOf(violation.field()), violation.reason());
							}
						}
					});
			this.chunk.clear();
			this.run.progress();
		}

	}

	/**
	 * One row's cells as values, each problem kept against its column (the first per
	 * column): a reader asks for every cell, then looks at {@link #ok()}.
	 */
	static final class Reading<C extends ImportColumn> {

		private final ImportRun run;

		private final Row row;

		private final Map<C, String> problems = new LinkedHashMap<>();

		Reading(ImportRun run, Row row) {
			this.run = run;
			this.row = row;
		}

		boolean ok() {
			return this.problems.isEmpty();
		}

		void problem(C column, String reason) {
			this.problems.putIfAbsent(column, reason);
		}

		/**
		 * The cell, stripped; "" when empty (a required column's empty cell is a
		 * problem).
		 */
		String text(C column) {
			String value = this.run.cell(this.row, column);
			if (value.isEmpty() && column.required()) {
				problem(column, "不能为空（is required）");
			}
			return value;
		}

		/** The cell, or null when empty. */
		String optional(C column) {
			String value = text(column);
			return value.isEmpty() ? null : value;
		}

		LocalDate date(C column) {
			try {
				return Cells.date(text(column));
			}
			catch (Cells.Problem ex) {
				problem(column, ex.getMessage());
				return null;
			}
		}

		BigDecimal amount(C column) {
			try {
				return Cells.amount(text(column));
			}
			catch (Cells.Problem ex) {
				problem(column, ex.getMessage());
				return null;
			}
		}

		Integer whole(C column) {
			try {
				return Cells.whole(text(column));
			}
			catch (Cells.Problem ex) {
				problem(column, ex.getMessage());
				return null;
			}
		}

		Boolean yesNo(C column) {
			try {
				return Cells.yesNo(text(column));
			}
			catch (Cells.Problem ex) {
				problem(column, ex.getMessage());
				return null;
			}
		}

		/** The value a word names ({@code words} also holds each value's own name). */
		<E> E word(C column, Map<String, E> words) {
			String value = text(column);
			if (value.isEmpty()) {
				return null;
			}
			E named = words.get(value);
			if (named == null) {
				problem(column,
						"应为 " + String.join("、", words.keySet().stream().filter((word) -> !isName(word)).toList())
								+ " 之一（is not one of the accepted words）");
			}
			return named;
		}

		private static boolean isName(String word) {
			return word.matches("[A-Z_]+");
		}

	}

	/**
	 * Words for an enum's values from the words an export writes (by value name), and
	 * each value's own name: what a list's export writes, its import reads.
	 */
	static <E extends Enum<E>> Map<String, E> inverse(Class<E> type, Map<String, String> exported) {
		Map<String, E> words = new LinkedHashMap<>();
		exported.forEach((name, word) -> words.put(word, Enum.valueOf(type, name)));
		for (E value : type.getEnumConstants()) {
			words.putIfAbsent(value.name(), value);
		}
		return words;
	}

	/** Words for an enum's values: the given Chinese words, and each value's own name. */
	static <E extends Enum<E>> Map<String, E> words(Class<E> type, Object... pairs) {
		Map<String, E> words = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			words.put((String) pairs[i], type.cast(pairs[i + 1]));
		}
		for (E value : type.getEnumConstants()) {
			words.putIfAbsent(value.name(), value);
		}
		return words;
	}

}
