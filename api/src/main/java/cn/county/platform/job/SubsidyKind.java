package cn.county.platform.job;

import java.util.EnumSet;
import java.util.Set;

/**
 * The employment subsidies of item 15, each paid only for the kinds of job it is meant
 * for.
 */
public enum SubsidyKind {

	CROSS_PROVINCE_TRANSPORT(EnumSet.of(JobType.OUT_OF_PROVINCE)),

	ONE_TIME_STARTUP(EnumSet.of(JobType.SELF_EMPLOYED, JobType.LOCAL_ENTERPRISE));

	private final Set<JobType> jobTypes;

	SubsidyKind(Set<JobType> jobTypes) {
		this.jobTypes = jobTypes;
	}

	public Set<JobType> jobTypes() {
		return this.jobTypes;
	}

}
