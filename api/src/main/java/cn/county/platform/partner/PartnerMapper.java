package cn.county.platform.partner;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface PartnerMapper {

	/** One approved field. */
	record FieldRef(String type, String field) {
	}

	/** Approved fields as {@code Type.field}. */
	List<String> selectApprovedFields(@Param("partnerId") String partnerId);

	void deleteApprovedFields(@Param("partnerId") String partnerId);

	void insertApprovedFields(@Param("partnerId") String partnerId, @Param("fields") Collection<FieldRef> fields,
			@Param("approvedBy") String approvedBy);

	void insertAccess(@Param("id") long id, @Param("partnerId") String partnerId, @Param("operation") String operation,
			@Param("householdIds") String householdIds, @Param("fields") String fields,
			@Param("documentHash") String documentHash, @Param("variables") String variables,
			@Param("outcome") String outcome);

	/** Newest first, keyset on id within (accessed_at desc). */
	List<PartnerAccessEntry> selectAccessPage(@Param("partnerId") String partnerId,
			@Param("afterAccessedAt") java.time.OffsetDateTime afterAccessedAt, @Param("afterId") Long afterId,
			@Param("limit") int limit);

}
