package cn.county.platform.measure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.county.platform.common.Batches;
import cn.county.platform.common.Connection;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdLoaders;
import cn.county.platform.security.AccessContext;
import cn.county.platform.security.Caller;
import cn.county.platform.security.FieldPolicy;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;

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

	private final FieldPolicy policy;

	MeasureController(MeasureService measures, FieldPolicy policy) {
		this.measures = measures;
		this.policy = policy;
	}

	@QueryMapping
	Connection<Measure> measures(@Argument MeasureFilter filter, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller, GraphQLContext context) {
		boolean readsHealth = readsHealth(context);
		return Connection.of(this.measures.page(caller, readsHealth, filter, first, after),
				() -> this.measures.count(caller, readsHealth, filter));
	}

	/**
	 * One statement for the measures of every household on the page, however many there
	 * are; health records only for a caller who may read health.
	 */
	@BatchMapping(typeName = "Household", field = "measures")
	Map<Household, List<Measure>> householdMeasures(List<Household> households, GraphQLContext context) {
		boolean readsHealth = readsHealth(context);
		return Batches.lists(households, Household::id, (ids) -> this.measures.measuresOf(ids, readsHealth));
	}

	@SchemaMapping(typeName = "Measure")
	CompletableFuture<Household> household(Measure measure, DataFetchingEnvironment env) {
		return HouseholdLoaders.household(env, measure.householdId());
	}

	/**
	 * Health records (MEDICAL, DISABILITY measures) are rows only for a caller who may
	 * read {@code Member.health}.
	 */
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
