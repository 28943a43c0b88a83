package cn.county.platform.funds;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface AllocationMapper {

	FundAllocation selectById(@Param("id") long id);

	/** Locks the allocation row: splits of one allocation serialise on it. */
	FundAllocation lock(@Param("id") long id);

	List<FundAllocation> selectByYear(@Param("year") int year);

	boolean documentExists(@Param("source") FundSource source, @Param("documentNumber") String documentNumber);

	void insert(@Param("a") FundAllocation allocation);

	void addToSplit(@Param("id") long id, @Param("delta") BigDecimal delta);

	FundSplit selectSplit(@Param("allocationId") long allocationId, @Param("projectId") long projectId);

	void insertSplit(@Param("s") FundSplit split);

	void updateSplit(@Param("s") FundSplit split);

	List<FundSplit> selectSplitsByProjectIds(@Param("projectIds") Collection<Long> projectIds);

	List<FundSplit> selectSplitsByAllocationIds(@Param("allocationIds") Collection<Long> allocationIds);

}
