package cn.county.platform.funds;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.InTown;
import cn.county.platform.common.Violation;
import cn.county.platform.common.Violations;
import cn.county.platform.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money: allocations of linkage funds, their split over projects, and each project's
 * disbursement ledger. A project never pays out more than it was allocated, and an
 * allocation is never split for more than its amount. Both rules are checked under the
 * row lock of what they protect (the allocation for a split, the project for a
 * disbursement, always in that order), so concurrent writes that together would break
 * them serialise and the later one is refused. Ledger entries are never changed: a
 * correction is a negative entry naming the one it corrects.
 */
@Service
public class LedgerService {

	private final AllocationMapper allocations;

	private final ProjectMapper projects;

	private final DisbursementMapper disbursements;

	private final IdGenerator ids;

	private final Clock clock;

	private final AuditTrail audit;

	LedgerService(AllocationMapper allocations, ProjectMapper projects, DisbursementMapper disbursements,
			IdGenerator ids, Clock clock, AuditTrail audit) {
		this.allocations = allocations;
		this.projects = projects;
		this.disbursements = disbursements;
		this.ids = ids;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Allocations are county-level documents: the county office and departments read
	 * them.
	 */
	@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'DEPARTMENT_OFFICER')")
	public List<FundAllocation> allocations(int year) {
		return this.allocations.selectByYear(year);
	}

	public Map<Long, List<FundSplit>> splitsOfProjects(Collection<Long> projectIds) {
		if (projectIds.isEmpty()) {
			return Map.of();
		}
		return this.allocations.selectSplitsByProjectIds(projectIds)
			.stream()
			.collect(Collectors.groupingBy(FundSplit::projectId));
	}

	public Map<Long, List<FundSplit>> splitsOfAllocations(Collection<Long> allocationIds) {
		if (allocationIds.isEmpty()) {
			return Map.of();
		}
		return this.allocations.selectSplitsByAllocationIds(allocationIds)
			.stream()
			.collect(Collectors.groupingBy(FundSplit::allocationId));
	}

	public Map<Long, List<Disbursement>> ledgers(Collection<Long> projectIds) {
		if (projectIds.isEmpty()) {
			return Map.of();
		}
		return this.disbursements.selectByProjectIds(projectIds)
			.stream()
			.collect(Collectors.groupingBy(Disbursement::projectId));
	}

	public FundAllocation allocation(long id) {
		return this.allocations.selectById(id);
	}

	@Transactional
	@PreAuthorize(ProjectService.MANAGERS)
	public FundAllocation recordAllocation(Caller caller, Inputs.RecordAllocationInput input) {
		Violations violations = new Violations();
		int last = LocalDate.now(this.clock).getYear() + 1;
		violations.required(input.year(), "input.year").between(input.year(), "input.year", 2000, last);
		violations.required(input.source(), "input.source");
		violations.text(input.documentNumber(), "input.documentNumber", 64);
		violations.text(input.title(), "input.title", 200);
		violations.required(input.amount(), "input.amount")
			.yuan(input.amount(), "input.amount", true, Violations.MAX_YUAN);
		violations.required(input.allocatedOn(), "input.allocatedOn")
			.notFuture(input.allocatedOn(), "input.allocatedOn", LocalDate.now(this.clock));
		violations.throwIfAny();
		String document = input.documentNumber().strip();
		if (this.allocations.documentExists(input.source(), document)) {
			throw duplicateDocument(input.source(), document);
		}
		long id = this.ids.nextId();
		try {
			this.allocations
				.insert(new FundAllocation(id, input.year(), input.source(), document, input.title().strip(),
						input.amount(), BigDecimal.ZERO, input.allocatedOn(), caller.username(), 0, null));
		}
		catch (DuplicateKeyException ex) {
			throw duplicateDocument(input.source(), document);
		}
		FundAllocation recorded = this.allocations.selectById(id);
		this.audit.record(caller, "recordFundAllocation", "FundAllocation", id, null, recorded);
		return recorded;
	}

	/**
	 * Sets the part of an allocation that goes to a project (zero takes it back). The
	 * allocation may not be split for more than its amount, and a project's allocation
	 * may not fall below what it has already paid out.
	 */
	@Transactional
	@PreAuthorize(ProjectService.MANAGERS)
	public FundSplit split(Caller caller, Inputs.SplitAllocationInput input) {
		Violations violations = new Violations();
		violations.required(input.allocationId(), "input.allocationId").required(input.projectId(), "input.projectId");
		violations.required(input.amount(), "input.amount")
			.yuan(input.amount(), "input.amount", false, Violations.MAX_YUAN);
		violations.throwIfAny();
		FundAllocation allocation = this.allocations.lock(input.allocationId());
		if (allocation == null) {
			throw DomainException.notFound("input.allocationId", "allocation " + input.allocationId());
		}
		Project project = this.projects.lock(input.projectId(), ProjectService.scope(caller));
		if (project == null) {
			throw DomainException.notFound("input.projectId", "project " + input.projectId());
		}
		if (!ProjectStatus.FUNDED.contains(project.status())) {
			throw DomainException.conflict("input.projectId",
					"a project " + project.status() + " is not funded; money goes to approved projects");
		}
		if (project.year() != allocation.year()) {
			throw DomainException.badRequest("input.projectId",
					"is a project of " + project.year() + ", the allocation is for " + allocation.year());
		}
		FundSplit before = this.allocations.selectSplit(allocation.id(), project.id());
		BigDecimal old = (before != null) ? before.amount() : BigDecimal.ZERO;
		BigDecimal delta = input.amount().subtract(old);
		BigDecimal split = allocation.split().add(delta);
		if (split.compareTo(allocation.amount()) > 0) {
			throw DomainException.conflict("input.amount", "would split " + split + " of allocation "
					+ allocation.documentNumber() + ", more than its " + allocation.amount());
		}
		BigDecimal allocated = project.allocated().add(delta);
		if (allocated.compareTo(project.disbursed()) < 0) {
			throw DomainException.conflict("input.amount", "would leave the project " + allocated
					+ " allocated, less than the " + project.disbursed() + " it has paid out");
		}
		FundSplit after = new FundSplit(allocation.id(), project.id(), input.amount());
		if (before == null) {
			this.allocations.insertSplit(after);
		}
		else {
			this.allocations.updateSplit(after);
		}
		this.allocations.addToSplit(allocation.id(), delta);
		this.projects.addToTotals(project.id(), delta, BigDecimal.ZERO);
		this.audit.record(caller, "splitFundAllocation", "FundSplit", project.id(),
				(before != null) ? new SplitState(before, project.townCode()) : null,
				new SplitState(after, project.townCode()));
		return after;
	}

	/**
	 * Adds an entry to a project's ledger. A positive entry is a payment and may not
	 * bring the project's disbursements above its allocation; a negative one corrects an
	 * earlier payment of the same project ({@code correctsId}), by at most what is left
	 * of it. The county office, FINANCE and the project's owner department record them.
	 */
	@Transactional
	@PreAuthorize(ProjectService.MANAGERS + " or hasRole('DEPARTMENT_OFFICER')")
	public Disbursement disburse(Caller caller, Inputs.RecordDisbursementInput input) {
		Violations violations = new Violations();
		violations.required(input.projectId(), "input.projectId");
		violations.required(input.paidOn(), "input.paidOn")
			.notFuture(input.paidOn(), "input.paidOn", LocalDate.now(this.clock));
		BigDecimal amount = input.amount();
		violations.required(amount, "input.amount");
		if (amount != null) {
			if (amount.signum() == 0) {
				violations.badRequest("input.amount", "must not be 0");
			}
			else {
				violations.yuan(amount.abs(), "input.amount", true, Violations.MAX_YUAN);
			}
			if (amount.signum() < 0 && input.correctsId() == null) {
				violations.badRequest("input.correctsId", "is required for a negative entry (a correction)");
			}
			if (amount.signum() > 0 && input.correctsId() != null) {
				violations.badRequest("input.correctsId", "is only for a negative entry (a correction)");
			}
		}
		violations.text(input.voucherNumber(), "input.voucherNumber", 64);
		violations.optionalText(Violations.blankToNull(input.note()), "input.note", 500);
		violations.throwIfAny();
		Project project = this.projects.lock(input.projectId(), ProjectService.scope(caller));
		if (project == null) {
			throw DomainException.notFound("input.projectId", "project " + input.projectId());
		}
		if (!ProjectService.manages(caller) && !project.ownerDepartment().equals(caller.department())) {
			throw new DomainException(new Violation("input.projectId",
					"is a project of " + project.ownerDepartment() + ", not of the caller's department",
					ErrorClassification.FORBIDDEN));
		}
		if (!ProjectStatus.FUNDED.contains(project.status())) {
			throw DomainException.conflict("input.projectId",
					"a project " + project.status() + " pays nothing out; payments are for approved projects");
		}
		String voucher = input.voucherNumber().strip();
		if (this.disbursements.voucherExists(project.id(), voucher)) {
			throw duplicateVoucher(voucher);
		}
		if (amount.signum() > 0) {
			BigDecimal total = project.disbursed().add(amount);
			if (total.compareTo(project.allocated()) > 0) {
				throw DomainException.conflict("input.amount", "would bring the project's disbursements to " + total
						+ ", above its allocation of " + project.allocated());
			}
		}
		else {
			Disbursement corrected = this.disbursements.selectById(input.correctsId());
			if (corrected == null || corrected.projectId() != project.id() || corrected.amount().signum() < 0) {
				throw DomainException.notFound("input.correctsId", "payment " + input.correctsId() + " of the project");
			}
			BigDecimal left = corrected.amount().add(this.disbursements.correctedSum(corrected.id()));
			if (left.add(amount).signum() < 0) {
				throw DomainException.conflict("input.amount",
						"corrects more than the " + left + " left of payment " + corrected.voucherNumber());
			}
		}
		long id = this.ids.nextId();
		try {
			this.disbursements.insert(new Disbursement(id, project.id(), project.townCode(), input.paidOn(), amount,
					voucher, input.correctsId(), Violations.blankToNull(input.note()), caller.username(), null));
		}
		catch (DuplicateKeyException ex) {
			throw duplicateVoucher(voucher);
		}
		this.projects.addToTotals(project.id(), BigDecimal.ZERO, amount);
		Disbursement recorded = this.disbursements.selectById(id);
		this.audit.record(caller, "recordDisbursement", "Disbursement", id, null, recorded);
		return recorded;
	}

	private static DomainException duplicateDocument(FundSource source, String document) {
		return DomainException.conflict("input.documentNumber",
				source + " already has an allocation with document number " + document);
	}

	private static DomainException duplicateVoucher(String voucher) {
		return DomainException.conflict("input.voucherNumber", "the project already has voucher " + voucher);
	}

	/** A split as the audit trail records it, placed in its project's town. */
	record SplitState(long allocationId, long projectId, BigDecimal amount, String townCode) implements InTown {

		SplitState(FundSplit split, String townCode) {
			this(split.allocationId(), split.projectId(), split.amount(), townCode);
		}

	}

}
