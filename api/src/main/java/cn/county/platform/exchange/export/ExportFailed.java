package cn.county.platform.exchange.export;

/**
 * A page that failed after the file had begun: the export stops, the connection is cut so
 * that the client sees an incomplete download rather than a short file that looks whole,
 * and the audit entry says how far it got.
 */
public class ExportFailed extends RuntimeException {

	public ExportFailed(String message) {
		super(message);
	}

}
