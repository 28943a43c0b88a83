package cn.county.platform.exchange.programmes;

import cn.county.platform.exchange.imports.ImportColumn;

/**
 * What a programme roster's column is (see {@link ImportColumn}), so that the column
 * enums only list their columns.
 *
 * @param key the configuration key
 * @param defaultHeader the header, as the county's files and the matching export name it
 * @param required whether a file without the column is refused, and an empty cell too
 * @param policyField the schema field whose policy masks a refused value, or null
 */
public record Spec(String key, String defaultHeader, boolean required, String policyField) {

	static Spec required(String key, String header) {
		return new Spec(key, header, true, null);
	}

	static Spec optional(String key, String header) {
		return new Spec(key, header, false, null);
	}

	/**
	 * The ID number of the person a row is about, masked in reports as the caller reads
	 * it.
	 */
	static Spec idNumber() {
		return new Spec("idNumber", "证件号码", true, "Member.idNumber");
	}

	/** A column of one of the enums: its accessors read the spec. */
	public interface Column extends ImportColumn {

		Spec spec();

		@Override
		default String key() {
			return spec().key();
		}

		@Override
		default String defaultHeader() {
			return spec().defaultHeader();
		}

		@Override
		default boolean required() {
			return spec().required();
		}

		@Override
		default String policyField() {
			return spec().policyField();
		}

	}

}
