package cn.county.platform.job;

import java.util.List;
import java.util.Map;

import cn.county.platform.common.Batches;
import cn.county.platform.common.Connection;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdLoaders;
import cn.county.platform.household.Member;
import cn.county.platform.security.Caller;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * Jobs and subsidies. Every nested list is a batch mapping backed by one {@code IN (...)}
 * statement, so a page of households or members costs the same number of statements
 * whatever its size.
 */
@Controller
class JobController implements RuntimeWiringConfigurer {

	private final JobService jobs;

	JobController(JobService jobs) {
		this.jobs = jobs;
	}

	/**
	 * The records of this package name their member: their {@code member} fields ask the
	 * member loader.
	 */
	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		HouseholdLoaders.memberFields(wiring, "Job", "Subsidy", "Training", "Certificate");
	}

	@QueryMapping
	Connection<Job> jobs(@Argument JobFilter filter, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		return Connection.of(this.jobs.page(caller, filter, first, after), () -> this.jobs.count(caller, filter));
	}

	@BatchMapping(typeName = "Household", field = "jobs")
	Map<Household, List<Job>> householdJobs(List<Household> households) {
		return Batches.lists(households, Household::id, this.jobs::ofHouseholds);
	}

	@BatchMapping(typeName = "Member", field = "jobs")
	Map<Member, List<Job>> memberJobs(List<Member> members) {
		return Batches.lists(members, Member::id, this.jobs::ofMembers);
	}

	@BatchMapping(typeName = "Member", field = "subsidies")
	Map<Member, List<Subsidy>> memberSubsidies(List<Member> members) {
		return Batches.lists(members, Member::id, this.jobs::subsidiesOfMembers);
	}

	@BatchMapping(typeName = "Job", field = "subsidies")
	Map<Job, List<Subsidy>> jobSubsidies(List<Job> jobs) {
		return Batches.lists(jobs, Job::id, this.jobs::subsidiesOfJobs);
	}

	@SchemaMapping(typeName = "Job")
	boolean current(Job job) {
		return job.runsOn(this.jobs.today());
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
