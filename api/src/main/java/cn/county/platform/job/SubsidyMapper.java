package cn.county.platform.job;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface SubsidyMapper {

	/** The subsidies of many members in one statement: {@code Member.subsidies}. */
	List<Subsidy> selectByMemberIds(@Param("memberIds") Collection<Long> memberIds);

	/** The subsidies of many jobs in one statement: {@code Job.subsidies}. */
	List<Subsidy> selectByJobIds(@Param("jobIds") Collection<Long> jobIds);

	/** A member's subsidies of one kind; read under the member's lock. */
	List<Subsidy> selectByMemberAndKind(@Param("memberId") long memberId, @Param("kind") SubsidyKind kind);

	void insert(@Param("s") Subsidy subsidy);

}
