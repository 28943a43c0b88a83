package cn.county.platform.disability;

import java.util.List;
import java.util.Map;

import cn.county.platform.household.HouseholdLoaders;
import cn.county.platform.household.Member;
import cn.county.platform.medical.HealthRecords;
import cn.county.platform.security.Caller;
import graphql.GraphQLContext;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * Disability records hang off the member; like the medical ones they follow
 * {@code Member.health} in the schema and are not even loaded for a caller who may not
 * read health.
 */
@Controller
class DisabilityController implements RuntimeWiringConfigurer {

	private final DisabilityFederationService disability;

	private final HealthRecords records;

	DisabilityController(DisabilityFederationService disability, HealthRecords records) {
		this.disability = disability;
		this.records = records;
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		HouseholdLoaders.memberFields(wiring, "DisabilityCertificate", "DisabilityService");
	}

	@BatchMapping(typeName = "Member", field = "disabilityCertificates")
	Map<Member, List<DisabilityCertificate>> disabilityCertificates(List<Member> members, GraphQLContext context) {
		return this.records.lists(members, context, this.disability::certificatesOf);
	}

	@BatchMapping(typeName = "Member", field = "disabilityServices")
	Map<Member, List<DisabilityService>> disabilityServices(List<Member> members, GraphQLContext context) {
		return this.records.lists(members, context, this.disability::servicesOf);
	}

	@MutationMapping
	Map<String, Object> issueDisabilityCertificate(@Argument Inputs.IssueDisabilityCertificateInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("disabilityCertificate", this.disability.issue(caller, input));
	}

	@MutationMapping
	Map<String, Object> revokeDisabilityCertificate(@Argument Inputs.RevokeDisabilityCertificateInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("disabilityCertificate", this.disability.revoke(caller, input));
	}

	@MutationMapping
	Map<String, Object> recordDisabilityService(@Argument Inputs.RecordDisabilityServiceInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("disabilityService", this.disability.record(caller, input));
	}

}
