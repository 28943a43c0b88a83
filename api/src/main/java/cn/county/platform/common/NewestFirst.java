package cn.county.platform.common;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Keyset pages of append-only logs read newest first, by (time, id). The time travels in
 * the cursor as an instant with its offset and goes back to the database as one, so the
 * driver converts it to the session's time zone whatever zone the server runs in. Use it
 * for a log; any other list names its own sort key to {@link PageRequest#of}.
 */
public final class NewestFirst {

	private static final String SORT = "NEWEST_FIRST";

	private NewestFirst() {
	}

	/**
	 * The page request for {@code first}/{@code after}; its cursor, if any, decodes with
	 * {@link #time}.
	 */
	public static PageRequest request(Integer first, String after, int maxPageSize) {
		return PageRequest.of(first, after, SORT, maxPageSize);
	}

	/** The time of the row a page starts after, or null for the first page. */
	public static OffsetDateTime time(PageRequest request) {
		return request.afterValue(OffsetDateTime::parse);
	}

	/** One page of rows fetched with {@link PageRequest#limit()}. */
	public static <T> Page<T> page(List<T> rows, PageRequest request, Function<T, OffsetDateTime> time,
			ToLongFunction<T> id) {
		return Page.of(rows, request, (row) -> time.apply(row).toString(), id);
	}

}
