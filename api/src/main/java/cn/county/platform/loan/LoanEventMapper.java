package cn.county.platform.loan;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface LoanEventMapper {

	/**
	 * The ledgers of many loans in one statement: the batch loader behind
	 * {@code Loan.events}.
	 */
	List<LoanEvent> selectByLoanIds(@Param("loanIds") Collection<Long> loanIds);

	void insert(@Param("e") LoanEvent event);

}
