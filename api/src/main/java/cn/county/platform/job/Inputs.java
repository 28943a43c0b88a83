package cn.county.platform.job;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The mutation inputs of jobs, subsidies, trainings and certificates, bound from the
 * schema's input types.
 */
public final class Inputs {

	private Inputs() {
	}

	public record RecordJobInput(Long memberId, JobType type, WelfarePostLevel welfarePostLevel, String employer,
			String place, LocalDate startDate, LocalDate endDate, BigDecimal monthlyIncome) {
	}

	public record UpdateJobInput(Long id, Integer version, String employer, String place, LocalDate startDate,
			LocalDate endDate, BigDecimal monthlyIncome) {
	}

	public record EndJobInput(Long id, Integer version, LocalDate endDate) {
	}

	public record RecordSubsidyInput(Long jobId, SubsidyKind kind, BigDecimal amount, LocalDate paidOn) {
	}

	public record RecordTrainingInput(Long memberId, String course, String provider, LocalDate startDate,
			LocalDate endDate, Boolean completed) {
	}

	public record UpdateTrainingInput(Long id, Integer version, String course, String provider, LocalDate startDate,
			LocalDate endDate, Boolean completed) {
	}

	public record RecordCertificateInput(Long memberId, String name, CertificateKind kind, LocalDate issuedOn,
			String number, Long trainingId) {
	}

	public record UpdateCertificateInput(Long id, Integer version, String name, CertificateKind kind,
			LocalDate issuedOn, String number, Long trainingId) {
	}

}
