package cn.county.platform.household;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import cn.county.platform.common.SortDirection;

public record HouseholdOrder(Field field, SortDirection direction) {

	public static final HouseholdOrder DEFAULT = new HouseholdOrder(Field.CODE, SortDirection.ASC);

	/**
	 * The sortable fields: each names its column and how a row's value goes into a cursor
	 * and back. The column is spliced into SQL, so it comes only from this enum.
	 */
	public enum Field {

		CODE("h.code", Household::code, (value) -> value),
		HEAD_NAME("h.head_name", Household::headName, (value) -> value),
		INCOME("h.income_per_capita", (h) -> h.incomePerCapita().toPlainString(), BigDecimal::new),
		UPDATED_AT("h.updated_at", (h) -> h.updatedAt().toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
				LocalDateTime::parse);

		private final String column;

		private final Function<Household, String> cursorValue;

		private final Function<String, Object> parse;

		Field(String column, Function<Household, String> cursorValue, Function<String, Object> parse) {
			this.column = column;
			this.cursorValue = cursorValue;
			this.parse = parse;
		}

		public String column() {
			return this.column;
		}

		String cursorValue(Household household) {
			return this.cursorValue.apply(household);
		}

		Object parse(String value) {
			return this.parse.apply(value);
		}

	}

	public HouseholdOrder {
		field = (field != null) ? field : Field.CODE;
		direction = (direction != null) ? direction : SortDirection.ASC;
	}

	public String sortKey() {
		return this.field.name() + ":" + this.direction.name();
	}

	public boolean descending() {
		return this.direction == SortDirection.DESC;
	}

}
