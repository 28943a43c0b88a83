package cn.county.platform.exchange.export;

/**
 * An export refused before its file began: the HTTP status, and the reason in Chinese
 * (with GraphQL's own message where GraphQL refused), sent as a JSON error instead of a
 * file.
 */
public class ExportRefused extends RuntimeException {

	private final int status;

	private final String classification;

	private final String field;

	public ExportRefused(int status, String classification, String field, String message) {
		super(message);
		this.status = status;
		this.classification = classification;
		this.field = field;
	}

	public int status() {
		return this.status;
	}

	public String classification() {
		return this.classification;
	}

	public String field() {
		return this.field;
	}

}
