package cn.county.platform.protect;

import graphql.schema.GraphQLList;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The bytes a field adds to the JSON answer, as Jackson writes it (UTF-8, non-ASCII
 * characters raw): the key with its quotes, colon and comma; a scalar or enum value with
 * its quotes and escapes; an object's braces (its fields count themselves); a list's
 * brackets and commas. Numbers, booleans, dates and decimals are counted by their text,
 * with two quotes more than a number needs, so the count errs on the high side, never the
 * low.
 * <p>
 * Written here rather than serialising each value: serialising twice would double the
 * work of every answer, and graphql-java offers no byte count of its own (its
 * {@code ResultPath} counts fields, not bytes, and a Chinese address is ten times the
 * bytes of a count).
 */
final class ResponseBytes {

	private ResponseBytes() {
	}

	static long key(String key) {
		return text(key) + 2;
	}

	static long value(Object value, GraphQLOutputType type) {
		if (value == null) {
			return 4;
		}
		GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
		if (bare instanceof GraphQLList list) {
			long bytes = 2;
			if (value instanceof Iterable<?> items) {
				for (Object item : items) {
					bytes += 1 + value(item, (GraphQLOutputType) list.getWrappedType());
				}
			}
			else if (value instanceof Object[] items) {
				for (Object item : items) {
					bytes += 1 + value(item, (GraphQLOutputType) list.getWrappedType());
				}
			}
			return bytes;
		}
		if (!GraphQLTypeUtil.isLeaf(bare)) {
			return 2;
		}
		if (value instanceof Boolean flag) {
			return flag ? 4 : 5;
		}
		return text(String.valueOf(value));
	}

	/**
	 * The values a field adds to the answer: 1, or for a list of scalars or enums 1 and
	 * one per item.
	 */
	static long values(Object value, GraphQLOutputType type) {
		if (value instanceof java.util.Collection<?> items && GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(type))) {
			return 1L + items.size();
		}
		return 1;
	}

	/**
	 * A JSON string's bytes: UTF-8, two quotes, and the escapes of quotes, backslashes
	 * and control characters.
	 */
	static long text(String value) {
		long bytes = 2;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20) {
				bytes += 6;
			}
			else if (c == '"' || c == '\\') {
				bytes += 2;
			}
			else if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800 || Character.isSurrogate(c)) {
				bytes += 2;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}
