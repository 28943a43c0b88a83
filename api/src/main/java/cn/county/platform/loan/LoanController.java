package cn.county.platform.loan;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.county.platform.common.Batches;
import cn.county.platform.common.Connection;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdLoaders;
import cn.county.platform.household.Member;
import cn.county.platform.security.Caller;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class LoanController {

	private final LoanService loans;

	LoanController(LoanService loans) {
		this.loans = loans;
	}

	@QueryMapping
	Loan loan(@Argument long id, @AuthenticationPrincipal Caller caller) {
		return this.loans.byId(caller, id);
	}

	@QueryMapping
	Connection<Loan> loans(@Argument LoanFilter filter, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		return Connection.of(this.loans.page(caller, filter, first, after), () -> this.loans.count(caller, filter));
	}

	/**
	 * One statement for the loans of every household on the page, however many there are.
	 */
	@BatchMapping(typeName = "Household")
	Map<Household, List<Loan>> loans(List<Household> households) {
		return Batches.lists(households, Household::id, this.loans::loansOf);
	}

	/** One statement for the ledgers of every loan in the response. */
	@BatchMapping(typeName = "Loan")
	Map<Loan, List<LoanEvent>> events(List<Loan> loans) {
		return Batches.lists(loans, Loan::id, this.loans::eventsOf);
	}

	@SchemaMapping(typeName = "Loan")
	CompletableFuture<Household> household(Loan loan, DataFetchingEnvironment env) {
		return HouseholdLoaders.household(env, loan.householdId());
	}

	/**
	 * The borrower among the members of the loan's household: the household loader reads
	 * them once for the page, and not again when the request also asks for
	 * {@code Household.members}.
	 */
	@SchemaMapping(typeName = "Loan")
	CompletableFuture<Member> borrower(Loan loan, DataFetchingEnvironment env) {
		return HouseholdLoaders.member(env, loan.householdId(), loan.borrowerId());
	}

	@BatchMapping(typeName = "Loan")
	Map<Loan, Loan> renewedFrom(List<Loan> loans) {
		return Batches.one(loans, Loan::renewedFromId, this::byIds);
	}

	@BatchMapping(typeName = "Loan")
	Map<Loan, Loan> renewedBy(List<Loan> loans) {
		return Batches.one(loans, Loan::renewedById, this::byIds);
	}

	private Map<Long, Loan> byIds(List<Long> ids) {
		return Batches.byId(this.loans.byIds(ids), Loan::id);
	}

	@MutationMapping
	Map<String, Object> issueLoan(@Argument Inputs.IssueLoanInput input, @AuthenticationPrincipal Caller caller) {
		return Map.of("loan", this.loans.issue(caller, input));
	}

	@MutationMapping
	Map<String, Object> recordRepayment(@Argument Inputs.RecordRepaymentInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("loan", this.loans.repay(caller, input));
	}

	@MutationMapping
	Map<String, Object> extendLoan(@Argument Inputs.ExtendLoanInput input, @AuthenticationPrincipal Caller caller) {
		return Map.of("loan", this.loans.extend(caller, input));
	}

	@MutationMapping
	Map<String, Object> renewLoan(@Argument Inputs.RenewLoanInput input, @AuthenticationPrincipal Caller caller) {
		LoanService.Renewal renewal = this.loans.renew(caller, input);
		return Map.of("previous", renewal.previous(), "loan", renewal.loan());
	}

	@MutationMapping
	Map<String, Object> topUpLoan(@Argument Inputs.TopUpLoanInput input, @AuthenticationPrincipal Caller caller) {
		return Map.of("loan", this.loans.topUp(caller, input));
	}

}
