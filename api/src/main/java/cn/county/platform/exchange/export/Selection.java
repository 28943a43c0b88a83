package cn.county.platform.exchange.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL selection set that reads a set of columns: their paths merged into one tree
 * ({@code town.name} and {@code town.code} become {@code town { name code }}); a keyed
 * segment ({@code byCategory[ALLEVIATED]}) selects the list with its {@code key}; an
 * object with nothing selected under it asks for {@code __typename}.
 */
final class Selection {

	private final Map<String, Selection> children = new LinkedHashMap<>();

	private Selection() {
	}

	static Selection of(List<Column> columns) {
		Selection root = new Selection();
		for (Column column : columns) {
			for (List<String> segments : column.alternatives()) {
				Selection at = root;
				for (int i = 0; i < segments.size(); i++) {
					String segment = segments.get(i);
					int bracket = segment.indexOf('[');
					String field = (bracket >= 0) ? segment.substring(0, bracket) : segment;
					at = at.children.computeIfAbsent(field, (name) -> new Selection());
					if (bracket >= 0) {
						at.children.computeIfAbsent("key", (name) -> new Selection());
					}
					if (column.kind() == Column.Kind.SIZE && i == segments.size() - 1) {
						at.children.computeIfAbsent("__typename", (name) -> new Selection());
					}
				}
			}
		}
		return root;
	}

	/** The selection's text, without the outer braces. */
	String text() {
		if (this.children.isEmpty()) {
			return "__typename";
		}
		StringBuilder text = new StringBuilder();
		this.children.forEach((field, child) -> {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(field);
			if (!child.children.isEmpty()) {
				text.append(" { ").append(child.text()).append(" }");
			}
		});
		return text.toString();
	}

}
