package cn.county.platform.measure;

import java.util.List;

import cn.county.platform.common.Page;
import cn.county.platform.common.Paged;
import cn.county.platform.security.Caller;

/** A page of measures; it keeps the filter and caller so that {@code totalCount} is counted only when asked. */
public record MeasureConnection(Page<Measure> page, MeasureFilter filter, Caller caller) implements Paged<Measure> {

	public List<Page.Edge<Measure>> edges() {
		return this.page.edges();
	}

	public Page.PageInfo pageInfo() {
		return this.page.pageInfo();
	}

}
