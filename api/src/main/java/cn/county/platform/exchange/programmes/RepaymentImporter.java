package cn.county.platform.exchange.programmes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.county.platform.common.DomainException;
import cn.county.platform.exchange.imports.ImportKind;
import cn.county.platform.exchange.imports.ImportProperties;
import cn.county.platform.exchange.imports.ImportTransactions;
import cn.county.platform.loan.Inputs;
import cn.county.platform.loan.Loan;
import cn.county.platform.loan.LoanEventKind;
import cn.county.platform.loan.LoanService;
import cn.county.platform.security.Caller;

import org.springframework.stereotype.Component;

/**
 * Repayments of microcredit loans as a bank's statement lists them (item 16), one
 * repayment event per row, written through {@link LoanService#repay} (its rules: not more
 * than the balance, not before the loan's latest event, an open loan). The loan is the
 * borrower's household's of the bank and contract number; a repayment of the same date
 * and amount already in its ledger is the same one and is left alone, so a statement
 * imported twice repays nothing twice (and two equal repayments of one loan on one day
 * are one).
 */
@Component
public class RepaymentImporter extends RowImporter<RepaymentImporter.RepaymentColumn, RepaymentImporter.Row> {

	/** The columns; the map is in {@code docs/exchange.md}. */
	public enum RepaymentColumn implements Spec.Column {

		ID_NUMBER(new Spec("idNumber", "借款人证件号码", true, "Member.idNumber")), NAME(Spec.optional("name", "借款人")),
		BANK(Spec.required("bank", "贷款银行")),
		CONTRACT_NUMBER(new Spec("contractNumber", "合同编号", true, "Loan.contractNumber")),
		REPAID_ON(Spec.required("repaidOn", "还款日期")), AMOUNT(Spec.required("amount", "还款金额(元)")),
		NOTE(Spec.optional("note", "备注"));

		private final Spec spec;

		RepaymentColumn(Spec spec) {
			this.spec = spec;
		}

		@Override
		public Spec spec() {
			return this.spec;
		}

	}

	record Row(String idNumber, String bank, String contractNumber, LocalDate repaidOn, BigDecimal amount,
			String note) {
	}

	private final People people;

	private final LoanService loans;

	RepaymentImporter(People people, LoanService loans, ImportTransactions transactions, ImportProperties imports,
			ProgrammeImportProperties properties) {
		super(ImportKind.REPAYMENTS, Owner.FINANCE, RepaymentColumn.class, transactions, imports, properties);
		this.people = people;
		this.loans = loans;
	}

	@Override
	Row read(Reading<RepaymentColumn> row) {
		return new Row(row.text(RepaymentColumn.ID_NUMBER), row.text(RepaymentColumn.BANK),
				row.text(RepaymentColumn.CONTRACT_NUMBER), row.date(RepaymentColumn.REPAID_ON),
				row.amount(RepaymentColumn.AMOUNT), row.optional(RepaymentColumn.NOTE));
	}

	@Override
	boolean write(Caller caller, Row row) {
		long household = this.people.find(caller, row.idNumber()).household().id();
		Loan loan = this.loans.loansOf(List.of(household))
			.getOrDefault(household, List.of())
			.stream()
			.filter((each) -> each.bank().equals(row.bank()) && each.contractNumber().equals(row.contractNumber()))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("input.contractNumber",
					"借款人所在农户没有该银行此合同的贷款（the borrower's household holds no loan of this bank and contract）"));
		boolean recorded = this.loans.eventsOf(List.of(loan.id()))
			.getOrDefault(loan.id(), List.of())
			.stream()
			.anyMatch((event) -> event.kind() == LoanEventKind.REPAYMENT && event.occurredOn().equals(row.repaidOn())
					&& event.amount().compareTo(row.amount()) == 0);
		if (recorded) {
			return false;
		}
		this.loans.repay(caller, new Inputs.RecordRepaymentInput(loan.id(), row.amount(), row.repaidOn(), row.note()));
		return true;
	}

	@Override
	RepaymentColumn columnOf(String field) {
		return switch (field.substring(field.lastIndexOf('.') + 1)) {
			case "loanId", "contractNumber" -> RepaymentColumn.CONTRACT_NUMBER;
			case "idNumber" -> RepaymentColumn.ID_NUMBER;
			case "repaidOn" -> RepaymentColumn.REPAID_ON;
			case "amount" -> RepaymentColumn.AMOUNT;
			case "note" -> RepaymentColumn.NOTE;
			default -> null;
		};
	}

}
