package cn.county.platform.funds;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.county.platform.common.Batches;
import cn.county.platform.common.Connection;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdLoaders;
import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;
import cn.county.platform.security.CallerAuthentication;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class FundsController {

	private final ProjectService projects;

	private final LedgerService ledger;

	private final BenefitService benefits;

	private final ProgressService progress;

	FundsController(ProjectService projects, LedgerService ledger, BenefitService benefits, ProgressService progress) {
		this.projects = projects;
		this.ledger = ledger;
		this.benefits = benefits;
		this.progress = progress;
	}

	@QueryMapping
	Connection<Project> projects(@Argument ProjectFilter filter, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		return Connection.of(this.projects.page(caller, filter, first, after),
				() -> this.projects.count(caller, filter));
	}

	@QueryMapping
	Project project(@Argument long id, @AuthenticationPrincipal Caller caller) {
		return this.projects.project(caller, id);
	}

	@QueryMapping
	List<FundAllocation> fundAllocations(@Argument int year) {
		return this.ledger.allocations(year);
	}

	@QueryMapping
	List<ProgressService.ProjectCard> projectCards(@Argument int year, @Argument LocalDate asOf,
			@AuthenticationPrincipal Caller caller) {
		return this.progress.cards(caller, year, asOf);
	}

	@QueryMapping
	List<CollectiveIncome> collectiveIncome(@Argument int year, @Argument String villageCode,
			@AuthenticationPrincipal Caller caller) {
		return this.benefits.collectiveIncome(caller, year, villageCode);
	}

	@SchemaMapping(typeName = "Project")
	Town town(Project project) {
		return new Town(project.townCode(), project.townName());
	}

	@SchemaMapping(typeName = "Project")
	Village village(Project project) {
		return (project.villageCode() != null)
				? new Village(project.villageCode(), project.townCode(), project.villageName()) : null;
	}

	@SchemaMapping(typeName = "CollectiveIncome")
	Village village(CollectiveIncome income) {
		return new Village(income.villageCode(), income.townCode(), income.villageName());
	}

	/** One statement for the splits of every project on the page. */
	@BatchMapping(typeName = "Project", field = "splits")
	Map<Project, List<FundSplit>> projectSplits(List<Project> projects) {
		return Batches.lists(projects, Project::id, this.ledger::splitsOfProjects);
	}

	/** One statement for the ledgers of every project on the page. */
	@BatchMapping(typeName = "Project", field = "disbursements")
	Map<Project, List<Disbursement>> projectDisbursements(List<Project> projects) {
		return Batches.lists(projects, Project::id, this.ledger::ledgers);
	}

	/**
	 * One statement for the benefits of every project on the page, of households in the
	 * caller's scope only (a village cadre sees its village's households).
	 */
	@BatchMapping(typeName = "Project", field = "benefits")
	Map<Project, List<ProjectBenefit>> projectBenefits(List<Project> projects, Principal principal) {
		Caller caller = (principal instanceof CallerAuthentication authentication) ? authentication.caller() : null;
		if (caller == null) {
			return Batches.lists(projects, Project::id, (ids) -> Map.of());
		}
		return Batches.lists(projects, Project::id, (ids) -> this.benefits.ofProjects(caller, ids));
	}

	@BatchMapping(typeName = "FundAllocation", field = "splits")
	Map<FundAllocation, List<FundSplit>> allocationSplits(List<FundAllocation> allocations) {
		return Batches.lists(allocations, FundAllocation::id, this.ledger::splitsOfAllocations);
	}

	@BatchMapping(typeName = "FundSplit", field = "project")
	Map<FundSplit, Project> splitProject(List<FundSplit> splits) {
		return Batches.one(splits, FundSplit::projectId, this.projects::byIds);
	}

	@SchemaMapping(typeName = "FundSplit")
	FundAllocation allocation(FundSplit split) {
		return this.ledger.allocation(split.allocationId());
	}

	@BatchMapping(typeName = "ProjectBenefit", field = "project")
	Map<ProjectBenefit, Project> benefitProject(List<ProjectBenefit> benefits) {
		return Batches.one(benefits, ProjectBenefit::projectId, this.projects::byIds);
	}

	@SchemaMapping(typeName = "ProjectBenefit")
	CompletableFuture<Household> household(ProjectBenefit benefit, DataFetchingEnvironment env) {
		return HouseholdLoaders.household(env, benefit.householdId());
	}

	@BatchMapping(typeName = "Household", field = "projectBenefits")
	Map<Household, List<ProjectBenefit>> householdBenefits(List<Household> households) {
		return Batches.lists(households, Household::id, this.benefits::ofHouseholds);
	}

	@MutationMapping
	Map<String, Object> recordFundAllocation(@Argument Inputs.RecordAllocationInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("allocation", this.ledger.recordAllocation(caller, input));
	}

	@MutationMapping
	Map<String, Object> splitFundAllocation(@Argument Inputs.SplitAllocationInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("split", this.ledger.split(caller, input));
	}

	@MutationMapping
	Map<String, Object> proposeProject(@Argument Inputs.ProposeProjectInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("project", this.projects.propose(caller, input));
	}

	@MutationMapping
	Map<String, Object> updateProject(@Argument Inputs.UpdateProjectInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("project", this.projects.update(caller, input));
	}

	@MutationMapping
	Map<String, Object> changeProjectStatus(@Argument Inputs.ChangeProjectStatusInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("project", this.projects.changeStatus(caller, input));
	}

	@MutationMapping
	Map<String, Object> recordDisbursement(@Argument Inputs.RecordDisbursementInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("disbursement", this.ledger.disburse(caller, input));
	}

	@MutationMapping
	Map<String, Object> recordProjectBenefit(@Argument Inputs.RecordBenefitInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("benefit", this.benefits.record(caller, input));
	}

	@MutationMapping
	Map<String, Object> recordCollectiveIncome(@Argument Inputs.RecordCollectiveIncomeInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("income", this.benefits.recordIncome(caller, input));
	}

}
