package cn.county.platform.support;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The line departments' member records (education, medical care, disability), one of each
 * kind written for a member through the API, for tests that need every record type
 * present (the field-policy matrix) and for the departments' own tests.
 */
public final class MemberRecords {

	private MemberRecords() {
	}

	/**
	 * One record of every kind for the member; the caller must be allowed every write.
	 */
	public static void plantOneOfEach(GraphQlTester writer, long memberId) {
		LocalDate today = LocalDate.now();
		schoolingChange(writer, memberId, "ENROLLED", "COLLEGE", "县开放大学", today.minusYears(1)).errors().verify();
		write(writer, "grantEducationAid", "GrantEducationAidInput", "educationAid",
				Map.of("memberId", memberId, "kind", "RAIN_DEW_PLAN", "amount", 1500, "schoolYear",
						today.minusYears(1).getYear(), "term", 1, "grantedOn", today.minusMonths(6).toString()))
			.errors()
			.verify();
		enrol(writer, memberId, today.getYear()).errors().verify();
		identifyIllness(writer, memberId, "CHRONIC", "高血压", today.minusMonths(3)).errors().verify();
		write(writer, "signFamilyDoctorContract", "SignFamilyDoctorContractInput", "familyDoctorContract",
				Map.of("memberId", memberId, "doctor", "李医生", "clinic", "镇卫生院", "signedOn",
						today.minusMonths(2).toString(), "endsOn", today.plusMonths(10).toString()))
			.errors()
			.verify();
		issueCertificate(writer, memberId, "PHYSICAL", 2, today.minusYears(2)).errors().verify();
		recordService(writer, memberId, "ASSISTIVE_DEVICE", today.minusMonths(1)).errors().verify();
	}

	public static GraphQlTester.Response schoolingChange(GraphQlTester writer, long memberId, String status,
			String level, String school, LocalDate on) {
		Map<String, Object> input = new java.util.LinkedHashMap<>();
		input.put("memberId", memberId);
		input.put("status", status);
		input.put("effectiveOn", on.toString());
		if (level != null) {
			input.put("level", level);
		}
		if (school != null) {
			input.put("school", school);
		}
		return write(writer, "recordSchoolingChange", "RecordSchoolingChangeInput", "schoolingRecord", input);
	}

	public static GraphQlTester.Response enrol(GraphQlTester writer, long memberId, int year) {
		return write(writer, "enrolInInsurance", "EnrolInInsuranceInput", "insuranceEnrolment",
				Map.of("memberId", memberId, "year", year, "scheme", "BASIC", "premium", 380, "governmentShare", 380,
						"enrolledOn", LocalDate.now().minusMonths(1).toString()));
	}

	public static GraphQlTester.Response identifyIllness(GraphQlTester writer, long memberId, String kind,
			String disease, LocalDate on) {
		return write(writer, "identifyIllness", "IdentifyIllnessInput", "illnessIdentification",
				Map.of("memberId", memberId, "kind", kind, "disease", disease, "identifiedOn", on.toString()));
	}

	public static GraphQlTester.Response signContract(GraphQlTester writer, long memberId, LocalDate signedOn) {
		return write(writer, "signFamilyDoctorContract", "SignFamilyDoctorContractInput", "familyDoctorContract",
				Map.of("memberId", memberId, "doctor", "张医生", "clinic", "镇卫生院", "signedOn", signedOn.toString(),
						"endsOn", signedOn.plusYears(1).toString()));
	}

	public static GraphQlTester.Response issueCertificate(GraphQlTester writer, long memberId, String kind, int grade,
			LocalDate on) {
		return write(writer, "issueDisabilityCertificate", "IssueDisabilityCertificateInput", "disabilityCertificate",
				Map.of("memberId", memberId, "kind", kind, "grade", grade, "issuedOn", on.toString()));
	}

	public static GraphQlTester.Response recordService(GraphQlTester writer, long memberId, String kind, LocalDate on) {
		return write(writer, "recordDisabilityService", "RecordDisabilityServiceInput", "disabilityService", Map
			.of("memberId", memberId, "kind", kind, "description", "轮椅", "providedOn", on.toString(), "amount", 800));
	}

	public static GraphQlTester.Response grantAid(GraphQlTester writer, long memberId) {
		return write(writer, "grantEducationAid", "GrantEducationAidInput", "educationAid",
				Map.of("memberId", memberId, "kind", "LIVING_ALLOWANCE", "amount", 625, "schoolYear",
						LocalDate.now().minusYears(1).getYear(), "term", 2, "grantedOn",
						LocalDate.now().minusMonths(1).toString()));
	}

	/** One mutation taking {@code input}, selecting the written record's id. */
	public static GraphQlTester.Response write(GraphQlTester writer, String mutation, String inputType, String payload,
			Map<String, Object> input) {
		return writer
			.document("mutation($i: " + inputType + "!) { " + mutation + "(input: $i) { " + payload
					+ " { id version } } }")
			.variable("i", input)
			.execute();
	}

}
