package cn.county.platform.housing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.county.platform.household.HousingGrade;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface HousingMapper {

	/** The inspections of many households in one statement, the latest first. */
	List<HousingInspection> selectInspections(@Param("householdIds") Collection<Long> householdIds);

	HousingInspection selectInspection(@Param("id") long id);

	/**
	 * The household's latest inspection (latest day, then the later recorded), or null.
	 */
	HousingInspection selectLatestInspection(@Param("householdId") long householdId);

	void insertInspection(@Param("i") HousingInspection inspection);

	/**
	 * The household's grade and inspection day from its latest inspection; the
	 * household's version moves on.
	 */
	void deriveHouseholdGrade(@Param("householdId") long householdId, @Param("grade") HousingGrade grade,
			@Param("inspectedOn") LocalDate inspectedOn);

	List<RenovationProject> selectProjects(@Param("householdIds") Collection<Long> householdIds);

	RenovationProject selectProject(@Param("id") long id);

	RenovationProject lockProject(@Param("id") long id);

	long countOpenProjects(@Param("householdId") long householdId);

	void insertProject(@Param("p") RenovationProject project);

	void updateProjectStatus(@Param("id") long id, @Param("status") RenovationStatus status, @Param("on") LocalDate on,
			@Param("by") String by, @Param("subsidy") BigDecimal subsidy);

}
