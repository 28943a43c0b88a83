package cn.county.platform.job;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface JobMapper {

	/**
	 * The jobs of many members in one statement: the batch loader behind
	 * {@code Member.jobs}.
	 */
	List<Job> selectByMemberIds(@Param("memberIds") Collection<Long> memberIds);

	/**
	 * The jobs of every member of many households in one statement:
	 * {@code Household.jobs}.
	 */
	List<Job> selectByHouseholdIds(@Param("householdIds") Collection<Long> householdIds);

	Job selectById(@Param("id") long id, @Param("scope") Scope scope);

	/**
	 * A member's public-welfare posts, past and present; read under the member's lock.
	 */
	List<Job> selectWelfarePosts(@Param("memberId") long memberId);

	/**
	 * One keyset page, newest start first: rows after ({@code afterDate},
	 * {@code afterId}), at most {@code limit}. {@code today} decides which jobs are
	 * current.
	 */
	List<Job> selectPage(@Param("filter") JobFilter filter, @Param("scope") Scope scope,
			@Param("today") LocalDate today, @Param("afterDate") LocalDate afterDate, @Param("afterId") Long afterId,
			@Param("limit") int limit);

	long count(@Param("filter") JobFilter filter, @Param("scope") Scope scope, @Param("today") LocalDate today);

	void insert(@Param("j") Job job);

	void update(@Param("id") long id, @Param("changes") Inputs.UpdateJobInput changes);

	void end(@Param("id") long id, @Param("endDate") LocalDate endDate);

}
