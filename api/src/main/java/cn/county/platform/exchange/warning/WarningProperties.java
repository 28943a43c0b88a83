package cn.county.platform.exchange.warning;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Header names of the warning list where a department's file differs, by column key
 * ({@link WarningColumn#key()}).
 *
 * @param headers header text by column key; columns not named keep their default
 */
@ConfigurationProperties("platform.exchange.warning")
public record WarningProperties(Map<String, String> headers) {

	public WarningProperties {
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

}
