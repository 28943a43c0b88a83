package cn.county.platform.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The mutation inputs of loans, bound by Spring for GraphQL from the schema's input
 * types.
 */
public final class Inputs {

	private Inputs() {
	}

	public record IssueLoanInput(Long householdId, Long borrowerId, String bank, String contractNumber,
			BigDecimal amount, LocalDate issuedOn, Integer termMonths, BigDecimal interestSubsidy, String purpose,
			String note) {
	}

	public record RecordRepaymentInput(Long loanId, BigDecimal amount, LocalDate repaidOn, String note) {
	}

	public record ExtendLoanInput(Long loanId, LocalDate newMaturityDate, LocalDate extendedOn, String note) {
	}

	public record RenewLoanInput(Long loanId, LocalDate renewedOn, String contractNumber, Integer termMonths,
			String bank, BigDecimal interestSubsidy, String purpose, String note) {
	}

	public record TopUpLoanInput(Long loanId, BigDecimal amount, LocalDate toppedUpOn, String note) {
	}

}
