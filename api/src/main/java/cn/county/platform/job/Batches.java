package cn.county.platform.job;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import cn.county.platform.household.Member;

/** Fans the rows of one batch statement out to the parents that asked for them. */
final class Batches {

	private Batches() {
	}

	static <T> List<Long> ids(Collection<T> parents, ToLongFunction<T> id) {
		return parents.stream().map(id::applyAsLong).distinct().toList();
	}

	/** Each parent's list, an empty one for parents without rows. */
	static <T, V> Map<T, List<V>> lists(List<T> parents, ToLongFunction<T> id, Map<Long, List<V>> rows) {
		Map<T, List<V>> result = new LinkedHashMap<>();
		parents.forEach((parent) -> result.put(parent, rows.getOrDefault(id.applyAsLong(parent), List.of())));
		return result;
	}

	/** Each record's member, loaded for all records at once. */
	static <T> Map<T, Member> members(List<T> records, ToLongFunction<T> memberId,
			Function<List<Long>, Map<Long, Member>> load) {
		Map<Long, Member> members = load.apply(ids(records, memberId));
		Map<T, Member> result = new LinkedHashMap<>();
		records.forEach((record) -> result.put(record, members.get(memberId.applyAsLong(record))));
		return result;
	}

}
