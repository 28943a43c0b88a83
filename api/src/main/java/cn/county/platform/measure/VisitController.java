package cn.county.platform.measure;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdMapper;
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
class VisitController {

	private final VisitService visits;

	private final HouseholdMapper households;

	VisitController(VisitService visits, HouseholdMapper households) {
		this.visits = visits;
		this.households = households;
	}

	@QueryMapping
	VisitConnection visits(@Argument VisitFilter filter, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		return new VisitConnection(this.visits.page(caller, filter, first, after), filter, caller);
	}

	@SchemaMapping(typeName = "VisitConnection")
	long totalCount(VisitConnection connection) {
		return this.visits.count(connection.caller(), connection.filter());
	}

	/** One statement for the visits of every household on the page, however many there are. */
	@BatchMapping(typeName = "Household", field = "visits")
	Map<Household, List<Visit>> householdVisits(List<Household> households) {
		Map<Long, List<Visit>> byHousehold = this.visits.visitsOf(households.stream().map(Household::id).toList());
		return households.stream()
			.collect(Collectors.toMap(Function.identity(), (h) -> byHousehold.getOrDefault(h.id(), List.of()),
					(a, b) -> a));
	}

	/** The households of a page of visits in one statement; the visits were read within the caller's scope. */
	@BatchMapping(typeName = "Visit")
	Map<Visit, Household> household(List<Visit> visits) {
		Map<Long, Household> byId = this.households
			.selectByIds(visits.stream().map(Visit::householdId).distinct().toList(), Scope.COUNTY)
			.stream()
			.collect(Collectors.toMap(Household::id, Function.identity()));
		return visits.stream()
			.collect(Collectors.toMap(Function.identity(), (v) -> byId.get(v.householdId()), (a, b) -> a));
	}

	@MutationMapping
	Map<String, Object> recordVisit(@Argument Inputs.RecordVisitInput input, @AuthenticationPrincipal Caller caller) {
		return Map.of("visit", this.visits.record(caller, input));
	}

}
