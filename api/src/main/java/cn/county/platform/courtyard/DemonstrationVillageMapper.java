package cn.county.platform.courtyard;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface DemonstrationVillageMapper {

	List<DemonstrationVillage> selectByYear(@Param("year") int year);

	/** The town's designation for the year, or null. */
	DemonstrationVillage selectOne(@Param("townCode") String townCode, @Param("year") int year);

	void insert(@Param("townCode") String townCode, @Param("year") int year, @Param("villageCode") String villageCode,
			@Param("designatedBy") String designatedBy);

}
