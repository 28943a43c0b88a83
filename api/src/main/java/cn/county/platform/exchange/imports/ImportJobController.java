package cn.county.platform.exchange.imports;

import java.util.List;

import cn.county.platform.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * Import jobs in GraphQL: one by id while it runs or after, the caller's recent ones, and
 * their refused rows.
 */
@Controller
class ImportJobController {

	private final ImportJobService jobs;

	ImportJobController(ImportJobService jobs) {
		this.jobs = jobs;
	}

	@QueryMapping
	ImportJob importJob(@Argument long id, @AuthenticationPrincipal Caller caller) {
		return this.jobs.job(caller, id);
	}

	@QueryMapping
	List<ImportJob> importJobs(@Argument Integer last, @AuthenticationPrincipal Caller caller) {
		return this.jobs.recent(caller, last);
	}

	@SchemaMapping(typeName = "ImportJob")
	List<ImportRefusal> refusals(ImportJob job, @Argument Integer first) {
		return this.jobs.refusals(job, first);
	}

	@SchemaMapping(typeName = "ImportJob")
	String reportPath(ImportJob job) {
		return "/imports/" + job.id() + "/report";
	}

}
