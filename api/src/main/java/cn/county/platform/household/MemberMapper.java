package cn.county.platform.household;

import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface MemberMapper {

	/**
	 * The members of many households in one statement: the batch loader behind
	 * {@code Household.members}.
	 */
	List<Member> selectByHouseholdIds(@Param("householdIds") Collection<Long> householdIds);

	/**
	 * Many members by id in one statement: the batch loader behind {@code Job.member} and
	 * its siblings.
	 */
	List<Member> selectByIds(@Param("ids") Collection<Long> ids);

	Member selectById(@Param("id") long id, @Param("scope") Scope scope);

	/**
	 * Locks the member and its household for the rest of the transaction; null when
	 * absent or out of scope.
	 */
	Integer lockVersion(@Param("id") long id, @Param("scope") Scope scope);

	/**
	 * Households holding a member with this ID number, locking the index entry (or the
	 * gap where it would go) so that two transactions cannot both register the same
	 * number.
	 */
	List<Long> lockHouseholdsByIdNumber(@Param("idNumber") String idNumber);

	void insert(@Param("m") Member member);

	void update(@Param("id") long id, @Param("changes") Inputs.UpdateMemberInput changes,
			@Param("clearDisabilityGrade") boolean clearDisabilityGrade);

	void delete(@Param("id") long id);

	/**
	 * Which of the ID numbers members hold already, locked for the rest of the
	 * transaction like {@link #lockHouseholdsByIdNumber} ({@link HouseholdBatch}).
	 */
	List<String> lockIdNumbers(@Param("idNumbers") Collection<String> idNumbers);

}
