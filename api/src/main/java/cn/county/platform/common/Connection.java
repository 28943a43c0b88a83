package cn.county.platform.common;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The answer of every list field of the schema (the {@code ...Connection} types): one {@link Page} of rows and, for
 * lists whose type has a {@code totalCount}, a count that runs only when the request selects {@code totalCount}
 * (graphql-java's property fetcher calls {@link #totalCount()} for that field and for no other). One class serves
 * every connection type, so a new list needs no Java type of its own; the schema keeps its named types.
 * <p>
 * The kit for a list with a child list and a write, in the order a new feature writes it:
 * <ol>
 * <li>the schema: a {@code FooConnection} type ({@code edges { node cursor }}, {@code pageInfo}, and
 * {@code totalCount} if it counts), the query field with {@code first}/{@code after} and {@code @listSize};</li>
 * <li>the mapper: one keyset statement ({@code selectPage} with {@code afterValue}, {@code afterId},
 * {@code limit}; a {@code count} if the list counts) and, for the child list, one {@code selectBy...Ids} with
 * {@code <foreach>};</li>
 * <li>three calls: {@link PageRequest#of} then {@link Page#of(List, PageRequest, java.util.function.Function,
 * java.util.function.ToLongFunction)} in the service's page method, {@link Connection#of(Page, LongSupplier)} in the
 * {@code @QueryMapping}, and {@link Batches#lists} in the child list's {@code @BatchMapping}; the write is a service
 * method as every other (transactional, audited, checked with {@code Violations}).</li>
 * </ol>
 * Cursors need nothing more: the services work with plain positions ({@link Cursor}) and the security layer seals
 * them at the schema boundary for every connection type.
 *
 * @param <T> the row type
 */
public final class Connection<T> implements Paged<T> {

	private final Page<T> page;

	private final LongSupplier count;

	private volatile Long counted;

	private Connection(Page<T> page, LongSupplier count) {
		this.page = page;
		this.count = count;
	}

	/**
	 * A connection whose {@code totalCount} is {@code count}, called at most once and only when asked for.
	 * @param page the rows of this page
	 * @param count the number of rows of the whole list, with the same filter and scope as the page
	 */
	public static <T> Connection<T> of(Page<T> page, LongSupplier count) {
		return new Connection<>(page, count);
	}

	/** A connection of a list without {@code totalCount} (logs read newest first, screening lists). */
	public static <T> Connection<T> of(Page<T> page) {
		return new Connection<>(page, () -> {
			throw new IllegalStateException("This list has no totalCount");
		});
	}

	@Override
	public Page<T> page() {
		return this.page;
	}

	public List<Page.Edge<T>> edges() {
		return this.page.edges();
	}

	public Page.PageInfo pageInfo() {
		return this.page.pageInfo();
	}

	/** Counted on the first call: the field fetcher of {@code totalCount} is the only caller. */
	public long totalCount() {
		Long value = this.counted;
		if (value == null) {
			value = this.count.getAsLong();
			this.counted = value;
		}
		return value;
	}

}
