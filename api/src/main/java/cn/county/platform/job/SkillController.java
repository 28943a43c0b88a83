package cn.county.platform.job;

import java.util.List;
import java.util.Map;

import cn.county.platform.common.Batches;
import cn.county.platform.common.Connection;
import cn.county.platform.household.Member;
import cn.county.platform.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * Trainings and certificates; nested lists are batch mappings as in
 * {@link JobController}, which also wires their {@code member} fields.
 */
@Controller
class SkillController {

	private final SkillService skills;

	SkillController(SkillService skills) {
		this.skills = skills;
	}

	@QueryMapping
	Connection<Certificate> certificates(@Argument CertificateFilter filter, @Argument Integer first,
			@Argument String after, @AuthenticationPrincipal Caller caller) {
		return Connection.of(this.skills.page(caller, filter, first, after), () -> this.skills.count(caller, filter));
	}

	@BatchMapping(typeName = "Member", field = "trainings")
	Map<Member, List<Training>> memberTrainings(List<Member> members) {
		return Batches.lists(members, Member::id, this.skills::trainingsOfMembers);
	}

	@BatchMapping(typeName = "Member", field = "certificates")
	Map<Member, List<Certificate>> memberCertificates(List<Member> members) {
		return Batches.lists(members, Member::id, this.skills::certificatesOfMembers);
	}

	/**
	 * Certificates without a training get no entry, which the batch mapping answers with
	 * null.
	 */
	@BatchMapping(typeName = "Certificate", field = "training")
	Map<Certificate, Training> certificateTraining(List<Certificate> certificates) {
		return Batches.one(certificates, Certificate::trainingId, this.skills::trainings);
	}

	@MutationMapping
	Map<String, Object> recordTraining(@Argument Inputs.RecordTrainingInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("training", this.skills.recordTraining(caller, input));
	}

	@MutationMapping
	Map<String, Object> updateTraining(@Argument Inputs.UpdateTrainingInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("training", this.skills.updateTraining(caller, input));
	}

	@MutationMapping
	Map<String, Object> recordCertificate(@Argument Inputs.RecordCertificateInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("certificate", this.skills.recordCertificate(caller, input));
	}

	@MutationMapping
	Map<String, Object> updateCertificate(@Argument Inputs.UpdateCertificateInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("certificate", this.skills.updateCertificate(caller, input));
	}

}
