package cn.county.platform.disability;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Disability certificates and the federation's services. */
@Mapper
public interface DisabilityMapper {

	List<DisabilityCertificate> selectCertificatesByMemberIds(@Param("memberIds") Collection<Long> memberIds);

	DisabilityCertificate selectCertificateById(@Param("id") long id);

	void insertCertificate(@Param("c") DisabilityCertificate certificate);

	/** Revokes every certificate of the member in force, as a new one replaces them. */
	int revokeInForce(@Param("memberId") long memberId, @Param("revokedOn") LocalDate revokedOn);

	void revoke(@Param("id") long id, @Param("revokedOn") LocalDate revokedOn);

	List<DisabilityService> selectServicesByMemberIds(@Param("memberIds") Collection<Long> memberIds);

	DisabilityService selectServiceById(@Param("id") long id);

	void insertService(@Param("s") DisabilityService service);

}
