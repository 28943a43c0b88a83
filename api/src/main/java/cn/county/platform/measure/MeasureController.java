package cn.county.platform.measure;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.security.AccessContext;
import cn.county.platform.security.Caller;
import cn.county.platform.security.FieldPolicy;
import cn.county.platform.security.Scope;
import graphql.GraphQLContext;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class MeasureController {

	private final MeasureService measures;

	private final HouseholdMapper households;

	private final FieldPolicy policy;

	MeasureController(MeasureService measures, HouseholdMapper households, FieldPolicy policy) {
		this.measures = measures;
		this.households = households;
		this.policy = policy;
	}

	@QueryMapping
	MeasureConnection measures(@Argument MeasureFilter filter, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller, GraphQLContext context) {
		return new MeasureConnection(this.measures.page(caller, readsHealth(context), filter, first, after), filter,
				caller);
	}

	@SchemaMapping(typeName = "MeasureConnection")
	long totalCount(MeasureConnection connection, GraphQLContext context) {
		return this.measures.count(connection.caller(), readsHealth(context), connection.filter());
	}

	/**
	 * One statement for the measures of every household on the page, however many there are; health records only
	 * for a caller who may read health.
	 */
	@BatchMapping(typeName = "Household", field = "measures")
	Map<Household, List<Measure>> householdMeasures(List<Household> households, GraphQLContext context) {
		Map<Long, List<Measure>> byHousehold = this.measures
			.measuresOf(households.stream().map(Household::id).toList(), readsHealth(context));
		return households.stream()
			.collect(Collectors.toMap(Function.identity(), (h) -> byHousehold.getOrDefault(h.id(), List.of()),
					(a, b) -> a));
	}

	/**
	 * The households of a page of measures in one statement. The measures were read within the caller's scope, so
	 * their households are too.
	 */
	@BatchMapping(typeName = "Measure")
	Map<Measure, Household> household(List<Measure> measures) {
		Map<Long, Household> byId = this.households
			.selectByIds(measures.stream().map(Measure::householdId).distinct().toList(), Scope.COUNTY)
			.stream()
			.collect(Collectors.toMap(Household::id, Function.identity()));
		return measures.stream()
			.collect(Collectors.toMap(Function.identity(), (m) -> byId.get(m.householdId()), (a, b) -> a));
	}

	/** Health records (MEDICAL, DISABILITY measures) are rows only for a caller who may read {@code Member.health}. */
	private boolean readsHealth(GraphQLContext context) {
		return this.policy.readsHealth((AccessContext) context.get(AccessContext.class));
	}

	@MutationMapping
	Map<String, Object> recordMeasure(@Argument Inputs.RecordMeasureInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("measure", this.measures.record(caller, input));
	}

	@MutationMapping
	Map<String, Object> updateMeasure(@Argument Inputs.UpdateMeasureInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("measure", this.measures.update(caller, input));
	}

	@MutationMapping
	Map<String, Object> changeMeasureStatus(@Argument Inputs.ChangeMeasureStatusInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("measure", this.measures.changeStatus(caller, input));
	}

}
