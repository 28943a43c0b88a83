package cn.county.platform.audit;

import java.time.OffsetDateTime;

/** One write as the audit trail keeps it; states are JSON. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String actorRoles, String operation,
		String entityType, Long entityId, String before, String after, String idempotencyKey) {
}
