package cn.county.platform.funds;

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

import org.springframework.stereotype.Component;

/**
 * The finance bureau's payment ledger (资金支出台账) as an upload: one payment per row, matched
 * to its project by id. Each row goes through {@link LedgerService#disburse}, so it is
 * checked, locked, audited and refused exactly as the mutation is (never above the
 * allocation; the owner department only for its own projects). A voucher the project
 * already has is left as it is, so the same file uploaded twice records nothing twice.
 */
@Component
class DisbursementImporter implements Importer {

	enum Column implements ImportColumn {

		PROJECT_ID("projectId", "项目编号", true), PAID_ON("paidOn", "支付日期", true), AMOUNT("amount", "金额(元)", true),
		VOUCHER_NUMBER("voucherNumber", "凭证号", true), CORRECTS("correctsId", "冲减凭证", false), NOTE("note", "备注", false);

		private final String key;

		private final String defaultHeader;

		private final boolean required;

		Column(String key, String defaultHeader, boolean required) {
			this.key = key;
			this.defaultHeader = defaultHeader;
			this.required = required;
		}

		@Override
		public String key() {
			return this.key;
		}

		@Override
		public String defaultHeader() {
			return this.defaultHeader;
		}

		@Override
		public boolean required() {
			return this.required;
		}

		@Override
		public String policyField() {
			return null;
		}

	}

	private final LedgerService ledger;

	private final DisbursementMapper disbursements;

	private final ImportTransactions transactions;

	private final ImportProperties imports;

	DisbursementImporter(LedgerService ledger, DisbursementMapper disbursements, ImportTransactions transactions,
			ImportProperties imports) {
		this.ledger = ledger;
		this.disbursements = disbursements;
		this.transactions = transactions;
		this.imports = imports;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.DISBURSEMENTS;
	}

	@Override
	public List<Column> columns() {
		return Arrays.asList(Column.values());
	}

	@Override
	public Map<String, String> configuredHeaders() {
		return Map.of();
	}

	/**
	 * Those who record payments: the county office, FINANCE and departments (their own
	 * projects).
	 */
	@Override
	public void authorize(Caller caller) {
		if (!ProjectService.manages(caller) && !caller.has(cn.county.platform.security.Role.DEPARTMENT_OFFICER)) {
			throw new DomainException(new Violation("kind",
					"只有县乡村振兴局、财政局和项目实施单位可以导入资金支出（not allowed to upload payments）", ErrorClassification.FORBIDDEN));
		}
	}

	@Override
	public Sink open(ImportRun run) {
		return new LedgerSink(run);
	}

	private record Unit(Row row, Inputs.RecordDisbursementInput input) {
	}

	private final class LedgerSink implements Sink {

		private final ImportRun run;

		private final List<Unit> chunk = new ArrayList<>();

		LedgerSink(ImportRun run) {
			this.run = run;
		}

		@Override
		public void row(Row row) {
			Map<Column, String> problems = new LinkedHashMap<>();
			Long project = id(row, Column.PROJECT_ID, problems);
			Long corrects = id(row, Column.CORRECTS, problems);
			LocalDate paidOn = null;
			BigDecimal amount = null;
			try {
				paidOn = Cells.date(this.run.cell(row, Column.PAID_ON));
			}
			catch (Cells.Problem ex) {
				problems.put(Column.PAID_ON, ex.getMessage());
			}
			try {
				amount = Cells.amount(this.run.cell(row, Column.AMOUNT));
			}
			catch (Cells.Problem ex) {
				problems.put(Column.AMOUNT, ex.getMessage());
			}
			if (!problems.isEmpty()) {
				problems.forEach((column, reason) -> this.run.refuse(row, column, reason));
				return;
			}
			this.chunk.add(new Unit(row, new Inputs.RecordDisbursementInput(project, paidOn, amount,
					this.run.cell(row, Column.VOUCHER_NUMBER), corrects, this.run.cell(row, Column.NOTE))));
			if (this.chunk.size() >= DisbursementImporter.this.imports.chunkUnits()) {
				flush();
			}
		}

		private Long id(Row row, Column column, Map<Column, String> problems) {
			String cell = this.run.cell(row, column);
			if (cell.isEmpty()) {
				return null;
			}
			try {
				return Long.valueOf(cell);
			}
			catch (NumberFormatException ex) {
				problems.put(column, "不是编号（is not an id）");
				return null;
			}
		}

		@Override
		public void end() {
			flush();
		}

		private void flush() {
			DisbursementImporter.this.transactions.run(this.chunk, this.run.dryRun(), this::write,
					new ImportTransactions.Outcome<>() {
						@Override
						public void changed(Unit unit) {
							LedgerSink.this.run.applied(1, 1, 0);
						}

						@Override
						public void unchanged(Unit unit) {
							LedgerSink.this.run.unchanged(1);
						}

						@Override
						public void refused(Unit unit, DomainException refusal) {
							for (Violation violation : refusal.violations()) {
								LedgerSink.this.run.refuse(unit.row(), columnOf(violation.field()), violation.reason());
							}
						}
					});
			this.chunk.clear();
			this.run.progress();
		}

		private boolean write(Unit unit) {
			Inputs.RecordDisbursementInput input = unit.input();
			if (input.projectId() != null && input.voucherNumber() != null && DisbursementImporter.this.disbursements
				.voucherExists(input.projectId(), input.voucherNumber().strip())) {
				return false;
			}
			DisbursementImporter.this.ledger.disburse(this.run.caller(), input);
			return true;
		}

	}

	static Column columnOf(String field) {
		String name = field.substring(field.lastIndexOf('.') + 1);
		return switch (name) {
			case "projectId" -> Column.PROJECT_ID;
			case "paidOn" -> Column.PAID_ON;
			case "amount" -> Column.AMOUNT;
			case "voucherNumber" -> Column.VOUCHER_NUMBER;
			case "correctsId" -> Column.CORRECTS;
			case "note" -> Column.NOTE;
			default -> null;
		};
	}

}
