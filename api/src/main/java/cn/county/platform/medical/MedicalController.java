package cn.county.platform.medical;

import java.util.List;
import java.util.Map;

import cn.county.platform.household.HouseholdLoaders;
import cn.county.platform.household.Member;
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
 * Medical records hang off the member. Their lists follow {@code Member.health} in the
 * schema, so the field policy refuses them whole to whoever may not read health; the
 * loaders check the same rule again and load nothing for such a caller, as the measures'
 * health records are outside that caller's rows.
 */
@Controller
class MedicalController implements RuntimeWiringConfigurer {

	private final MedicalService medical;

	private final HealthRecords records;

	MedicalController(MedicalService medical, HealthRecords records) {
		this.medical = medical;
		this.records = records;
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		HouseholdLoaders.memberFields(wiring, "InsuranceEnrolment", "IllnessIdentification", "FamilyDoctorContract");
	}

	@BatchMapping(typeName = "Member", field = "insuranceEnrolments")
	Map<Member, List<InsuranceEnrolment>> insuranceEnrolments(List<Member> members, GraphQLContext context) {
		return this.records.lists(members, context, this.medical::enrolmentsOf);
	}

	@BatchMapping(typeName = "Member", field = "illnessIdentifications")
	Map<Member, List<IllnessIdentification>> illnessIdentifications(List<Member> members, GraphQLContext context) {
		return this.records.lists(members, context, this.medical::illnessesOf);
	}

	@BatchMapping(typeName = "Member", field = "familyDoctorContracts")
	Map<Member, List<FamilyDoctorContract>> familyDoctorContracts(List<Member> members, GraphQLContext context) {
		return this.records.lists(members, context, this.medical::contractsOf);
	}

	@MutationMapping
	Map<String, Object> enrolInInsurance(@Argument Inputs.EnrolInInsuranceInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("insuranceEnrolment", this.medical.enrol(caller, input));
	}

	@MutationMapping
	Map<String, Object> identifyIllness(@Argument Inputs.IdentifyIllnessInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("illnessIdentification", this.medical.identify(caller, input));
	}

	@MutationMapping
	Map<String, Object> endIllnessIdentification(@Argument Inputs.EndIllnessIdentificationInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("illnessIdentification", this.medical.end(caller, input));
	}

	@MutationMapping
	Map<String, Object> signFamilyDoctorContract(@Argument Inputs.SignFamilyDoctorContractInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("familyDoctorContract", this.medical.sign(caller, input));
	}

}
