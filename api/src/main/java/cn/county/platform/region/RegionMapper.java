package cn.county.platform.region;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface RegionMapper {

	List<Town> selectTowns();

	Town selectTown(@Param("code") String code);

	List<Town> selectTownsByCodes(@Param("codes") Collection<String> codes);

	Village selectVillage(@Param("code") String code);

	List<Village> selectVillagesByTownCodes(@Param("townCodes") Collection<String> townCodes);

	int countTowns();

	int countVillages();

	int maxVillagesPerTown();

}
