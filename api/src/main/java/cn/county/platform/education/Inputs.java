package cn.county.platform.education;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.county.platform.household.Schooling;

/** The mutation inputs of education, bound from the schema's input types. */
public final class Inputs {

	private Inputs() {
	}

	public record RecordSchoolingChangeInput(Long memberId, SchoolingStatus status, Schooling level, String school,
			LocalDate effectiveOn, String note) {
	}

	public record CorrectSchoolingRecordInput(Long id, Integer version, String school, String note) {
	}

	public record GrantEducationAidInput(Long memberId, EducationAidKind kind, BigDecimal amount, Integer schoolYear,
			Integer term, LocalDate grantedOn) {
	}

}
