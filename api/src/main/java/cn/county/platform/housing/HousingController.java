package cn.county.platform.housing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.county.platform.common.Batches;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdLoaders;
import cn.county.platform.security.Caller;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class HousingController {

	private final HousingService housing;

	HousingController(HousingService housing) {
		this.housing = housing;
	}

	@BatchMapping(typeName = "Household", field = "housingInspections")
	Map<Household, List<HousingInspection>> inspections(List<Household> households) {
		return Batches.lists(households, Household::id, this.housing::inspectionsOf);
	}

	@BatchMapping(typeName = "Household", field = "renovationProjects")
	Map<Household, List<RenovationProject>> projects(List<Household> households) {
		return Batches.lists(households, Household::id, this.housing::projectsOf);
	}

	@SchemaMapping(typeName = "HousingInspection")
	CompletableFuture<Household> household(HousingInspection inspection, DataFetchingEnvironment env) {
		return HouseholdLoaders.household(env, inspection.householdId());
	}

	@SchemaMapping(typeName = "RenovationProject", field = "household")
	CompletableFuture<Household> projectHousehold(RenovationProject project, DataFetchingEnvironment env) {
		return HouseholdLoaders.household(env, project.householdId());
	}

	@MutationMapping
	Map<String, Object> recordHousingInspection(@Argument Inputs.RecordHousingInspectionInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("housingInspection", this.housing.recordInspection(caller, input));
	}

	@MutationMapping
	Map<String, Object> planRenovation(@Argument Inputs.PlanRenovationInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("renovationProject", this.housing.planRenovation(caller, input));
	}

	@MutationMapping
	Map<String, Object> changeRenovationStatus(@Argument Inputs.ChangeRenovationStatusInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("renovationProject", this.housing.changeStatus(caller, input));
	}

}
