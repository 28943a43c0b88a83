package cn.county.platform.audit;

/**
 * Published inside every audited write's transaction; listeners that act after the commit (the dashboard's cache)
 * use {@code @TransactionalEventListener}.
 *
 * @param entityType what was written
 */
public record RecordsChanged(String entityType) {
}
