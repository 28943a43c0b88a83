package cn.county.platform.measure;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface MeasureMapper {

	/**
	 * The measures of many households in one statement: the batch loader behind
	 * {@code Household.measures}. {@code hidden}: categories outside the caller's rows
	 * (health records for a caller who may not read health).
	 */
	List<Measure> selectByHouseholdIds(@Param("householdIds") Collection<Long> householdIds,
			@Param("hidden") Collection<MeasureCategory> hidden);

	Measure selectById(@Param("id") long id);

	/**
	 * Locks the measure for the rest of the transaction; null when absent or its
	 * household is out of scope.
	 */
	Measure lock(@Param("id") long id, @Param("scope") Scope scope);

	/**
	 * One keyset page, the latest start first: rows after ({@code afterStart},
	 * {@code afterId}).
	 */
	List<Measure> selectPage(@Param("filter") MeasureFilter filter, @Param("scope") Scope scope,
			@Param("hidden") Collection<MeasureCategory> hidden, @Param("afterStart") LocalDate afterStart,
			@Param("afterId") Long afterId, @Param("limit") int limit);

	long count(@Param("filter") MeasureFilter filter, @Param("scope") Scope scope,
			@Param("hidden") Collection<MeasureCategory> hidden);

	void insert(@Param("m") Measure measure);

	void update(@Param("id") long id, @Param("changes") Inputs.UpdateMeasureInput changes);

	void updateStatus(@Param("id") long id, @Param("status") MeasureStatus status, @Param("endDate") LocalDate endDate);

}
