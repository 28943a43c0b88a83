package cn.county.platform.common;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Fans the rows of one batch statement out to the parents that asked for them: the body
 * of every {@code @BatchMapping}. A child list is
 * {@code Batches.lists(parents, Parent::id, service::childrenOf)}: one
 * {@code selectBy...Ids} for the whole page (no N+1), and each parent gets its list, an
 * empty one when it has no rows, as the schema's non-null lists require. A single
 * back-reference (a row's seller, its training) is {@link #one}.
 */
public final class Batches {

	private Batches() {
	}

	/** The distinct non-null keys of the parents, for the one statement of the batch. */
	public static <T, K> List<K> ids(Collection<T> parents, Function<T, K> key) {
		return parents.stream().map(key).filter(Objects::nonNull).distinct().toList();
	}

	/**
	 * Each parent's list, an empty one for parents without rows.
	 * @param parents the parents of this batch
	 * @param key the parent's key (its id, a town's code) that the children are grouped
	 * by
	 * @param load the children of many parents at once, grouped by parent id (one
	 * statement)
	 */
	public static <T, K, V> Map<T, List<V>> lists(List<T> parents, Function<T, K> key,
			Function<List<K>, Map<K, List<V>>> load) {
		List<K> ids = ids(parents, key);
		Map<K, List<V>> rows = ids.isEmpty() ? Map.of() : load.apply(ids);
		Map<T, List<V>> result = new LinkedHashMap<>();
		parents.forEach((parent) -> result.put(parent, rows.getOrDefault(key.apply(parent), List.of())));
		return result;
	}

	/**
	 * Each parent's single related row, loaded for all parents at once. Parents whose key
	 * is null or whose row is missing are left out, which the batch loader answers with
	 * null.
	 * @param parents the parents of this batch
	 * @param key the id of the related row, null when there is none
	 * @param load the related rows of many ids at once, keyed by id (one statement)
	 */
	public static <T, K, V> Map<T, V> one(List<T> parents, Function<T, K> key, Function<List<K>, Map<K, V>> load) {
		List<K> ids = ids(parents, key);
		Map<K, V> rows = ids.isEmpty() ? Map.of() : load.apply(ids);
		Map<T, V> result = new HashMap<>();
		for (T parent : parents) {
			K id = key.apply(parent);
			V row = (id != null) ? rows.get(id) : null;
			if (row != null) {
				result.put(parent, row);
			}
		}
		return result;
	}

	/** Rows keyed by their id, for the loader of a {@link #one} back-reference. */
	public static <K, V> Map<K, V> byId(Collection<V> rows, Function<V, K> id) {
		Map<K, V> result = new HashMap<>();
		rows.forEach((row) -> result.put(id.apply(row), row));
		return result;
	}

}
