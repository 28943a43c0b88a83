package cn.county.platform.common;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The answer of every list field of the schema (the {@code ...Connection} types): one
 * {@link Page} of rows and, for lists whose type has a {@code totalCount}, a count that
 * runs only when the request selects {@code totalCount} (graphql-java's property fetcher
 * calls {@link #totalCount()} for that field and for no other). One class serves every
 * connection type, so a new list needs no Java type of its own; the schema keeps its
 * named types.
 * <p>
 * The recipe for a new list with a child list and a write: a connection type in the
 * schema, a mapper statement for each read, and three calls into the kit, one in each
 * place that touches the list.
 * <ol>
 * <li>Schema: a {@code FooConnection} type ({@code edges { node cursor }},
 * {@code pageInfo}, and {@code totalCount} if the list counts) and the query field with
 * {@code first}/{@code after} and {@code @listSize}.</li>
 * <li>Mapper: the keyset page ({@code selectPage} taking {@code afterValue},
 * {@code afterId}, {@code limit}), its {@code count} if the list counts, and the child
 * list's {@code selectBy...Ids} with {@code <foreach>}.</li>
 * <li>Calls: in the service's page method, {@link PageRequest#of} (decodes
 * {@code first}/{@code after}; hand its {@code afterValue}, {@code afterId} and
 * {@code limit} to the mapper), whose rows
 * {@link Page#of(List, PageRequest, java.util.function.Function, java.util.function.ToLongFunction)}
 * turns into edges and cursors; in the {@code @QueryMapping},
 * {@link #of(Page, LongSupplier)} with the count; in the child list's
 * {@code @BatchMapping}, {@link Batches#lists} (one statement for the page, an empty list
 * for a parent without rows). A back-reference to a household or a member asks
 * {@code household.HouseholdLoaders} rather than a mapper. The write needs nothing from
 * the list kit: a service method like every other (transactional, audited, its checks in
 * {@code Violations}) behind a {@code @MutationMapping}.</li>
 * </ol>
 * Cursors need nothing more: the services work with plain positions ({@link Cursor}) and
 * the security layer seals them at the schema boundary for every connection type.
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
	 * A connection whose {@code totalCount} is {@code count}, called at most once and
	 * only when asked for.
	 * @param page the rows of this page
	 * @param count the number of rows of the whole list, with the same filter and scope
	 * as the page
	 */
	public static <T> Connection<T> of(Page<T> page, LongSupplier count) {
		return new Connection<>(page, count);
	}

	/**
	 * A connection of a list without {@code totalCount} (logs read newest first,
	 * screening lists).
	 */
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

	/**
	 * Counted on the first call: the field fetcher of {@code totalCount} is the only
	 * caller.
	 */
	public long totalCount() {
		Long value = this.counted;
		if (value == null) {
			value = this.count.getAsLong();
			this.counted = value;
		}
		return value;
	}

}
