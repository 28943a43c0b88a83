package cn.county.platform.audit;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface AuditMapper {

	void insert(@Param("e") AuditEntry entry);

	List<AuditEntry> selectPage(@Param("entityType") String entityType, @Param("entityId") Long entityId,
			@Param("actor") String actor, @Param("afterAt") LocalDateTime afterAt, @Param("afterId") Long afterId,
			@Param("limit") int limit);

}
