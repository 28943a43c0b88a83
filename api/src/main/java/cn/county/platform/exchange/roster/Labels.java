package cn.county.platform.exchange.roster;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The Chinese words of one enum in the national system's spreadsheets: the word an export
 * writes for each value, and every word an import accepts for it (the value's name too,
 * so an English export imports back).
 *
 * @param <E> the enum
 */
public final class Labels<E extends Enum<E>> {

	private final Map<E, String> words;

	private final Map<String, E> parse = new HashMap<>();

	private Labels(Class<E> type) {
		this.words = new EnumMap<>(type);
		for (E value : type.getEnumConstants()) {
			this.parse.put(value.name(), value);
		}
	}

	static <E extends Enum<E>> Labels<E> of(Class<E> type) {
		return new Labels<>(type);
	}

	/**
	 * {@code word} is what exports write for {@code value}; {@code synonyms} are also
	 * read.
	 */
	Labels<E> put(E value, String word, String... synonyms) {
		this.words.put(value, word);
		this.parse.put(word, value);
		for (String synonym : synonyms) {
			this.parse.put(synonym, value);
		}
		return this;
	}

	/** The word an export writes for the value; null for null. */
	public String word(E value) {
		return (value != null) ? this.words.getOrDefault(value, value.name()) : null;
	}

	/** The value a cell names, or null when it names none. */
	public E parse(String cell) {
		return (cell != null) ? this.parse.get(cell.strip()) : null;
	}

	/**
	 * The word exports write for each value, by the value's name (as GraphQL answers it),
	 * in enum order.
	 */
	public Map<String, String> words() {
		Map<String, String> byName = new java.util.LinkedHashMap<>();
		this.words.forEach((value, word) -> byName.put(value.name(), word));
		return java.util.Collections.unmodifiableMap(byName);
	}

	/** The words exports write, in enum order, for error messages. */
	public String accepted() {
		return String.join("、", this.words.values());
	}

}
