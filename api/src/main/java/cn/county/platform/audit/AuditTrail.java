package cn.county.platform.audit;

import java.util.List;
import java.util.stream.Collectors;

import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.NewestFirst;
import cn.county.platform.common.Page;
import cn.county.platform.common.PageRequest;
import cn.county.platform.common.PlatformProperties;
import cn.county.platform.security.Caller;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every write: who, when, which operation on which entity, the state before
 * and after, and the idempotency key it came with. Written inside the write's own
 * transaction (a write that rolls back leaves no entry, and no write commits without
 * one). Read by county admins; nothing in the API changes or deletes it.
 */
@Service
public class AuditTrail {

	private final AuditMapper audits;

	private final IdGenerator ids;

	private final JsonMapper json;

	private final PlatformProperties properties;

	private final ApplicationEventPublisher events;

	AuditTrail(AuditMapper audits, IdGenerator ids, PlatformProperties properties, ApplicationEventPublisher events) {
		this.audits = audits;
		this.events = events;
		this.ids = ids;
		this.json = JsonMapper.builder().findAndAddModules().build();
		this.properties = properties;
	}

	/** Records one write; call it inside the write's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Caller caller, String operation, String entityType, Long entityId, Object before, Object after) {
		String roles = caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		this.audits.insert(new AuditEntry(this.ids.nextId(), null, caller.username(), roles, operation, entityType,
				entityId, toJson(before), toJson(after), IdempotencyKeys.current()));
		this.events.publishEvent(RecordsChanged.of(entityType, before, after));
	}

	@PreAuthorize("hasRole('COUNTY_ADMIN')")
	public Page<AuditEntry> page(String entityType, Long entityId, String actor, Integer first, String after) {
		PageRequest request = NewestFirst.request(first, after, this.properties.maxPageSize());
		List<AuditEntry> rows = this.audits.selectPage(entityType, entityId, actor, NewestFirst.time(request),
				request.afterId(), request.limit());
		return NewestFirst.page(rows, request, AuditEntry::occurredAt, AuditEntry::id);
	}

	private String toJson(Object state) {
		return (state != null) ? this.json.writeValueAsString(state) : null;
	}

}
