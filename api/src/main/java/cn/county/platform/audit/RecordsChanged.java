package cn.county.platform.audit;

import java.util.HashSet;
import java.util.Set;

import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.common.InTown;
import cn.county.platform.common.SellerOwned;

/**
 * Published inside every audited write's transaction; listeners that act after the commit
 * (the dashboard's cache) use {@code @TransactionalEventListener}, listeners that must
 * write in the same transaction (the dashboard's rollup versions) a plain
 * {@code @EventListener}.
 *
 * @param entityType what was written
 * @param householdIds the households the written records belong to, before and after the
 * write (a member moved to another household names both)
 * @param sellerIds the sellers the written records belong to (a sale, a monthly report)
 * @param townCodes the towns the records name themselves, before and after (a household
 * moved to another town names both)
 */
public record RecordsChanged(String entityType, Set<Long> householdIds, Set<Long> sellerIds, Set<String> townCodes) {

	public RecordsChanged {
		householdIds = Set.copyOf(householdIds);
		sellerIds = Set.copyOf(sellerIds);
		townCodes = Set.copyOf(townCodes);
	}

	/** A write that the API cannot place anywhere. */
	public RecordsChanged(String entityType) {
		this(entityType, Set.of(), Set.of(), Set.of());
	}

	/**
	 * Where a write landed, from the states of its record before and after (either may be
	 * null).
	 */
	public static RecordsChanged of(String entityType, Object before, Object after) {
		Set<Long> households = new HashSet<>();
		Set<Long> sellers = new HashSet<>();
		Set<String> towns = new HashSet<>();
		for (Object state : new Object[] { before, after }) {
			if (state instanceof HouseholdOwned owned) {
				households.add(owned.householdId());
			}
			if (state instanceof SellerOwned owned) {
				sellers.add(owned.sellerId());
			}
			if (state instanceof InTown placed && placed.townCode() != null) {
				towns.add(placed.townCode());
			}
		}
		return new RecordsChanged(entityType, households, sellers, towns);
	}

}
