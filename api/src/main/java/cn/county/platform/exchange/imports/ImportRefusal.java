package cn.county.platform.exchange.imports;

/**
 * A refused row: its number in the file, the column at fault (null when the row as a
 * whole is refused), the reason, and the cell's value as the uploader may see it under
 * the field policy (a masked ID number stays masked). {@code cells} holds the row as
 * uploaded (JSON), for the downloadable report.
 */
public record ImportRefusal(long jobId, int seq, int row, String column, String reason, String value, String cells) {
}
