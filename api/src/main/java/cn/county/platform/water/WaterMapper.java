package cn.county.platform.water;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface WaterMapper {

	/** The village's points in the caller's scope, in id order. */
	List<WaterSupplyPoint> selectByVillage(@Param("villageCode") String villageCode, @Param("scope") Scope scope);

	List<WaterSupplyPoint> selectByIds(@Param("ids") Collection<Long> ids);

	WaterSupplyPoint selectById(@Param("id") long id);

	WaterSupplyPoint lock(@Param("id") long id);

	/** Maps of household_id and point_id, for the households that have a point. */
	List<Map<String, Object>> selectPointIdsOfHouseholds(@Param("householdIds") Collection<Long> householdIds);

	List<WaterCheck> selectChecks(@Param("pointIds") Collection<Long> pointIds);

	WaterCheck selectCheck(@Param("id") long id);

	void insert(@Param("p") WaterSupplyPoint point);

	void insertCheck(@Param("c") WaterCheck check);

	/**
	 * The point's newest check of the kind (latest day, then the later recorded), or
	 * null.
	 */
	WaterCheck selectNewest(@Param("id") long id, @Param("kind") WaterCheckKind kind);

	/** Sets the point's derived state; its version moves on. */
	void updatePointState(@Param("id") long id, @Param("safe") Boolean safe,
			@Param("lastCheckedOn") java.time.LocalDate lastCheckedOn,
			@Param("lastTestedOn") java.time.LocalDate lastTestedOn);

	/**
	 * Its households' water safety and last check from the point's state; answers the
	 * households changed.
	 */
	int deriveHouseholds(@Param("id") long id);

	/** Households of these ids: maps of id, village_code. */
	List<Map<String, Object>> selectHouseholdVillages(@Param("ids") Collection<Long> ids);

	List<Long> lockHouseholds(@Param("ids") Collection<Long> ids);

	void linkHouseholds(@Param("id") long id, @Param("ids") Collection<Long> ids);

	void touch(@Param("id") long id);

	long countHouseholds(@Param("id") long id);

}
