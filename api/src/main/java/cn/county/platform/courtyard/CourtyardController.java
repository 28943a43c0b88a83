package cn.county.platform.courtyard;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.county.platform.common.Batches;
import cn.county.platform.common.Connection;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdLoaders;
import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
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
class CourtyardController {

	private final CourtyardService courtyard;

	CourtyardController(CourtyardService courtyard) {
		this.courtyard = courtyard;
	}

	@QueryMapping
	Connection<CourtyardHousehold> courtyardHouseholds(@Argument CourtyardFilter filter, @Argument Integer first,
			@Argument String after, @AuthenticationPrincipal Caller caller) {
		return Connection.of(this.courtyard.page(caller, filter, first, after),
				() -> this.courtyard.count(caller, filter));
	}

	@QueryMapping
	List<DemonstrationVillage> demonstrationVillages(@Argument int year) {
		return this.courtyard.demonstrationVillages(year);
	}

	@SchemaMapping(typeName = "DemonstrationVillage")
	Town town(DemonstrationVillage designation) {
		return new Town(designation.townCode(), designation.townName());
	}

	@SchemaMapping(typeName = "DemonstrationVillage")
	Village village(DemonstrationVillage designation) {
		return new Village(designation.villageCode(), designation.townCode(), designation.villageName());
	}

	/**
	 * One statement for the courtyard records of every household on the page, however
	 * many there are.
	 */
	@BatchMapping(typeName = "Household", field = "courtyard")
	Map<Household, List<CourtyardHousehold>> householdCourtyard(List<Household> households) {
		return Batches.lists(households, Household::id, this.courtyard::recordsOf);
	}

	@SchemaMapping(typeName = "CourtyardHousehold")
	CompletableFuture<Household> household(CourtyardHousehold record, DataFetchingEnvironment env) {
		return HouseholdLoaders.household(env, record.householdId());
	}

	@MutationMapping
	Map<String, Object> nominateCourtyardHousehold(@Argument Inputs.NominateCourtyardInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("courtyardHousehold", this.courtyard.nominate(caller, input));
	}

	@MutationMapping
	Map<String, Object> updateCourtyardHousehold(@Argument Inputs.UpdateCourtyardInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("courtyardHousehold", this.courtyard.update(caller, input));
	}

	@MutationMapping
	Map<String, Object> changeCourtyardStatus(@Argument Inputs.ChangeCourtyardStatusInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("courtyardHousehold", this.courtyard.changeStatus(caller, input));
	}

	@MutationMapping
	Map<String, Object> designateDemonstrationVillage(@Argument Inputs.DesignateDemonstrationVillageInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("demonstrationVillage", this.courtyard.designate(caller, input));
	}

}
