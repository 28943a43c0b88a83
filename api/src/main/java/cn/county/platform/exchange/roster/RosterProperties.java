package cn.county.platform.exchange.roster;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Header names of the roster where a province's export differs from the national one, by
 * column key ({@link RosterColumn#key()}), e.g.
 * {@code platform.exchange.roster.headers.incomePerCapita=人均纯收入}.
 *
 * @param headers header text by column key; columns not named keep their default
 */
@ConfigurationProperties("platform.exchange.roster")
public record RosterProperties(Map<String, String> headers) {

	public RosterProperties {
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

	/**
	 * The column's header in this deployment: the configured one, else the national
	 * export's. The import looks for it and the exports write it.
	 */
	public String header(RosterColumn column) {
		return this.headers.getOrDefault(column.key(), column.defaultHeader());
	}

}
