package cn.county.platform.household;

import java.util.List;

import cn.county.platform.common.Page;
import cn.county.platform.common.Paged;
import cn.county.platform.security.Caller;

/** A page of households; it keeps the filter and caller so that {@code totalCount} is counted only when asked. */
public record HouseholdConnection(Page<Household> page, HouseholdFilter filter, Caller caller)
		implements Paged<Household> {

	public List<Page.Edge<Household>> edges() {
		return this.page.edges();
	}

	public Page.PageInfo pageInfo() {
		return this.page.pageInfo();
	}

}
