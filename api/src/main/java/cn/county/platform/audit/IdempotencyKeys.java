package cn.county.platform.audit;

/**
 * The idempotency key of the write running on this thread, so the audit entry names it.
 * The idempotency interceptor runs the whole mutation on the request thread inside one
 * transaction, and sets and clears this around it.
 */
public final class IdempotencyKeys {

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	private IdempotencyKeys() {
	}

	public static String current() {
		return CURRENT.get();
	}

	static void set(String key) {
		CURRENT.set(key);
	}

	static void clear() {
		CURRENT.remove();
	}

}
