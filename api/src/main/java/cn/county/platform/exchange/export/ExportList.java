package cn.county.platform.exchange.export;

import java.util.List;
import java.util.Map;

/**
 * One list of the API as it downloads: the GraphQL query field it reads, the parameters
 * it takes, the columns it can have and what makes a row. Which of the columns a caller
 * gets, and what is in them, is decided by GraphQL for that caller (see
 * {@link Exporter}).
 *
 * @param name the name in the address ({@code /exports/households.xlsx})
 * @param title the sheet's name and the file's name, in Chinese
 * @param field the query field: a connection, or {@code dashboard}
 * @param params the parameters it accepts and the variables they fill
 * @param fixed variables every export of the list sends ({@code submitted: false} for the
 * missing reports)
 * @param columns every column it can have, in order
 * @param expand the list field of a node whose elements are the rows (a household's
 * members), or null for a row per node
 */
public record ExportList(String name, String title, String field, List<Param> params, Map<String, Object> fixed,
		List<Column> columns, String expand) {

	/**
	 * The dashboard's breakdown is read per town (see {@link DashboardPages}), not as a
	 * connection.
	 */
	boolean isDashboard() {
		return "dashboard".equals(this.field);
	}

	Param param(String name) {
		return this.params.stream().filter((param) -> param.name().equals(name)).findFirst().orElse(null);
	}

}
