package cn.county.platform.assistance;

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
class AssistanceController {

	private final AssistanceService assistance;

	AssistanceController(AssistanceService assistance) {
		this.assistance = assistance;
	}

	/** One statement for the enrolments of every household on the page. */
	@BatchMapping(typeName = "Household", field = "assistanceEnrolments")
	Map<Household, List<AssistanceEnrolment>> householdEnrolments(List<Household> households) {
		return Batches.lists(households, Household::id, this.assistance::enrolmentsOf);
	}

	/** One statement for the payment months of every enrolment loaded. */
	@BatchMapping(typeName = "AssistanceEnrolment", field = "paymentMonths")
	Map<AssistanceEnrolment, List<String>> paymentMonths(List<AssistanceEnrolment> enrolments) {
		return Batches.lists(enrolments, AssistanceEnrolment::id, this.assistance::paymentMonthsOf);
	}

	@SchemaMapping(typeName = "AssistanceEnrolment")
	CompletableFuture<Household> household(AssistanceEnrolment enrolment, DataFetchingEnvironment env) {
		return HouseholdLoaders.household(env, enrolment.householdId());
	}

	@MutationMapping
	Map<String, Object> enrolAssistance(@Argument Inputs.EnrolAssistanceInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("assistanceEnrolment", this.assistance.enrol(caller, input));
	}

	@MutationMapping
	Map<String, Object> endAssistanceEnrolment(@Argument Inputs.EndAssistanceEnrolmentInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("assistanceEnrolment", this.assistance.end(caller, input));
	}

	@MutationMapping
	Map<String, Object> recordAssistancePayments(@Argument Inputs.RecordAssistancePaymentsInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("assistanceEnrolment", this.assistance.recordPayments(caller, input));
	}

}
