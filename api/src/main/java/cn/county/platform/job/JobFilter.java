package cn.county.platform.job;

public record JobFilter(String townCode, String villageCode, JobType type, WelfarePostLevel welfarePostLevel,
		Boolean current) {

	public static final JobFilter NONE = new JobFilter(null, null, null, null, null);

}
