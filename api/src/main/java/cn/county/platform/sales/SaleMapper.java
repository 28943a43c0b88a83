package cn.county.platform.sales;

import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface SaleMapper {

	Sale selectById(@Param("id") long id, @Param("scope") Scope scope);

	/**
	 * Locks the sale and its seller for the rest of the transaction; null when absent or
	 * out of scope.
	 */
	Sale lock(@Param("id") long id, @Param("scope") Scope scope);

	/**
	 * The sales of household sellers of many households in one statement: behind
	 * {@code Household.sales}.
	 */
	List<Sale> selectByHouseholdIds(@Param("householdIds") Collection<Long> householdIds);

	/**
	 * One keyset page, newest month first, rows after ({@code afterMonth},
	 * {@code afterId}).
	 */
	List<Sale> selectPage(@Param("filter") SaleFilter filter, @Param("scope") Scope scope,
			@Param("afterMonth") String afterMonth, @Param("afterId") Long afterId, @Param("limit") int limit);

	long count(@Param("filter") SaleFilter filter, @Param("scope") Scope scope);

	void insert(@Param("id") long id, @Param("sellerId") long sellerId, @Param("s") SaleSnapshot sale,
			@Param("recordedBy") String recordedBy);

	void update(@Param("id") long id, @Param("s") SaleSnapshot sale);

}
