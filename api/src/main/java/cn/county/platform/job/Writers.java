package cn.county.platform.job;

/**
 * Who writes jobs, subsidies, trainings and certificates (DOMAIN.md: human resources
 * writes its own domain): county admins, town officials within their town (the row scope
 * of the lock), and HRSS officers county-wide. Village cadres and other departments read
 * but do not write these.
 */
final class Writers {

	static final String JOBS = "hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL') or @departments.is(authentication, 'HRSS')";

	private Writers() {
	}

}
