package cn.county.platform.exchange.export;

import java.math.BigDecimal;

import cn.county.platform.common.DomainException;

/**
 * A parameter of an export (a query parameter of {@code GET /exports/...}, or a member of
 * the JSON body of a {@code POST}) and the GraphQL variable it fills: {@code townCode}
 * fills {@code filter.townCode}. The value is handed to GraphQL as given, typed; GraphQL
 * validates it exactly as for a query.
 *
 * @param name the parameter's name
 * @param variable the variable, dotted into an input object ({@code filter.townCode})
 * @param kind how a text value is read
 */
public record Param(String name, String variable, Kind kind) {

	/** How a parameter's text is read. */
	public enum Kind {

		STRING, INT, BOOLEAN, DECIMAL

	}

	public static Param string(String name, String variable) {
		return new Param(name, variable, Kind.STRING);
	}

	public static Param integer(String name, String variable) {
		return new Param(name, variable, Kind.INT);
	}

	public static Param bool(String name, String variable) {
		return new Param(name, variable, Kind.BOOLEAN);
	}

	public static Param decimal(String name, String variable) {
		return new Param(name, variable, Kind.DECIMAL);
	}

	/**
	 * The value as GraphQL takes it; a text that is not of the kind is refused, naming
	 * the parameter.
	 */
	Object value(Object given) {
		if (given == null) {
			return null;
		}
		String text = given.toString().trim();
		try {
			return switch (this.kind) {
				case STRING -> text;
				case INT -> (given instanceof Number number) ? number.intValue() : Integer.valueOf(text);
				case BOOLEAN -> {
					if (given instanceof Boolean bool) {
						yield bool;
					}
					if (!text.equals("true") && !text.equals("false")) {
						throw new NumberFormatException(text);
					}
					yield Boolean.valueOf(text);
				}
				case DECIMAL -> new BigDecimal(text);
			};
		}
		catch (NumberFormatException ex) {
			throw DomainException.badRequest(this.name, switch (this.kind) {
				case INT -> "必须是整数（must be an integer）";
				case BOOLEAN -> "必须是 true 或 false（must be true or false）";
				default -> "必须是数字（must be a number）";
			});
		}
	}

}
