package cn.county.platform.exchange.programmes;

import java.util.HashMap;
import java.util.Map;

import cn.county.platform.exchange.imports.ImportColumn;
import cn.county.platform.exchange.imports.ImportKind;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Header names of the programme rosters where a deployment's files differ from the
 * defaults, by import kind and column key, e.g.
 * {@code platform.exchange.programmes.headers.loans.contractNumber=借款合同号}.
 *
 * @param headers header text by kind (as in the upload's path) and column key; columns
 * not named keep their default
 */
@ConfigurationProperties("platform.exchange.programmes")
public record ProgrammeImportProperties(Map<String, Map<String, String>> headers) {

	public ProgrammeImportProperties {
		Map<String, Map<String, String>> copy = new HashMap<>();
		if (headers != null) {
			headers.forEach((kind, columns) -> copy.put(kind, Map.copyOf(columns)));
		}
		headers = Map.copyOf(copy);
	}

	/**
	 * The column's header in this deployment: the configured one, else the default. The
	 * import looks for it and the export of the same list writes it.
	 */
	public String header(ImportKind kind, ImportColumn column) {
		return of(kind).getOrDefault(column.key(), column.defaultHeader());
	}

	/** The configured headers of one kind, by column key. */
	public Map<String, String> of(ImportKind kind) {
		return this.headers.getOrDefault(kind.path(), Map.of());
	}

}
