package cn.county.platform.audit;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.county.platform.common.BatchStatements;
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

	private final BatchStatements batch;

	AuditTrail(AuditMapper audits, IdGenerator ids, PlatformProperties properties, ApplicationEventPublisher events,
			BatchStatements batch) {
		this.batch = batch;
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

	/** One write of {@link #recordAll}. */
	public record Write(String operation, String entityType, Long entityId, Object before, Object after) {
	}

	/**
	 * Records many writes of one caller at once (a batch of an import): the entries
	 * {@link #record} would write, sent as one JDBC batch, and one {@link RecordsChanged}
	 * per entity type naming every household, seller and town the writes of that type
	 * named, so the dashboard's versions move as they would for the writes one by one.
	 * Call it inside the writes' transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(Caller caller, List<Write> writes) {
		String roles = caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		String key = IdempotencyKeys.current();
		List<AuditEntry> entries = new java.util.ArrayList<>(writes.size());
		Map<String, List<RecordsChanged>> changes = new LinkedHashMap<>();
		for (Write write : writes) {
			entries.add(new AuditEntry(this.ids.nextId(), null, caller.username(), roles, write.operation(),
					write.entityType(), write.entityId(), toJson(write.before()), toJson(write.after()), key));
			changes.computeIfAbsent(write.entityType(), (type) -> new java.util.ArrayList<>())
				.add(RecordsChanged.of(write.entityType(), write.before(), write.after()));
		}
		this.batch.run(AuditMapper.class, (mapper) -> entries.forEach(mapper::insert));
		changes.forEach((type, events) -> {
			Set<Long> households = new HashSet<>();
			Set<Long> sellers = new HashSet<>();
			Set<String> towns = new HashSet<>();
			for (RecordsChanged event : events) {
				households.addAll(event.householdIds());
				sellers.addAll(event.sellerIds());
				towns.addAll(event.townCodes());
			}
			this.events.publishEvent(new RecordsChanged(type, households, sellers, towns));
		});
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
