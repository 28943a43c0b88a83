package cn.county.platform.disability;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The mutation inputs of disability services, bound from the schema's input types. */
public final class Inputs {

	private Inputs() {
	}

	public record IssueDisabilityCertificateInput(Long memberId, DisabilityKind kind, Integer grade,
			LocalDate issuedOn) {
	}

	public record RevokeDisabilityCertificateInput(Long id, Integer version, LocalDate revokedOn) {
	}

	public record RecordDisabilityServiceInput(Long memberId, DisabilityServiceKind kind, String description,
			LocalDate providedOn, BigDecimal amount) {
	}

}
