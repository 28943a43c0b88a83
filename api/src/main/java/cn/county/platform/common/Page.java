package cn.county.platform.common;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One page of a keyset-paginated list: the rows and the cursors around them. Every
 * top-level list of the API is read with {@link PageRequest} and built with {@link #of}:
 * ask the mapper for one row more than the page, and that extra row answers "is there a
 * next page" without a second query. A query mapping answers it wrapped in a
 * {@link Connection}.
 *
 * @param <T> the row type
 */
public record Page<T>(List<Edge<T>> edges, PageInfo pageInfo) {

	public record Edge<T>(T node, String cursor) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

	/**
	 * The page of {@code rows} fetched with {@link PageRequest#limit()} (one row more
	 * than the page): the extra row says whether a next page follows; each row's cursor
	 * is its sort value and id under the request's sort key.
	 * @param rows up to {@code request.limit()} rows, in page order
	 * @param request the request the rows were fetched for
	 * @param sortValue the value of a row's sort column, as its cursor carries it
	 * @param id the id of a row (the tie-breaker of the sort)
	 */
	public static <T> Page<T> of(List<T> rows, PageRequest request, Function<T, String> sortValue,
			ToLongFunction<T> id) {
		boolean hasNext = rows.size() > request.first();
		List<T> page = hasNext ? rows.subList(0, request.first()) : rows;
		List<Edge<T>> edges = page.stream()
			.map((row) -> new Edge<>(row, request.cursor(sortValue.apply(row), id.applyAsLong(row))))
			.toList();
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Page<>(edges, new PageInfo(hasNext, request.after() != null, start, end));
	}

}
