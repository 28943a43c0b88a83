package cn.county.platform.region;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.county.platform.common.Batches;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class RegionController {

	private final RegionMapper regions;

	RegionController(RegionMapper regions) {
		this.regions = regions;
	}

	@QueryMapping
	List<Town> towns() {
		return this.regions.selectTowns();
	}

	@QueryMapping
	Town town(@Argument String code) {
		return this.regions.selectTown(code);
	}

	@QueryMapping
	Village village(@Argument String code) {
		return this.regions.selectVillage(code);
	}

	@BatchMapping(typeName = "Town", field = "villages")
	Map<Town, List<Village>> villages(List<Town> towns) {
		return Batches.lists(towns, Town::code,
				(codes) -> this.regions.selectVillagesByTownCodes(codes)
					.stream()
					.collect(Collectors.groupingBy(Village::townCode)));
	}

	@BatchMapping(typeName = "Village", field = "town")
	Map<Village, Town> town(List<Village> villages) {
		return Batches.one(villages, Village::townCode,
				(codes) -> Batches.byId(this.regions.selectTownsByCodes(codes), Town::code));
	}

}
