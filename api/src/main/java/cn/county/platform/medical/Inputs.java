package cn.county.platform.medical;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The mutation inputs of medical care, bound from the schema's input types. */
public final class Inputs {

	private Inputs() {
	}

	public record EnrolInInsuranceInput(Long memberId, Integer year, InsuranceScheme scheme, BigDecimal premium,
			BigDecimal governmentShare, LocalDate enrolledOn) {
	}

	public record IdentifyIllnessInput(Long memberId, IllnessKind kind, String disease, LocalDate identifiedOn) {
	}

	public record EndIllnessIdentificationInput(Long id, Integer version, LocalDate endedOn) {
	}

	public record SignFamilyDoctorContractInput(Long memberId, String doctor, String clinic, LocalDate signedOn,
			LocalDate endsOn) {
	}

}
