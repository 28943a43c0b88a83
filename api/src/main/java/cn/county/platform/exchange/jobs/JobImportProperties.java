package cn.county.platform.exchange.jobs;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Header names of the employment roster where the bureau's file differs, by column key
 * ({@link JobColumn#key()}).
 *
 * @param headers header text by column key; columns not named keep their default
 */
@ConfigurationProperties("platform.exchange.jobs")
public record JobImportProperties(Map<String, String> headers) {

	public JobImportProperties {
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

}
