package cn.county.platform.security;

import java.util.Map;
import java.util.Set;

/** Partners' approved field sets and their access log, as the field policy needs them. */
public interface PartnerAccess {

	Set<String> approvedFields(String partnerId);

	/**
	 * Writes one row of the access log, or throws: the caller must then withhold the
	 * data, since a partner gets no household data that is not logged.
	 */
	void logAccess(Read read);

	default void logAccess(String partnerId, String operation, Set<Long> householdIds, Set<String> fields) {
		logAccess(new Read(partnerId, operation, householdIds, fields, null, Map.of(), Outcome.ANSWERED));
	}

	/** How a logged partner request ended. */
	enum Outcome {

		/** Executed and answered (the answer may carry errors next to its data). */
		ANSWERED,

		/**
		 * Answered with the stored answer of an earlier request with the same idempotency
		 * key.
		 */
		REPLAYED,

		/**
		 * Ended in an exception after it had read household data; the partner got an
		 * error.
		 */
		FAILED

	}

	/**
	 * One partner request as the log keeps it.
	 *
	 * @param partnerId the partner's client id
	 * @param operation the operation's name, if the document or the request names it
	 * @param householdIds the households whose data the request reached
	 * @param fields the household-level fields it read, as {@code Type.field}
	 * @param documentHash the SHA-256 of the document (or the persisted query's hash when
	 * only that was sent)
	 * @param variables the variables as sent; the log masks them before it stores them
	 * @param outcome how the request ended
	 */
	record Read(String partnerId, String operation, Set<Long> householdIds, Set<String> fields, String documentHash,
			Map<String, Object> variables, Outcome outcome) {
	}

}
