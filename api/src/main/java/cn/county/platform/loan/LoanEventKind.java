package cn.county.platform.loan;

import java.math.BigDecimal;

/** The entries of a loan's ledger, and what each does to the outstanding balance. */
public enum LoanEventKind {

	ISSUE, REPAYMENT, RENEWAL, EXTENSION, TOP_UP;

	/**
	 * The balance after an event of this kind with this amount (null for an extension).
	 */
	public BigDecimal apply(BigDecimal balance, BigDecimal amount) {
		return switch (this) {
			case ISSUE, TOP_UP -> balance.add(amount);
			// a renewal repays the old loan with the new loan's money: it carries the
			// whole balance away
			case REPAYMENT, RENEWAL -> balance.subtract(amount);
			case EXTENSION -> balance;
		};
	}

}
