package cn.county.platform.job;

import java.util.List;
import java.util.Map;

import cn.county.platform.household.Household;
import cn.county.platform.household.Member;
import cn.county.platform.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * Jobs and subsidies. Every nested list is a batch mapping backed by one {@code IN (...)} statement, so a page of
 * households or members costs the same number of statements whatever its size.
 */
@Controller
class JobController {

	private final JobService jobs;

	JobController(JobService jobs) {
		this.jobs = jobs;
	}

	@QueryMapping
	JobConnection jobs(@Argument JobFilter filter, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		return new JobConnection(this.jobs.page(caller, filter, first, after), filter, caller);
	}

	@SchemaMapping(typeName = "JobConnection")
	long totalCount(JobConnection connection) {
		return this.jobs.count(connection.caller(), connection.filter());
	}

	@BatchMapping(typeName = "Household", field = "jobs")
	Map<Household, List<Job>> householdJobs(List<Household> households) {
		return Batches.lists(households, Household::id, this.jobs.ofHouseholds(Batches.ids(households, Household::id)));
	}

	@BatchMapping(typeName = "Member", field = "jobs")
	Map<Member, List<Job>> memberJobs(List<Member> members) {
		return Batches.lists(members, Member::id, this.jobs.ofMembers(Batches.ids(members, Member::id)));
	}

	@BatchMapping(typeName = "Member", field = "subsidies")
	Map<Member, List<Subsidy>> memberSubsidies(List<Member> members) {
		return Batches.lists(members, Member::id, this.jobs.subsidiesOfMembers(Batches.ids(members, Member::id)));
	}

	@BatchMapping(typeName = "Job", field = "subsidies")
	Map<Job, List<Subsidy>> jobSubsidies(List<Job> jobs) {
		return Batches.lists(jobs, Job::id, this.jobs.subsidiesOfJobs(Batches.ids(jobs, Job::id)));
	}

	@SchemaMapping(typeName = "Job")
	boolean current(Job job) {
		return job.runsOn(this.jobs.today());
	}

	@BatchMapping(typeName = "Job", field = "member")
	Map<Job, Member> jobMember(List<Job> jobs) {
		return Batches.members(jobs, Job::memberId, this.jobs::members);
	}

	@BatchMapping(typeName = "Subsidy", field = "member")
	Map<Subsidy, Member> subsidyMember(List<Subsidy> subsidies) {
		return Batches.members(subsidies, Subsidy::memberId, this.jobs::members);
	}

	@MutationMapping
	Map<String, Object> recordJob(@Argument Inputs.RecordJobInput input, @AuthenticationPrincipal Caller caller) {
		return Map.of("job", this.jobs.record(caller, input));
	}

	@MutationMapping
	Map<String, Object> updateJob(@Argument Inputs.UpdateJobInput input, @AuthenticationPrincipal Caller caller) {
		return Map.of("job", this.jobs.update(caller, input));
	}

	@MutationMapping
	Map<String, Object> endJob(@Argument Inputs.EndJobInput input, @AuthenticationPrincipal Caller caller) {
		return Map.of("job", this.jobs.end(caller, input));
	}

	@MutationMapping
	Map<String, Object> recordSubsidy(@Argument Inputs.RecordSubsidyInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("subsidy", this.jobs.recordSubsidy(caller, input));
	}

}
