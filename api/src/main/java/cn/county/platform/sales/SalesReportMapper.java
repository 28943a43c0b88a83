package cn.county.platform.sales;

import java.time.LocalDate;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface SalesReportMapper {

	/** The seller's report for the month, submitted or not. */
	SalesReport select(@Param("sellerId") long sellerId, @Param("month") String month);

	boolean isSubmitted(@Param("sellerId") long sellerId, @Param("month") String month);

	/**
	 * One keyset page of the reports due for a month: one row for every seller in scope
	 * registered by the end of the month, in (seller name, seller id) order, with or
	 * without a submitted report.
	 */
	java.util.List<SalesReport> selectPage(@Param("month") String month, @Param("monthEnd") LocalDate monthEnd,
			@Param("submitted") Boolean submitted, @Param("townCode") String townCode, @Param("scope") Scope scope,
			@Param("afterName") String afterName, @Param("afterId") Long afterId, @Param("limit") int limit);

	long count(@Param("month") String month, @Param("monthEnd") LocalDate monthEnd,
			@Param("submitted") Boolean submitted, @Param("townCode") String townCode, @Param("scope") Scope scope);

	/** Submits the report with the month's totals as they stand. */
	void insert(@Param("sellerId") long sellerId, @Param("month") String month,
			@Param("submittedBy") String submittedBy);

}
