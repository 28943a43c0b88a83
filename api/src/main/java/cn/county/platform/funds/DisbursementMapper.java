package cn.county.platform.funds;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface DisbursementMapper {

	Disbursement selectById(@Param("id") long id);

	/** The ledgers of many projects in one statement, oldest entry first. */
	List<Disbursement> selectByProjectIds(@Param("projectIds") Collection<Long> projectIds);

	/** The sum of the corrections already entered against an entry (zero or negative). */
	BigDecimal correctedSum(@Param("id") long id);

	boolean voucherExists(@Param("projectId") long projectId, @Param("voucherNumber") String voucherNumber);

	void insert(@Param("d") Disbursement disbursement);

}
