package cn.county.platform.sales;

import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface SellerMapper {

	Seller selectById(@Param("id") long id, @Param("scope") Scope scope);

	/**
	 * Sellers by id in one statement, for the batch loaders of {@code Sale.seller} and
	 * {@code SalesReport.seller}.
	 */
	List<Seller> selectByIds(@Param("ids") Collection<Long> ids);

	/**
	 * Locks the seller row for the rest of the transaction: every write to a seller's
	 * sales or reports takes it first, so a sale cannot slip into a month while its
	 * report is being submitted. Null when absent or out of scope.
	 */
	Seller lock(@Param("id") long id, @Param("scope") Scope scope);

	/** One keyset page in (name, id) order. */
	List<Seller> selectPage(@Param("filter") SellerFilter filter, @Param("scope") Scope scope,
			@Param("afterName") String afterName, @Param("afterId") Long afterId, @Param("limit") int limit);

	long count(@Param("filter") SellerFilter filter, @Param("scope") Scope scope);

	boolean supplierIdExists(@Param("platformSupplierId") String platformSupplierId);

	boolean householdIsSeller(@Param("householdId") long householdId);

	void insert(@Param("s") Seller seller, @Param("registeredBy") String registeredBy);

}
