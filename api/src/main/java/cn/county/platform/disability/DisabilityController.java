package cn.county.platform.disability;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.county.platform.common.Batches;
import cn.county.platform.household.HouseholdLoaders;
import cn.county.platform.household.Member;
import cn.county.platform.security.AccessContext;
import cn.county.platform.security.Caller;
import cn.county.platform.security.FieldPolicy;
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

	private final FieldPolicy policy;

	DisabilityController(DisabilityFederationService disability, FieldPolicy policy) {
		this.disability = disability;
		this.policy = policy;
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		HouseholdLoaders.memberFields(wiring, "DisabilityCertificate", "DisabilityService");
	}

	@BatchMapping(typeName = "Member", field = "disabilityCertificates")
	Map<Member, List<DisabilityCertificate>> disabilityCertificates(List<Member> members, GraphQLContext context) {
		return healthRecords(members, context, this.disability::certificatesOf);
	}

	@BatchMapping(typeName = "Member", field = "disabilityServices")
	Map<Member, List<DisabilityService>> disabilityServices(List<Member> members, GraphQLContext context) {
		return healthRecords(members, context, this.disability::servicesOf);
	}

	private <T> Map<Member, List<T>> healthRecords(List<Member> members, GraphQLContext context,
			Function<Collection<Long>, Map<Long, List<T>>> load) {
		boolean readsHealth = this.policy.readsHealth((AccessContext) context.get(AccessContext.class));
		return Batches.lists(members, Member::id, (ids) -> readsHealth ? load.apply(ids) : Map.of());
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
