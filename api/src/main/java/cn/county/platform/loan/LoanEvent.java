package cn.county.platform.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.county.platform.common.HouseholdOwned;

/** One entry in a loan's ledger, with the balance and maturity it left behind. */
public record LoanEvent(long id, long loanId, long householdId, int sequence, LoanEventKind kind, LocalDate occurredOn,
		BigDecimal amount, BigDecimal balanceAfter, LocalDate maturityAfter, String note, String recordedBy,
		OffsetDateTime recordedAt) implements HouseholdOwned {
}
