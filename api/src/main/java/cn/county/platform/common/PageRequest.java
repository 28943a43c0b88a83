package cn.county.platform.common;

/**
 * A validated page size and decoded cursor. The size is bounded so no request can ask the database for an
 * unbounded list.
 */
public record PageRequest(int first, Cursor after) {

	public static PageRequest of(Integer first, String after, String sortKey, int maxPageSize) {
		int size = (first != null) ? first : 20;
		if (size < 1 || size > maxPageSize) {
			throw DomainException.badRequest("first", "must be between 1 and " + maxPageSize);
		}
		return new PageRequest(size, (after != null) ? Cursor.decode(after, sortKey) : null);
	}

	/** Rows to ask the mapper for: one more than the page, to learn whether another page follows. */
	public int limit() {
		return this.first + 1;
	}

}
