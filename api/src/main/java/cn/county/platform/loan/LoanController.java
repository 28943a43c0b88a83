package cn.county.platform.loan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.household.HouseholdService;
import cn.county.platform.household.Member;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Scope;

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

	private final HouseholdService households;

	private final HouseholdMapper householdRows;

	LoanController(LoanService loans, HouseholdService households, HouseholdMapper householdRows) {
		this.loans = loans;
		this.households = households;
		this.householdRows = householdRows;
	}

	@QueryMapping
	Loan loan(@Argument long id, @AuthenticationPrincipal Caller caller) {
		return this.loans.byId(caller, id);
	}

	@QueryMapping
	LoanConnection loans(@Argument LoanFilter filter, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		return new LoanConnection(this.loans.page(caller, filter, first, after), filter, caller);
	}

	@SchemaMapping(typeName = "LoanConnection")
	long totalCount(LoanConnection connection) {
		return this.loans.count(connection.caller(), connection.filter());
	}

	/** One statement for the loans of every household on the page, however many there are. */
	@BatchMapping(typeName = "Household")
	Map<Household, List<Loan>> loans(List<Household> households) {
		Map<Long, List<Loan>> byHousehold = this.loans.loansOf(households.stream().map(Household::id).toList());
		return households.stream()
			.collect(Collectors.toMap(Function.identity(), (h) -> byHousehold.getOrDefault(h.id(), List.of()),
					(a, b) -> a));
	}

	/** One statement for the ledgers of every loan in the response. */
	@BatchMapping(typeName = "Loan")
	Map<Loan, List<LoanEvent>> events(List<Loan> loans) {
		Map<Long, List<LoanEvent>> byLoan = this.loans.eventsOf(loans.stream().map(Loan::id).toList());
		return loans.stream()
			.collect(Collectors.toMap(Function.identity(), (l) -> byLoan.getOrDefault(l.id(), List.of()),
					(a, b) -> a));
	}

	/**
	 * The households of a page of loans in one statement. The loans were read within the caller's scope, so their
	 * households are too.
	 */
	@BatchMapping(typeName = "Loan")
	Map<Loan, Household> household(List<Loan> loans) {
		Map<Long, Household> byId = this.householdRows
			.selectByIds(loans.stream().map(Loan::householdId).distinct().toList(), Scope.COUNTY)
			.stream()
			.collect(Collectors.toMap(Household::id, Function.identity()));
		return linked(loans, (loan) -> byId.get(loan.householdId()));
	}

	/** Borrowers come with the members of their households: one statement for the page. */
	@BatchMapping(typeName = "Loan")
	Map<Loan, Member> borrower(List<Loan> loans) {
		Map<Long, Member> byId = this.households.membersOf(loans.stream().map(Loan::householdId).distinct().toList())
			.values()
			.stream()
			.flatMap(List::stream)
			.collect(Collectors.toMap(Member::id, Function.identity()));
		return linked(loans, (loan) -> byId.get(loan.borrowerId()));
	}

	@BatchMapping(typeName = "Loan")
	Map<Loan, Loan> renewedFrom(List<Loan> loans) {
		return related(loans, Loan::renewedFromId);
	}

	@BatchMapping(typeName = "Loan")
	Map<Loan, Loan> renewedBy(List<Loan> loans) {
		return related(loans, Loan::renewedById);
	}

	private Map<Loan, Loan> related(List<Loan> loans, Function<Loan, Long> link) {
		List<Long> ids = loans.stream().map(link).filter(Objects::nonNull).distinct().toList();
		Map<Long, Loan> byId = this.loans.byIds(ids)
			.stream()
			.collect(Collectors.toMap(Loan::id, Function.identity()));
		return linked(loans, (loan) -> (link.apply(loan) != null) ? byId.get(link.apply(loan)) : null);
	}

	/** Null values are left out: the batch loader answers null for a key it is not given. */
	private static <T> Map<Loan, T> linked(List<Loan> loans, Function<Loan, T> value) {
		Map<Loan, T> result = new HashMap<>();
		for (Loan loan : loans) {
			T linked = value.apply(loan);
			if (linked != null) {
				result.put(loan, linked);
			}
		}
		return result;
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
