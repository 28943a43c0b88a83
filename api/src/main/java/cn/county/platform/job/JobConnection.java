package cn.county.platform.job;

import java.util.List;

import cn.county.platform.common.Page;
import cn.county.platform.common.Paged;
import cn.county.platform.security.Caller;

/** A page of jobs; it keeps the filter and caller so that {@code totalCount} is counted only when asked. */
public record JobConnection(Page<Job> page, JobFilter filter, Caller caller) implements Paged<Job> {

	public List<Page.Edge<Job>> edges() {
		return this.page.edges();
	}

	public Page.PageInfo pageInfo() {
		return this.page.pageInfo();
	}

}
