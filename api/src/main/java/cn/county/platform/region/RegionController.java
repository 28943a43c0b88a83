package cn.county.platform.region;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
		Map<String, List<Village>> byTown = this.regions
			.selectVillagesByTownCodes(towns.stream().map(Town::code).toList())
			.stream()
			.collect(Collectors.groupingBy(Village::townCode));
		return towns.stream()
			.collect(Collectors.toMap(Function.identity(), (town) -> byTown.getOrDefault(town.code(), List.of()),
					(a, b) -> a));
	}

	@BatchMapping(typeName = "Village", field = "town")
	Map<Village, Town> town(List<Village> villages) {
		Collection<String> codes = villages.stream().map(Village::townCode).distinct().toList();
		Map<String, Town> towns = this.regions.selectTownsByCodes(codes)
			.stream()
			.collect(Collectors.toMap(Town::code, Function.identity()));
		return villages.stream()
			.collect(Collectors.toMap(Function.identity(), (village) -> towns.get(village.townCode()), (a, b) -> a));
	}

}
