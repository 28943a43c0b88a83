package cn.county.platform.job;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Page;
import cn.county.platform.common.PageRequest;
import cn.county.platform.common.PlatformProperties;
import cn.county.platform.common.Violations;
import cn.county.platform.household.Member;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Scope;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs and the subsidies paid for them (item 15). Each write checks its whole input, then
 * locks the member (in the caller's scope, else NOT_FOUND) and checks the rules that span
 * the member's records under that lock, so two concurrent writes cannot both slip a
 * second public-welfare post or start-up subsidy past the check.
 */
@Service
public class JobService {

	static final String SORT_KEY = "START_DATE_DESC";

	private final JobMapper jobs;

	private final SubsidyMapper subsidies;

	private final Holders holders;

	private final IdGenerator ids;

	private final Clock clock;

	private final PlatformProperties properties;

	private final AuditTrail audit;

	JobService(JobMapper jobs, SubsidyMapper subsidies, Holders holders, IdGenerator ids, Clock clock,
			PlatformProperties properties, AuditTrail audit) {
		this.audit = audit;
		this.jobs = jobs;
		this.subsidies = subsidies;
		this.holders = holders;
		this.ids = ids;
		this.clock = clock;
		this.properties = properties;
	}

	/** Reads the job after a write and records the write with the state before it. */
	private Job audited(Caller caller, String operation, Job before, long id) {
		Job after = this.jobs.selectById(id, Scope.COUNTY);
		this.audit.record(caller, operation, "Job", id, before, after);
		return after;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	public Page<Job> page(Caller caller, JobFilter filter, Integer first, String after) {
		PageRequest request = PageRequest.of(first, after, SORT_KEY, this.properties.maxPageSize());
		List<Job> rows = this.jobs.selectPage((filter != null) ? filter : JobFilter.NONE, caller.scope(), today(),
				request.afterValue(LocalDate::parse), request.afterId(), request.limit());
		return Page.of(rows, request, (job) -> job.startDate().toString(), Job::id);
	}

	public long count(Caller caller, JobFilter filter) {
		return this.jobs.count((filter != null) ? filter : JobFilter.NONE, caller.scope(), today());
	}

	public Map<Long, List<Job>> ofMembers(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		return this.jobs.selectByMemberIds(memberIds).stream().collect(Collectors.groupingBy(Job::memberId));
	}

	public Map<Long, List<Job>> ofHouseholds(Collection<Long> householdIds) {
		if (householdIds.isEmpty()) {
			return Map.of();
		}
		return this.jobs.selectByHouseholdIds(householdIds).stream().collect(Collectors.groupingBy(Job::householdId));
	}

	public Map<Long, List<Subsidy>> subsidiesOfMembers(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		return this.subsidies.selectByMemberIds(memberIds).stream().collect(Collectors.groupingBy(Subsidy::memberId));
	}

	public Map<Long, List<Subsidy>> subsidiesOfJobs(Collection<Long> jobIds) {
		if (jobIds.isEmpty()) {
			return Map.of();
		}
		return this.subsidies.selectByJobIds(jobIds).stream().collect(Collectors.groupingBy(Subsidy::jobId));
	}

	@Transactional
	@PreAuthorize(Writers.JOBS)
	public Job record(Caller caller, Inputs.RecordJobInput input) {
		LocalDate today = today();
		Violations violations = new Violations();
		violations.required(input.type(), "input.type");
		if (input.type() == JobType.PUBLIC_WELFARE_POST && input.welfarePostLevel() == null) {
			violations.badRequest("input.welfarePostLevel", "is required for a PUBLIC_WELFARE_POST");
		}
		else if (input.type() != JobType.PUBLIC_WELFARE_POST && input.welfarePostLevel() != null) {
			violations.badRequest("input.welfarePostLevel", "is given only for a PUBLIC_WELFARE_POST");
		}
		violations.text(input.employer(), "input.employer", 100);
		violations.text(input.place(), "input.place", 100);
		violations.required(input.startDate(), "input.startDate");
		violations.notFuture(input.startDate(), "input.startDate", today);
		violations.notFuture(input.endDate(), "input.endDate", today);
		violations.notBefore(input.endDate(), input.startDate(), "input.endDate",
				"the start date (" + input.startDate() + ")");
		violations.required(input.monthlyIncome(), "input.monthlyIncome");
		JobRules.yuan(input.monthlyIncome(), "input.monthlyIncome", false, violations);
		violations.throwIfAny();
		Holder holder = this.holders.lock(caller, input.memberId(), "input.memberId");
		if (JobRules.isUnderWorkingAge(holder, input.startDate())) {
			throw DomainException.badRequest("input.memberId", "is under " + JobRules.MINIMUM_WORKING_AGE
					+ " on the start date " + input.startDate() + " (born " + holder.birthDate() + ")");
		}
		if (input.type() == JobType.PUBLIC_WELFARE_POST) {
			refuseOverlappingPost(holder.id(), null, input.startDate(), input.endDate(), "input.startDate");
		}
		Job job = new Job(this.ids.nextId(), holder.id(), holder.householdId(), input.type(), input.welfarePostLevel(),
				input.employer().strip(), input.place().strip(), input.startDate(), input.endDate(),
				input.monthlyIncome(), 0);
		this.jobs.insert(job);
		return audited(caller, "recordJob", null, job.id());
	}

	@Transactional
	@PreAuthorize(Writers.JOBS)
	public Job update(Caller caller, Inputs.UpdateJobInput input) {
		LocalDate today = today();
		Violations violations = new Violations();
		violations.optionalText(input.employer(), "input.employer", 100);
		violations.optionalText(input.place(), "input.place", 100);
		violations.notFuture(input.startDate(), "input.startDate", today);
		violations.notFuture(input.endDate(), "input.endDate", today);
		JobRules.yuan(input.monthlyIncome(), "input.monthlyIncome", false, violations);
		violations.throwIfAny();
		Locked locked = lockJob(caller, input.id(), input.version());
		Job current = locked.job();
		LocalDate start = (input.startDate() != null) ? input.startDate() : current.startDate();
		LocalDate end = (input.endDate() != null) ? input.endDate() : current.endDate();
		new Violations().updatedPeriod(start, end, input.endDate() != null).throwIfAny();
		if (input.startDate() != null && JobRules.isUnderWorkingAge(locked.holder(), start)) {
			throw DomainException.badRequest("input.startDate", "the member is under " + JobRules.MINIMUM_WORKING_AGE
					+ " on it (born " + locked.holder().birthDate() + ")");
		}
		if (current.type() == JobType.PUBLIC_WELFARE_POST && (input.startDate() != null || input.endDate() != null)) {
			refuseOverlappingPost(current.memberId(), current.id(), start, end,
					(input.startDate() != null) ? "input.startDate" : "input.endDate");
		}
		if (input.startDate() != null) {
			for (Subsidy paid : this.subsidies.selectByJobIds(List.of(current.id()))) {
				if (paid.paidOn().isBefore(start)) {
					throw DomainException.conflict("input.startDate",
							"a " + paid.kind() + " subsidy was paid for this job on " + paid.paidOn() + ", before it");
				}
			}
		}
		this.jobs.update(current.id(),
				new Inputs.UpdateJobInput(current.id(), input.version(), Violations.strip(input.employer()),
						Violations.strip(input.place()), input.startDate(), input.endDate(), input.monthlyIncome()));
		return audited(caller, "updateJob", current, current.id());
	}

	@Transactional
	@PreAuthorize(Writers.JOBS)
	public Job end(Caller caller, Inputs.EndJobInput input) {
		Violations violations = new Violations();
		violations.required(input.endDate(), "input.endDate");
		violations.notFuture(input.endDate(), "input.endDate", today());
		violations.throwIfAny();
		Job current = lockJob(caller, input.id(), input.version()).job();
		if (current.endDate() != null) {
			throw DomainException.conflict("input.id",
					"the job already ended on " + current.endDate() + "; correct the date with updateJob");
		}
		new Violations()
			.notBefore(input.endDate(), current.startDate(), "input.endDate",
					"the start date (" + current.startDate() + ")")
			.throwIfAny();
		// shortening a period cannot make two posts overlap, so no overlap check here
		this.jobs.end(current.id(), input.endDate());
		return audited(caller, "endJob", current, current.id());
	}

	@Transactional
	@PreAuthorize(Writers.JOBS)
	public Subsidy recordSubsidy(Caller caller, Inputs.RecordSubsidyInput input) {
		Violations violations = new Violations();
		violations.required(input.kind(), "input.kind");
		violations.required(input.amount(), "input.amount");
		JobRules.yuan(input.amount(), "input.amount", true, violations);
		violations.required(input.paidOn(), "input.paidOn");
		violations.notFuture(input.paidOn(), "input.paidOn", today());
		violations.throwIfAny();
		Job job = lockJob(caller, input.jobId(), null, "input.jobId").job();
		if (!input.kind().jobTypes().contains(job.type())) {
			throw DomainException.badRequest("input.kind",
					"is paid only for " + input.kind().jobTypes() + " jobs; this job is " + job.type());
		}
		new Violations()
			.notBefore(input.paidOn(), job.startDate(), "input.paidOn", "the job started (" + job.startDate() + ")")
			.throwIfAny();
		if (input.kind() == SubsidyKind.ONE_TIME_STARTUP) {
			List<Subsidy> earlier = this.subsidies.selectByMemberAndKind(job.memberId(), SubsidyKind.ONE_TIME_STARTUP);
			if (!earlier.isEmpty()) {
				throw DomainException.conflict("input.kind", "the member already received a one-time start-up "
						+ "subsidy on " + earlier.get(0).paidOn() + "; it is paid once per person");
			}
		}
		Subsidy subsidy = new Subsidy(this.ids.nextId(), job.id(), job.memberId(), job.householdId(), input.kind(),
				input.amount(), input.paidOn());
		this.subsidies.insert(subsidy);
		this.audit.record(caller, "recordSubsidy", "Subsidy", subsidy.id(), null, subsidy);
		return subsidy;
	}

	/**
	 * A member holds one public-welfare post at a time (item 15): refuses a period that
	 * shares a day with another of the member's posts. Called under the member's lock.
	 */
	private void refuseOverlappingPost(long memberId, Long self, LocalDate start, LocalDate end, String field) {
		for (Job post : this.jobs.selectWelfarePosts(memberId)) {
			if (self != null && post.id() == self) {
				continue;
			}
			if (Job.overlaps(start, end, post.startDate(), post.endDate())) {
				throw DomainException.conflict(field,
						"overlaps the member's " + post.welfarePostLevel() + "-level public-welfare post at "
								+ post.employer() + " from " + post.startDate() + " to "
								+ ((post.endDate() != null) ? post.endDate() : "now")
								+ "; a member holds one public-welfare post at a time");
			}
		}
	}

	private Locked lockJob(Caller caller, Long id, Integer expectedVersion) {
		return lockJob(caller, id, expectedVersion, "input.id");
	}

	/**
	 * Finds the job in the caller's scope (else NOT_FOUND), locks its member as every
	 * write here does, and reads the job again under that lock to compare its version.
	 */
	private Locked lockJob(Caller caller, Long id, Integer expectedVersion, String field) {
		Job found = this.jobs.selectById(Violations.require(id, field), caller.scope());
		if (found == null) {
			throw DomainException.notFound(field, "job " + id);
		}
		Holder holder = this.holders.lock(caller, found.memberId(), field);
		Job job = this.jobs.selectById(id, Scope.COUNTY);
		Violations.notStale(expectedVersion, job.version(), "job");
		return new Locked(job, holder);
	}

	private record Locked(Job job, Holder holder) {
	}

}
