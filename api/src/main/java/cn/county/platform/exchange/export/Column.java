package cn.county.platform.exchange.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One column of an export: its Chinese header, where its value lies in a row's GraphQL
 * object, and how the value becomes a cell. The path is dotted field names from the
 * list's node ({@code town.name}, {@code members.idNumber}); a segment
 * {@code byCategory[ALLEVIATED]} picks the element of a list of figures whose {@code key}
 * is the one in brackets; paths joined with {@code |} are read in turn, the first value
 * that is not null making the cell ({@code monitoringType|category}: 监测对象类别 names the
 * monitoring type of a monitored household, else the category). Columns are only
 * presentation: what a caller may read, and masked how, is the GraphQL answer's.
 *
 * @param header the header, as the import accepts it
 * @param path where the value lies, from the row's node
 * @param kind how the value is written
 * @param labels Chinese names of enum values (a value without one is written as it is)
 */
public record Column(String header, String path, Kind kind, Map<String, String> labels) {

	/** How a value is written. */
	public enum Kind {

		/** As text, whatever it looks like (codes and ID numbers keep their digits). */
		TEXT,

		/** A number cell. */
		NUMBER,

		/** A date cell ({@code yyyy-mm-dd}). */
		DATE,

		/** An instant, as the API writes it (ISO-8601 with offset), as text. */
		DATE_TIME,

		/** 是 / 否. */
		YES_NO,

		/** An enum value by its Chinese name. */
		LABEL,

		/** A list of enum values by their Chinese names, joined with 、. */
		LABELS,

		/** The number of elements of a list (人数: the members of a household). */
		SIZE

	}

	public static Column text(String header, String path) {
		return new Column(header, path, Kind.TEXT, Map.of());
	}

	public static Column number(String header, String path) {
		return new Column(header, path, Kind.NUMBER, Map.of());
	}

	public static Column date(String header, String path) {
		return new Column(header, path, Kind.DATE, Map.of());
	}

	public static Column dateTime(String header, String path) {
		return new Column(header, path, Kind.DATE_TIME, Map.of());
	}

	public static Column yesNo(String header, String path) {
		return new Column(header, path, Kind.YES_NO, Map.of());
	}

	public static Column label(String header, String path, Map<String, String> labels) {
		return new Column(header, path, Kind.LABEL, labels);
	}

	public static Column labels(String header, String path, Map<String, String> labels) {
		return new Column(header, path, Kind.LABELS, labels);
	}

	public static Column size(String header, String path) {
		return new Column(header, path, Kind.SIZE, Map.of());
	}

	/** The (first) path's segments. */
	List<String> segments() {
		return alternatives().get(0);
	}

	/** The segments of each path, in the order they are read. */
	List<List<String>> alternatives() {
		return java.util.Arrays.stream(this.path.split("\\|")).map((one) -> List.of(one.split("\\."))).toList();
	}

	/**
	 * The cell for a value as the GraphQL answer holds it (dates and instants as ISO
	 * text, decimals as {@link BigDecimal}, enums by name, {@code null} for nothing or
	 * for a refused field).
	 */
	public Object cell(Object value) {
		if (value == null) {
			return null;
		}
		return switch (this.kind) {
			case TEXT, DATE_TIME -> String.valueOf(value);
			case NUMBER -> (value instanceof Number) ? value : new BigDecimal(value.toString());
			case DATE -> LocalDate.parse(value.toString());
			case YES_NO -> (value instanceof Boolean) ? value : Boolean.valueOf(value.toString());
			case LABEL -> this.labels.getOrDefault(value.toString(), value.toString());
			case LABELS -> ((List<?>) value).stream()
				.map((item) -> this.labels.getOrDefault(String.valueOf(item), String.valueOf(item)))
				.collect(Collectors.joining("、"));
			case SIZE -> ((List<?>) value).size();
		};
	}

}
