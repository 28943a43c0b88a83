package cn.county.platform.water;

import java.util.List;
import java.util.Map;

import cn.county.platform.common.Batches;
import cn.county.platform.household.Household;
import cn.county.platform.region.RegionMapper;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class WaterController {

	private final WaterService water;

	private final RegionMapper regions;

	WaterController(WaterService water, RegionMapper regions) {
		this.water = water;
		this.regions = regions;
	}

	@QueryMapping
	List<WaterSupplyPoint> waterSupplyPoints(@Argument String villageCode, @AuthenticationPrincipal Caller caller) {
		return this.water.pointsOf(caller, villageCode);
	}

	@SchemaMapping(typeName = "WaterSupplyPoint")
	Village village(WaterSupplyPoint point) {
		return this.regions.selectVillage(point.villageCode());
	}

	@BatchMapping(typeName = "WaterSupplyPoint", field = "checks")
	Map<WaterSupplyPoint, List<WaterCheck>> checks(List<WaterSupplyPoint> points) {
		return Batches.lists(points, WaterSupplyPoint::id, this.water::checksOf);
	}

	@BatchMapping(typeName = "Household", field = "waterSupplyPoint")
	Map<Household, WaterSupplyPoint> householdPoint(List<Household> households) {
		return Batches.one(households, Household::id, this.water::pointsOfHouseholds);
	}

	@MutationMapping
	Map<String, Object> registerWaterSupplyPoint(@Argument Inputs.RegisterWaterSupplyPointInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("waterSupplyPoint", this.water.register(caller, input));
	}

	@MutationMapping
	Map<String, Object> recordWaterCheck(@Argument Inputs.RecordWaterCheckInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("waterCheck", this.water.recordCheck(caller, input));
	}

	@MutationMapping
	Map<String, Object> linkHouseholdsToWaterPoint(@Argument Inputs.LinkHouseholdsToWaterPointInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("waterSupplyPoint", this.water.link(caller, input));
	}

}
