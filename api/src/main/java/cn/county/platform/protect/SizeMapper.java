package cn.county.platform.protect;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The counts behind {@code @listSize(counted:)}; table and column come from the schema,
 * checked by {@link DataSizes}.
 */
@Mapper
interface SizeMapper {

	@Select("SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM ${table} GROUP BY ${column}) c")
	int mostPerValue(@Param("table") String table, @Param("column") String column);

}
