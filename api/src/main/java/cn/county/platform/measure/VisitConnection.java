package cn.county.platform.measure;

import java.util.List;

import cn.county.platform.common.Page;
import cn.county.platform.common.Paged;
import cn.county.platform.security.Caller;

/** A page of visits; it keeps the filter and caller so that {@code totalCount} is counted only when asked. */
public record VisitConnection(Page<Visit> page, VisitFilter filter, Caller caller) implements Paged<Visit> {

	public List<Page.Edge<Visit>> edges() {
		return this.page.edges();
	}

	public Page.PageInfo pageInfo() {
		return this.page.pageInfo();
	}

}
