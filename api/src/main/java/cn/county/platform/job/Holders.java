package cn.county.platform.job;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.Violations;
import cn.county.platform.household.Member;
import cn.county.platform.security.Caller;

import org.springframework.stereotype.Component;

/**
 * The members whose jobs, trainings and certificates this package writes and reads; the
 * line departments' member records (education, medical care, disability) lock their
 * member the same way.
 */
@Component
public class Holders {

	private final HolderMapper holders;

	Holders(HolderMapper holders) {
		this.holders = holders;
	}

	/**
	 * Locks the member for the rest of the transaction after checking it is in the
	 * caller's scope (else NOT_FOUND, as if it did not exist). Must run inside the
	 * caller's transaction.
	 */
	public Holder lock(Caller caller, Long memberId, String field) {
		Holder holder = this.holders.lock(Violations.require(memberId, field), caller.scope());
		if (holder == null) {
			throw DomainException.notFound(field, "member " + memberId);
		}
		return holder;
	}

	/**
	 * Locks a member's record for a change: the record by its id (NOT_FOUND naming
	 * {@code input.id} when there is none), its member in the caller's scope (NOT_FOUND
	 * otherwise), then the record read again under that lock and checked against the
	 * version the caller read (CONFLICT when stale).
	 * @param what the record's name in the messages, e.g. "schooling record"
	 */
	public <T> T lockRecord(Caller caller, Long id, Integer expectedVersion, Function<Long, T> select,
			ToLongFunction<T> memberId, ToIntFunction<T> version, String what) {
		T current = select.apply(id);
		if (current == null) {
			throw DomainException.notFound("input.id", what + " " + id);
		}
		lock(caller, memberId.applyAsLong(current), "input.id");
		current = select.apply(id);
		Violations.notStale(expectedVersion, version.applyAsInt(current), what);
		return current;
	}

}
