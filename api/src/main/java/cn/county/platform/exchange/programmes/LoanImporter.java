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
import cn.county.platform.loan.LoanService;
import cn.county.platform.security.Caller;

import org.springframework.stereotype.Component;

/**
 * Microcredit loans as a bank's statement lists them (item 16), one issued loan per row,
 * written through {@link LoanService#issue} (its rules: the amount and term limits, one
 * open loan per household, an adult borrower of the household, a contract number used
 * once per bank). A loan is the household's of the same bank and contract number: one
 * stored with the same amount, date, term and borrower is left alone; one that differs is
 * refused, since a loan once issued changes only through its events (repayment,
 * extension, renewal, top-up). The headers are those of the loans export.
 */
@Component
public class LoanImporter extends RowImporter<LoanImporter.LoanColumn, LoanImporter.Row> {

	/** The columns; the map is in {@code docs/exchange.md}. */
	public enum LoanColumn implements Spec.Column {

		ID_NUMBER(new Spec("idNumber", "借款人证件号码", true, "Member.idNumber")), NAME(Spec.optional("name", "借款人")),
		BANK(Spec.required("bank", "贷款银行")),
		CONTRACT_NUMBER(new Spec("contractNumber", "合同编号", true, "Loan.contractNumber")),
		AMOUNT(Spec.required("amount", "贷款金额(元)")), ISSUED_ON(Spec.required("issuedOn", "发放日期")),
		TERM_MONTHS(Spec.required("termMonths", "贷款期限(月)")),
		INTEREST_SUBSIDY(Spec.optional("interestSubsidy", "贴息金额(元)")), PURPOSE(Spec.required("purpose", "贷款用途"));

		private final Spec spec;

		LoanColumn(Spec spec) {
			this.spec = spec;
		}

		@Override
		public Spec spec() {
			return this.spec;
		}

	}

	record Row(String idNumber, String bank, String contractNumber, BigDecimal amount, LocalDate issuedOn,
			Integer termMonths, BigDecimal interestSubsidy, String purpose) {
	}

	private final People people;

	private final LoanService loans;

	LoanImporter(People people, LoanService loans, ImportTransactions transactions, ImportProperties imports,
			ProgrammeImportProperties properties) {
		super(ImportKind.LOANS, Owner.FINANCE, LoanColumn.class, transactions, imports, properties);
		this.people = people;
		this.loans = loans;
	}

	@Override
	Row read(Reading<LoanColumn> row) {
		return new Row(row.text(LoanColumn.ID_NUMBER), row.text(LoanColumn.BANK), row.text(LoanColumn.CONTRACT_NUMBER),
				row.amount(LoanColumn.AMOUNT), row.date(LoanColumn.ISSUED_ON), row.whole(LoanColumn.TERM_MONTHS),
				row.amount(LoanColumn.INTEREST_SUBSIDY), row.text(LoanColumn.PURPOSE));
	}

	@Override
	boolean write(Caller caller, Row row) {
		People.Person borrower = this.people.find(caller, row.idNumber());
		long household = borrower.household().id();
		Loan same = this.loans.loansOf(List.of(household))
			.getOrDefault(household, List.of())
			.stream()
			.filter((loan) -> loan.bank().equals(row.bank()) && loan.contractNumber().equals(row.contractNumber()))
			.findFirst()
			.orElse(null);
		if (same == null) {
			this.loans.issue(caller,
					new Inputs.IssueLoanInput(household, borrower.member().id(), row.bank(), row.contractNumber(),
							row.amount(), row.issuedOn(), row.termMonths(), row.interestSubsidy(), row.purpose(),
							null));
			return true;
		}
		if (same.borrowerId() == borrower.member().id() && same.amountIssued().compareTo(row.amount()) == 0
				&& same.issuedOn().equals(row.issuedOn()) && same.termMonths() == row.termMonths()) {
			return false;
		}
		throw DomainException.conflict("input.contractNumber", "该合同的贷款已登记，但借款人、金额、发放日期或期限不同；已发放的贷款只能通过还款、展期、续贷或追加记录变更"
				+ "（a loan of this contract is registered with another borrower, amount, date or term: an issued loan changes only through its events）");
	}

	@Override
	LoanColumn columnOf(String field) {
		return switch (field.substring(field.lastIndexOf('.') + 1)) {
			case "householdId", "borrowerId", "idNumber" -> LoanColumn.ID_NUMBER;
			case "bank" -> LoanColumn.BANK;
			case "contractNumber" -> LoanColumn.CONTRACT_NUMBER;
			case "amount" -> LoanColumn.AMOUNT;
			case "issuedOn" -> LoanColumn.ISSUED_ON;
			case "termMonths" -> LoanColumn.TERM_MONTHS;
			case "interestSubsidy" -> LoanColumn.INTEREST_SUBSIDY;
			case "purpose" -> LoanColumn.PURPOSE;
			default -> null;
		};
	}

}
