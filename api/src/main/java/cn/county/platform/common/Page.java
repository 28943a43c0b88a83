package cn.county.platform.common;

import java.util.List;

/**
 * One page of a keyset-paginated list: the rows and the cursors around them. Every top-level list of the API is
 * read with {@link #fetch}: ask the mapper for one row more than the page, and that extra row answers "is there a
 * next page" without a second query.
 *
 * @param <T> the row type
 */
public record Page<T>(List<Edge<T>> edges, PageInfo pageInfo) {

	public record Edge<T>(T node, String cursor) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

	/**
	 * This page as graphql-java's Relay connection, for connection types without extra fields: Spring for GraphQL
	 * passes a {@link graphql.relay.Connection} through unchanged.
	 */
	public graphql.relay.Connection<T> toConnection() {
		List<graphql.relay.Edge<T>> relayEdges = this.edges.stream()
			.map((edge) -> (graphql.relay.Edge<T>) new graphql.relay.DefaultEdge<>(edge.node(),
					new graphql.relay.DefaultConnectionCursor(edge.cursor())))
			.toList();
		graphql.relay.PageInfo info = new graphql.relay.DefaultPageInfo(
				(this.pageInfo.startCursor() != null)
						? new graphql.relay.DefaultConnectionCursor(this.pageInfo.startCursor()) : null,
				(this.pageInfo.endCursor() != null) ? new graphql.relay.DefaultConnectionCursor(this.pageInfo.endCursor())
						: null,
				this.pageInfo.hasPreviousPage(), this.pageInfo.hasNextPage());
		return new graphql.relay.DefaultConnection<>(relayEdges, info);
	}

	/**
	 * @param rows up to {@code first + 1} rows, in page order
	 * @param first the page size asked for
	 * @param after whether the page was asked for with a cursor
	 * @param cursorOf the cursor of a row
	 */
	public static <T> Page<T> of(List<T> rows, int first, boolean after, java.util.function.Function<T, String> cursorOf) {
		boolean hasNext = rows.size() > first;
		List<T> page = hasNext ? rows.subList(0, first) : rows;
		List<Edge<T>> edges = page.stream().map((row) -> new Edge<>(row, cursorOf.apply(row))).toList();
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Page<>(edges, new PageInfo(hasNext, after, start, end));
	}

}
