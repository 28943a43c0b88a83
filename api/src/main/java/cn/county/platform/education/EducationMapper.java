package cn.county.platform.education;

import java.util.Collection;
import java.util.List;

import cn.county.platform.household.Schooling;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Schooling records and education aid. */
@Mapper
public interface EducationMapper {

	/** The schooling histories of many members in one statement, newest first. */
	List<SchoolingRecord> selectSchoolingByMemberIds(@Param("memberIds") Collection<Long> memberIds);

	SchoolingRecord selectSchoolingById(@Param("id") long id);

	/**
	 * The member's newest schooling record (by effective date, then id); null for none.
	 */
	SchoolingRecord selectNewestSchooling(@Param("memberId") long memberId);

	void insertSchooling(@Param("r") SchoolingRecord record);

	void correctSchooling(@Param("id") long id, @Param("school") String school, @Param("note") String note);

	/** The member's current schooling, following the newest record. */
	void updateMemberSchooling(@Param("memberId") long memberId, @Param("schooling") Schooling schooling);

	List<EducationAid> selectAidByMemberIds(@Param("memberIds") Collection<Long> memberIds);

	EducationAid selectAidById(@Param("id") long id);

	void insertAid(@Param("a") EducationAid aid);

}
