package cn.county.platform.common;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A validated page size and decoded cursor for a keyset page: the one way every list
 * reads {@code first} and {@code after}. The size is bounded so no request can ask the
 * database for an unbounded list; the cursor is bound to the sort key that made it. Use
 * {@link #of} at the top of a service's page method, hand {@link #afterValue},
 * {@link #afterId} and {@link #limit} to the mapper, and build the answer with
 * {@link Page#of(List, PageRequest, Function, ToLongFunction)}.
 */
public record PageRequest(int first, Cursor after, String sortKey) {

	private static final String NOT_A_CURSOR = "is not a cursor returned by this list";

	public static PageRequest of(Integer first, String after, String sortKey, int maxPageSize) {
		int size = (first != null) ? first : 20;
		if (size < 1 || size > maxPageSize) {
			throw DomainException.badRequest("first", "must be between 1 and " + maxPageSize);
		}
		return new PageRequest(size, (after != null) ? Cursor.decode(after, sortKey) : null, sortKey);
	}

	/**
	 * Rows to ask the mapper for: one more than the page, to learn whether another page
	 * follows.
	 */
	public int limit() {
		return this.first + 1;
	}

	/**
	 * The sort value of the row the page starts after, or null for the first page. A
	 * value {@code parse} refuses (any runtime exception but a {@link DomainException},
	 * which passes as it is) is a forged cursor: BAD_REQUEST on {@code after} rather than
	 * a database error.
	 */
	public <V> V afterValue(Function<String, V> parse) {
		if (this.after == null) {
			return null;
		}
		try {
			return parse.apply(this.after.value());
		}
		catch (DomainException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw DomainException.badRequest("after", NOT_A_CURSOR);
		}
	}

	/**
	 * The sort value of the row the page starts after, as text (a text sort column), or
	 * null for the first page.
	 */
	public String afterValue() {
		return (this.after != null) ? this.after.value() : null;
	}

	/** The id of the row the page starts after, or null for the first page. */
	public Long afterId() {
		return (this.after != null) ? this.after.id() : null;
	}

	/**
	 * The position of a row with this sort value and id, under this request's sort key.
	 */
	public String cursor(String value, long id) {
		return new Cursor(this.sortKey, value, id).encode();
	}

}
