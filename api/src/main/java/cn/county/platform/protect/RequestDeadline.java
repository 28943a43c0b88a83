package cn.county.platform.protect;

import java.time.Duration;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * When the current request must stop; kept in the GraphQL context (for the
 * instrumentation) and in the servlet request's attributes (for
 * {@link StatementDeadline}, which runs where there is no GraphQL context: inside
 * MyBatis, on the request's thread, batch loaders included).
 */
final class RequestDeadline {

	private static final String ATTRIBUTE = RequestDeadline.class.getName();

	private final long nanos;

	private volatile boolean expired;

	private RequestDeadline(long nanos) {
		this.nanos = nanos;
	}

	static RequestDeadline after(Duration budget) {
		return new RequestDeadline(System.nanoTime() + budget.toNanos());
	}

	boolean passed() {
		return this.expired || remainingNanos() <= 0;
	}

	/**
	 * Ends the request's time now ({@link StatementDeadline} cancels its statement a
	 * little early).
	 */
	void expire() {
		this.expired = true;
	}

	long remainingNanos() {
		return this.nanos - System.nanoTime();
	}

	/** Binds this deadline to the current servlet request, if there is one. */
	void bindToRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(ATTRIBUTE, this, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** The deadline of the servlet request this thread serves, or null. */
	static RequestDeadline ofCurrentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes != null)
				? (RequestDeadline) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) : null;
	}

}
