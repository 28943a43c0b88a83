package cn.county.platform.courtyard;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
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
class CourtyardController {

	private final CourtyardService courtyard;

	private final HouseholdMapper households;

	CourtyardController(CourtyardService courtyard, HouseholdMapper households) {
		this.courtyard = courtyard;
		this.households = households;
	}

	@QueryMapping
	CourtyardHouseholdConnection courtyardHouseholds(@Argument CourtyardFilter filter, @Argument Integer first,
			@Argument String after, @AuthenticationPrincipal Caller caller) {
		return new CourtyardHouseholdConnection(this.courtyard.page(caller, filter, first, after), filter, caller);
	}

	@SchemaMapping(typeName = "CourtyardHouseholdConnection")
	long totalCount(CourtyardHouseholdConnection connection) {
		return this.courtyard.count(connection.caller(), connection.filter());
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

	/** One statement for the courtyard records of every household on the page, however many there are. */
	@BatchMapping(typeName = "Household", field = "courtyard")
	Map<Household, List<CourtyardHousehold>> householdCourtyard(List<Household> households) {
		Map<Long, List<CourtyardHousehold>> byHousehold = this.courtyard
			.recordsOf(households.stream().map(Household::id).toList());
		return households.stream()
			.collect(Collectors.toMap(Function.identity(), (h) -> byHousehold.getOrDefault(h.id(), List.of()),
					(a, b) -> a));
	}

	/** The households of a page of records in one statement; the records were read within the caller's scope. */
	@BatchMapping(typeName = "CourtyardHousehold")
	Map<CourtyardHousehold, Household> household(List<CourtyardHousehold> records) {
		Map<Long, Household> byId = this.households
			.selectByIds(records.stream().map(CourtyardHousehold::householdId).distinct().toList(), Scope.COUNTY)
			.stream()
			.collect(Collectors.toMap(Household::id, Function.identity()));
		return records.stream()
			.collect(Collectors.toMap(Function.identity(), (c) -> byId.get(c.householdId()), (a, b) -> a));
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
