package cn.county.platform.demo;

import java.util.List;

import cn.county.platform.job.JobDemoSection;

/**
 * The sections that follow households and members in every demo run, the Spring loader's and the command line's
 * alike. A feature adds its section here, after those whose rows it refers to.
 */
public final class DemoSections {

	private DemoSections() {
	}

	public static List<DemoSection> standard() {
		return List.of(new JobDemoSection());
	}

}
