package cn.county.platform.household;

import java.time.LocalDate;
import java.util.Optional;

import cn.county.platform.common.ResidentIdNumber;
import cn.county.platform.common.Violations;

/**
 * The rules every member's data obeys, whoever registers it: a well-formed ID number (GB
 * 11643) whose birth date and gender agree with the stated ones, and a disability grade
 * exactly when the member is disabled.
 */
final class MemberRules {

	/** The longest name a member may have (the column is VARCHAR(64)). */
	static final int NAME_LENGTH = 64;

	private MemberRules() {
	}

	static void checkNew(Inputs.MemberFields fields, String prefix, LocalDate today, Violations violations) {
		violations.required(fields, prefix);
		if (fields == null) {
			return;
		}
		violations.text(fields.name(), prefix + ".name", NAME_LENGTH);
		checkIdentity(fields.idNumber(), fields.birthDate(), fields.gender(), prefix, today, violations);
		checkDisability(fields.health(), fields.disabilityGrade(), prefix, violations);
	}

	/**
	 * A member added to a registered household: {@code MemberService.add} and
	 * {@link HouseholdBatch}.
	 */
	static void checkAdded(Relation relation, Inputs.MemberFields fields, LocalDate today, Violations violations) {
		violations.required(relation, "input.relation");
		if (relation == Relation.HEAD) {
			violations.badRequest("input.relation", "a household has one head, registered with it");
		}
		checkNew(fields, "input.member", today, violations);
	}

	/**
	 * The ID number is well formed and the birth date and gender, where given, agree with
	 * it.
	 */
	static void checkIdentity(String idNumber, LocalDate birthDate, Gender gender, String prefix, LocalDate today,
			Violations violations) {
		Optional<String> problem = ResidentIdNumber.problem(idNumber);
		if (problem.isPresent()) {
			violations.badRequest(prefix + ".idNumber", problem.get());
			return;
		}
		LocalDate encoded = ResidentIdNumber.birthDate(idNumber).orElseThrow();
		if (encoded.isAfter(today)) {
			violations.badRequest(prefix + ".idNumber", "encodes a birth date in the future");
		}
		if (birthDate != null && !birthDate.equals(encoded)) {
			violations.badRequest(prefix + ".birthDate", "does not agree with the ID number, which says " + encoded);
		}
		if (gender != null && !gender.name().equals(ResidentIdNumber.gender(idNumber))) {
			violations.badRequest(prefix + ".gender",
					"does not agree with the ID number, which says " + ResidentIdNumber.gender(idNumber));
		}
	}

	static void checkDisability(Health health, Integer grade, String prefix, Violations violations) {
		if (health == Health.DISABLED) {
			if (grade == null) {
				violations.badRequest(prefix + ".disabilityGrade", "is required when health is DISABLED");
			}
			violations.between(grade, prefix + ".disabilityGrade", 1, 4);
		}
		else if (health != null && grade != null) {
			violations.badRequest(prefix + ".disabilityGrade", "is only given when health is DISABLED");
		}
	}

	static String normalizeIdNumber(String idNumber) {
		return (idNumber != null) ? idNumber.strip().toUpperCase(java.util.Locale.ROOT) : null;
	}

}
