package cn.county.platform.dashboard;

import java.math.BigDecimal;

/**
 * One number as SQL returns it: the area it belongs to, the figure's name (a field of the
 * section's GraphQL type), the key within a breakdown ({@code ""} for a single figure),
 * the count and the amount where it has one.
 *
 * @param area the town or village code, or {@code COUNTY}
 * @param figure the figure's name
 * @param key the breakdown key, or {@code ""}
 * @param count the count
 * @param amount yuan, or null
 */
public record FigureRow(String area, String figure, String key, long count, BigDecimal amount) {

	public FigureRow {
		key = (key != null) ? key : "";
	}

	/**
	 * This row with another's count and amount added (an amount missing on one side
	 * counts as none).
	 */
	public FigureRow plus(FigureRow other) {
		BigDecimal sum = (this.amount == null) ? other.amount
				: (other.amount == null) ? this.amount : this.amount.add(other.amount);
		return new FigureRow(this.area, this.figure, this.key, this.count + other.count, sum);
	}

}
