package cn.county.platform.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The mutation inputs of social assistance, bound from the schema's input types. */
public final class Inputs {

	private Inputs() {
	}

	public record EnrolAssistanceInput(Long householdId, AssistanceKind kind, LocalDate startDate, LocalDate endDate,
			BigDecimal monthlyAmount, BigDecimal oneOffAmount, String reason) {
	}

	public record EndAssistanceEnrolmentInput(Long id, Integer version, LocalDate endDate) {
	}

	public record RecordAssistancePaymentsInput(Long id, Integer version, List<String> months) {
	}

}
