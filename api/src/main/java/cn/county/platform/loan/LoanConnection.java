package cn.county.platform.loan;

import java.util.List;

import cn.county.platform.common.Page;
import cn.county.platform.common.Paged;
import cn.county.platform.security.Caller;

/** A page of loans; it keeps the filter and caller so that {@code totalCount} is counted only when asked. */
public record LoanConnection(Page<Loan> page, LoanFilter filter, Caller caller) implements Paged<Loan> {

	public List<Page.Edge<Loan>> edges() {
		return this.page.edges();
	}

	public Page.PageInfo pageInfo() {
		return this.page.pageInfo();
	}

}
