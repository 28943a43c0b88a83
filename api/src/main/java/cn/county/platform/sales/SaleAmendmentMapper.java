package cn.county.platform.sales;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface SaleAmendmentMapper {

	/**
	 * The amendments of many sales in one statement, oldest first: behind
	 * {@code Sale.amendments}.
	 */
	List<SaleAmendment> selectBySaleIds(@Param("saleIds") Collection<Long> saleIds);

	void insert(@Param("id") long id, @Param("saleId") long saleId, @Param("reason") String reason,
			@Param("amendedBy") String amendedBy, @Param("before") SaleSnapshot before,
			@Param("after") SaleSnapshot after);

}
