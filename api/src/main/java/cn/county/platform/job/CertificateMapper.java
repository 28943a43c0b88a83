package cn.county.platform.job;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface CertificateMapper {

	/** The certificates of many members in one statement: {@code Member.certificates}. */
	List<Certificate> selectByMemberIds(@Param("memberIds") Collection<Long> memberIds);

	Certificate selectById(@Param("id") long id, @Param("scope") Scope scope);

	/** Certificates earned through a training; read under the member's lock. */
	List<Certificate> selectByTrainingId(@Param("trainingId") long trainingId);

	/**
	 * One keyset page, most recently issued first: rows after ({@code afterDate},
	 * {@code afterId}).
	 */
	List<Certificate> selectPage(@Param("filter") CertificateFilter filter, @Param("scope") Scope scope,
			@Param("afterDate") LocalDate afterDate, @Param("afterId") Long afterId, @Param("limit") int limit);

	long count(@Param("filter") CertificateFilter filter, @Param("scope") Scope scope);

	void insert(@Param("c") Certificate certificate);

	void update(@Param("id") long id, @Param("changes") Inputs.UpdateCertificateInput changes);

}
