package cn.county.platform.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;

/**
 * A loan as read: {@code status} is what it reads as today (OVERDUE computed),
 * {@code recordedStatus} what is stored. The sums of its ledger and its latest event come
 * with it, so a write checks its rules without another query.
 */
public record Loan(long id, long householdId, long borrowerId, String bank, String contractNumber,
		BigDecimal amountIssued, LocalDate issuedOn, int termMonths, LocalDate maturityDate, BigDecimal interestSubsidy,
		String purpose, LoanStatus status, LoanStatus recordedStatus, BigDecimal balance, BigDecimal toppedUp,
		BigDecimal repaid, Long renewedFromId, Long renewedById, int lastSequence, LocalDate lastEventOn, int version,
		OffsetDateTime updatedAt) implements HouseholdOwned {

	/** Amount issued plus all top-ups: what the amount limit bounds. */
	public BigDecimal totalLent() {
		return this.amountIssued.add(this.toppedUp);
	}

}
