package cn.county.platform.loan;

/**
 * What a loan reads as. OVERDUE is never stored: an open loan (ACTIVE or EXTENDED) with a
 * balance past its maturity reads as OVERDUE, computed against today on every read.
 */
public enum LoanStatus {

	ACTIVE, EXTENDED, OVERDUE, REPAID, RENEWED;

	/**
	 * Whether money can still move on the loan: repayments, top-ups, extensions, a
	 * renewal.
	 */
	public boolean isOpen() {
		return this == ACTIVE || this == EXTENDED || this == OVERDUE;
	}

}
