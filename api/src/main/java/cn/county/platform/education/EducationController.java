package cn.county.platform.education;

import java.util.List;
import java.util.Map;

import cn.county.platform.common.Batches;
import cn.county.platform.household.HouseholdLoaders;
import cn.county.platform.household.Member;
import cn.county.platform.security.Caller;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class EducationController implements RuntimeWiringConfigurer {

	private final EducationService education;

	EducationController(EducationService education) {
		this.education = education;
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		HouseholdLoaders.memberFields(wiring, "SchoolingRecord", "EducationAid");
	}

	/** One statement for the histories of every member on the page. */
	@BatchMapping(typeName = "Member", field = "schoolingHistory")
	Map<Member, List<SchoolingRecord>> schoolingHistory(List<Member> members) {
		return Batches.lists(members, Member::id, this.education::schoolingOf);
	}

	@BatchMapping(typeName = "Member", field = "educationAid")
	Map<Member, List<EducationAid>> educationAid(List<Member> members) {
		return Batches.lists(members, Member::id, this.education::aidOf);
	}

	@MutationMapping
	Map<String, Object> recordSchoolingChange(@Argument Inputs.RecordSchoolingChangeInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("schoolingRecord", this.education.recordChange(caller, input));
	}

	@MutationMapping
	Map<String, Object> correctSchoolingRecord(@Argument Inputs.CorrectSchoolingRecordInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("schoolingRecord", this.education.correct(caller, input));
	}

	@MutationMapping
	Map<String, Object> grantEducationAid(@Argument Inputs.GrantEducationAidInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("educationAid", this.education.grantAid(caller, input));
	}

}
