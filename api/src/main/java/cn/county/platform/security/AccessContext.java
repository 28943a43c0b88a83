package cn.county.platform.security;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one request may see: the caller, and for a partner its approved fields (read once
 * at the start of the request, so a change by the county takes effect from the next
 * request) and a record of the household data it received, written to the access log when
 * the request ends.
 */
public final class AccessContext {

	private final Caller caller;

	private final Set<String> approvedFields;

	private final Set<Long> householdIds = ConcurrentHashMap.newKeySet();

	private final Set<String> fieldsRead = ConcurrentHashMap.newKeySet();

	public AccessContext(Caller caller, Set<String> approvedFields) {
		this.caller = caller;
		this.approvedFields = Set.copyOf(approvedFields);
	}

	public Caller caller() {
		return this.caller;
	}

	public Set<String> approvedFields() {
		return this.approvedFields;
	}

	public boolean isPartner() {
		return this.caller.has(Role.PARTNER);
	}

	private volatile String operation;

	/** The operation's name as the document gives it, for the access log. */
	public String operation() {
		return this.operation;
	}

	void recordRead(String operation, String type, String field, Long householdId) {
		if (operation != null) {
			this.operation = operation;
		}
		this.fieldsRead.add(type + "." + field);
		if (householdId != null) {
			this.householdIds.add(householdId);
		}
	}

	public Set<Long> householdIdsRead() {
		return new TreeSet<>(this.householdIds);
	}

	public Set<String> fieldsRead() {
		return new TreeSet<>(this.fieldsRead);
	}

	/**
	 * Whether the request reached household-level data at all, and so must leave a row in
	 * the access log.
	 */
	public boolean readHouseholdData() {
		return !this.fieldsRead.isEmpty() || !this.householdIds.isEmpty();
	}

	/**
	 * Takes over what an earlier request with the same idempotency key read, when its
	 * stored answer is sent again instead of running anything: the replay hands out the
	 * same household data, so it is logged the same way.
	 */
	public void replayed(String operation, Collection<Long> householdIds, Collection<String> fields) {
		if (operation != null) {
			this.operation = operation;
		}
		this.householdIds.addAll(householdIds);
		this.fieldsRead.addAll(fields);
	}

}
