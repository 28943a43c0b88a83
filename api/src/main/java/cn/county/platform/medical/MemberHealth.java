package cn.county.platform.medical;

import cn.county.platform.household.Health;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code member.health} and {@code member.disability_grade} in step with the
 * member's illness identifications (this package) and disability certificates (the
 * disability package), in the writing transaction, so the screening and the household's
 * detail read the current value from the member row as before.
 */
@Component
public class MemberHealth {

	private final MedicalMapper records;

	MemberHealth(MedicalMapper records) {
		this.records = records;
	}

	/** Call after a write of the member's records, with the member locked. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void follow(long memberId) {
		HealthEvidence evidence = this.records.selectHealthEvidence(memberId);
		Health health = evidence.health();
		if (health != null) {
			this.records.updateMemberHealth(memberId, health, (health == Health.DISABLED) ? evidence.grade() : null);
		}
	}

}
