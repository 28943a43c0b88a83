package cn.county.platform.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Loans. Every read takes {@code today}, against which an open loan past maturity reads
 * as OVERDUE.
 */
@Mapper
public interface LoanMapper {

	Loan selectById(@Param("id") long id, @Param("scope") Scope scope, @Param("today") LocalDate today);

	/**
	 * Loans by id, for the batch loaders of {@code renewedFrom} and {@code renewedBy}.
	 */
	List<Loan> selectByIds(@Param("ids") Collection<Long> ids, @Param("today") LocalDate today);

	/**
	 * The loans of many households in one statement: the batch loader behind
	 * {@code Household.loans}.
	 */
	List<Loan> selectByHouseholdIds(@Param("householdIds") Collection<Long> householdIds,
			@Param("today") LocalDate today);

	/**
	 * Locks the loan row (and its ledger) for the rest of the transaction, so that
	 * concurrent writes to one loan run one after the other; null when absent or out of
	 * scope.
	 */
	Loan lock(@Param("id") long id, @Param("scope") Scope scope, @Param("today") LocalDate today);

	/**
	 * One keyset page in (maturity date, id) order, rows after ({@code afterMaturity},
	 * {@code afterId}).
	 */
	List<Loan> selectPage(@Param("filter") LoanFilter filter, @Param("scope") Scope scope,
			@Param("today") LocalDate today, @Param("maturingBy") LocalDate maturingBy,
			@Param("afterMaturity") LocalDate afterMaturity, @Param("afterId") Long afterId, @Param("limit") int limit);

	long count(@Param("filter") LoanFilter filter, @Param("scope") Scope scope, @Param("today") LocalDate today,
			@Param("maturingBy") LocalDate maturingBy);

	boolean contractExists(@Param("bank") String bank, @Param("contractNumber") String contractNumber);

	/**
	 * Ids of the household's open loans (ACTIVE or EXTENDED as stored, overdue or not).
	 */
	List<Long> selectOpenLoanIds(@Param("householdId") long householdId);

	void insert(@Param("l") Loan loan, @Param("recordedBy") String recordedBy);

	void updateLedger(@Param("id") long id, @Param("status") LoanStatus status, @Param("balance") BigDecimal balance,
			@Param("maturityDate") LocalDate maturityDate);

}
