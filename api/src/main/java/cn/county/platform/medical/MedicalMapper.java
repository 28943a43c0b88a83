package cn.county.platform.medical;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.county.platform.household.Health;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Insurance enrolments, illness identifications and family-doctor contracts. */
@Mapper
public interface MedicalMapper {

	List<InsuranceEnrolment> selectEnrolmentsByMemberIds(@Param("memberIds") Collection<Long> memberIds);

	InsuranceEnrolment selectEnrolmentById(@Param("id") long id);

	void insertEnrolment(@Param("e") InsuranceEnrolment enrolment);

	List<IllnessIdentification> selectIllnessesByMemberIds(@Param("memberIds") Collection<Long> memberIds);

	IllnessIdentification selectIllnessById(@Param("id") long id);

	void insertIllness(@Param("i") IllnessIdentification identification);

	void endIllness(@Param("id") long id, @Param("endedOn") LocalDate endedOn);

	List<FamilyDoctorContract> selectContractsByMemberIds(@Param("memberIds") Collection<Long> memberIds);

	FamilyDoctorContract selectContractById(@Param("id") long id);

	/** Whether the member has a contract whose period overlaps [signedOn, endsOn]. */
	boolean contractOverlaps(@Param("memberId") long memberId, @Param("signedOn") LocalDate signedOn,
			@Param("endsOn") LocalDate endsOn);

	void insertContract(@Param("c") FamilyDoctorContract contract);

	HealthEvidence selectHealthEvidence(@Param("memberId") long memberId);

	void updateMemberHealth(@Param("memberId") long memberId, @Param("health") Health health,
			@Param("grade") Integer grade);

}
