package cn.county.platform.audit;

import java.util.Set;

/**
 * Published inside every audited write's transaction; listeners that act after the commit (the dashboard's cache)
 * use {@code @TransactionalEventListener}.
 *
 * @param entityType what was written
 * @param householdIds the households the written records belong to, before and after the write (a member moved
 * to another household names both); empty when the records belong to no household (a seller, a partner approval)
 * @param townCodes the towns the records name themselves, before and after (a household moved to another town
 * names both); the towns of {@code householdIds} are not repeated here
 */
public record RecordsChanged(String entityType, Set<Long> householdIds, Set<String> townCodes) {

	public RecordsChanged {
		householdIds = Set.copyOf(householdIds);
		townCodes = Set.copyOf(townCodes);
	}

	/** A write that the API cannot place in any household. */
	public RecordsChanged(String entityType) {
		this(entityType, Set.of(), Set.of());
	}

}
