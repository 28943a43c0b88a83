package cn.county.platform.demo;

import java.util.List;

import cn.county.platform.courtyard.CourtyardDemoSection;
import cn.county.platform.job.JobDemoSection;
import cn.county.platform.loan.LoanDemoSection;
import cn.county.platform.measure.MeasureDemoSection;
import cn.county.platform.measure.VisitDemoSection;
import cn.county.platform.sales.SalesDemoSection;

/**
 * The sections that follow households and members in every demo run, the Spring loader's and the command line's
 * alike. A feature adds its section here, after those whose rows it refers to.
 */
public final class DemoSections {

	private DemoSections() {
	}

	public static List<DemoSection> standard() {
		return List.of(new LoanDemoSection(), new SalesDemoSection(), new MeasureDemoSection(), new VisitDemoSection(),
				new CourtyardDemoSection(), new JobDemoSection());
	}

}
