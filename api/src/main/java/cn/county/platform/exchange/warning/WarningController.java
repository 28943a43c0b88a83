package cn.county.platform.exchange.warning;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.county.platform.common.Batches;
import cn.county.platform.household.Household;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * A household's department warnings in GraphQL, under the field policy like every
 * household-level type.
 */
@Controller
class WarningController {

	private final WarningMapper warnings;

	WarningController(WarningMapper warnings) {
		this.warnings = warnings;
	}

	/**
	 * One statement for the warnings of every household on the page, however many there
	 * are.
	 */
	@BatchMapping(typeName = "Household")
	Map<Household, List<Warning>> warnings(List<Household> households) {
		return Batches.lists(households, Household::id,
				(ids) -> this.warnings.selectByHouseholdIds(ids)
					.stream()
					.collect(Collectors.groupingBy(Warning::householdId)));
	}

}
