package cn.county.platform.courtyard;

import java.util.List;

import cn.county.platform.common.Page;
import cn.county.platform.common.Paged;
import cn.county.platform.security.Caller;

/**
 * A page of courtyard records; it keeps the filter and caller so that {@code totalCount} is counted only when asked.
 */
public record CourtyardHouseholdConnection(Page<CourtyardHousehold> page, CourtyardFilter filter, Caller caller)
		implements Paged<CourtyardHousehold> {

	public List<Page.Edge<CourtyardHousehold>> edges() {
		return this.page.edges();
	}

	public Page.PageInfo pageInfo() {
		return this.page.pageInfo();
	}

}
