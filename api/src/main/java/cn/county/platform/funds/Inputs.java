package cn.county.platform.funds;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The mutation inputs of linkage funds and the project library, bound by Spring for
 * GraphQL from the schema's input types.
 */
public final class Inputs {

	private Inputs() {
	}

	public record RecordAllocationInput(Integer year, FundSource source, String documentNumber, String title,
			BigDecimal amount, LocalDate allocatedOn) {
	}

	public record SplitAllocationInput(Long allocationId, Long projectId, BigDecimal amount) {
	}

	public record ProposeProjectInput(Integer year, String name, String townCode, String villageCode,
			ProjectCategory category, BigDecimal budget, String ownerDepartment, LocalDate plannedStart,
			LocalDate plannedEnd) {
	}

	public record UpdateProjectInput(Long id, Integer version, String name, ProjectCategory category, BigDecimal budget,
			String ownerDepartment, LocalDate plannedStart, LocalDate plannedEnd) {
	}

	public record ChangeProjectStatusInput(Long id, Integer version, ProjectStatus status, String note) {
	}

	public record RecordDisbursementInput(Long projectId, LocalDate paidOn, BigDecimal amount, String voucherNumber,
			Long correctsId, String note) {
	}

	public record RecordBenefitInput(Long projectId, Long householdId, Integer year, BenefitKind kind,
			BigDecimal amount) {
	}

	public record RecordCollectiveIncomeInput(String villageCode, Integer year, IncomeSource source, BigDecimal amount,
			Long projectId, Integer version) {
	}

}
