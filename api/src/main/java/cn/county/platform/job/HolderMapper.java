package cn.county.platform.job;

import java.util.Collection;
import java.util.List;

import cn.county.platform.household.Member;
import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The members that jobs, trainings and certificates belong to. */
@Mapper
public interface HolderMapper {

	/**
	 * Locks the member (and its household) for the rest of the transaction; null when
	 * absent or out of scope. Every write of this package takes this lock first, so rules
	 * that span a member's records (no overlapping public-welfare posts, one start-up
	 * subsidy) are checked and written without a concurrent write in between.
	 */
	Holder lock(@Param("memberId") long memberId, @Param("scope") Scope scope);

}
