package cn.county.platform.job;

import java.util.List;

import cn.county.platform.common.Page;
import cn.county.platform.common.Paged;
import cn.county.platform.security.Caller;

/** A page of certificates; it keeps the filter and caller so that {@code totalCount} is counted only when asked. */
public record CertificateConnection(Page<Certificate> page, CertificateFilter filter, Caller caller)
		implements Paged<Certificate> {

	public List<Page.Edge<Certificate>> edges() {
		return this.page.edges();
	}

	public Page.PageInfo pageInfo() {
		return this.page.pageInfo();
	}

}
