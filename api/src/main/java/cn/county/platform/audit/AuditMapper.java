package cn.county.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface AuditMapper {

	void insert(@Param("e") AuditEntry entry);

	List<AuditEntry> selectPage(@Param("entityType") String entityType, @Param("entityId") Long entityId,
			@Param("actor") String actor, @Param("afterAt") OffsetDateTime afterAt, @Param("afterId") Long afterId,
			@Param("limit") int limit);

}
