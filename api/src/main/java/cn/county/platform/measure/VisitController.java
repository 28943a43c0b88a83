package cn.county.platform.measure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.county.platform.common.Batches;
import cn.county.platform.common.Connection;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdLoaders;
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
class VisitController {

	private final VisitService visits;

	VisitController(VisitService visits) {
		this.visits = visits;
	}

	@QueryMapping
	Connection<Visit> visits(@Argument VisitFilter filter, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		return Connection.of(this.visits.page(caller, filter, first, after), () -> this.visits.count(caller, filter));
	}

	/**
	 * One statement for the visits of every household on the page, however many there
	 * are.
	 */
	@BatchMapping(typeName = "Household", field = "visits")
	Map<Household, List<Visit>> householdVisits(List<Household> households) {
		return Batches.lists(households, Household::id, this.visits::visitsOf);
	}

	@SchemaMapping(typeName = "Visit")
	CompletableFuture<Household> household(Visit visit, DataFetchingEnvironment env) {
		return HouseholdLoaders.household(env, visit.householdId());
	}

	@MutationMapping
	Map<String, Object> recordVisit(@Argument Inputs.RecordVisitInput input, @AuthenticationPrincipal Caller caller) {
		return Map.of("visit", this.visits.record(caller, input));
	}

}
