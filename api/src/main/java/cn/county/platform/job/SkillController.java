package cn.county.platform.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.county.platform.household.Member;
import cn.county.platform.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** Trainings and certificates; nested lists are batch mappings as in {@link JobController}. */
@Controller
class SkillController {

	private final SkillService skills;

	SkillController(SkillService skills) {
		this.skills = skills;
	}

	@QueryMapping
	CertificateConnection certificates(@Argument CertificateFilter filter, @Argument Integer first,
			@Argument String after, @AuthenticationPrincipal Caller caller) {
		return new CertificateConnection(this.skills.page(caller, filter, first, after), filter, caller);
	}

	@SchemaMapping(typeName = "CertificateConnection")
	long totalCount(CertificateConnection connection) {
		return this.skills.count(connection.caller(), connection.filter());
	}

	@BatchMapping(typeName = "Member", field = "trainings")
	Map<Member, List<Training>> memberTrainings(List<Member> members) {
		return Batches.lists(members, Member::id, this.skills.trainingsOfMembers(Batches.ids(members, Member::id)));
	}

	@BatchMapping(typeName = "Member", field = "certificates")
	Map<Member, List<Certificate>> memberCertificates(List<Member> members) {
		return Batches.lists(members, Member::id,
				this.skills.certificatesOfMembers(Batches.ids(members, Member::id)));
	}

	/** Certificates without a training get no entry, which the batch mapping answers with null. */
	@BatchMapping(typeName = "Certificate", field = "training")
	Map<Certificate, Training> certificateTraining(List<Certificate> certificates) {
		Map<Long, Training> trainings = this.skills
			.trainings(certificates.stream().map(Certificate::trainingId).filter(Objects::nonNull).distinct().toList());
		Map<Certificate, Training> result = new LinkedHashMap<>();
		for (Certificate certificate : certificates) {
			Training training = (certificate.trainingId() != null) ? trainings.get(certificate.trainingId()) : null;
			if (training != null) {
				result.put(certificate, training);
			}
		}
		return result;
	}

	@BatchMapping(typeName = "Training", field = "member")
	Map<Training, Member> trainingMember(List<Training> trainings) {
		return Batches.members(trainings, Training::memberId, this.skills::members);
	}

	@BatchMapping(typeName = "Certificate", field = "member")
	Map<Certificate, Member> certificateMember(List<Certificate> certificates) {
		return Batches.members(certificates, Certificate::memberId, this.skills::members);
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
