package cn.county.platform.common;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Installs the keys that seal cursors. Without {@code platform.cursors.keys} (development, tests) one random key is
 * made at start-up; in the {@code prod} profile the keys must be configured, since several instances behind a load
 * balancer, and a restart, must open each other's cursors.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CursorConfiguration.CursorProperties.class)
class CursorConfiguration {

	private static final Log logger = LogFactory.getLog(CursorConfiguration.class);

	@Bean
	CursorKeys cursorKeys(CursorProperties properties, Environment environment) {
		List<String> configured = (properties.keys() != null) ? properties.keys().stream()
			.filter((key) -> key != null && !key.isBlank())
			.toList() : List.of();
		if (configured.isEmpty()) {
			if (environment.acceptsProfiles(Profiles.of("prod"))) {
				throw new IllegalStateException("platform.cursors.keys is not set: in production set "
						+ "PLATFORM_CURSORS_KEYS to one or more comma-separated keys of 32 random bytes in base64 "
						+ "(openssl rand -base64 32), the sealing key first, the same on every instance");
			}
			logger.warn("platform.cursors.keys is not set: cursors are sealed with a random key and do not survive "
					+ "a restart or work across instances");
		}
		CursorKeys keys = configured.isEmpty() ? CursorKeys.current() : CursorKeys.of(configured);
		CursorKeys.install(keys);
		return keys;
	}

	/**
	 * @param keys base64 AES-256 keys; the first seals new cursors, all open cursors handed out earlier
	 */
	@ConfigurationProperties("platform.cursors")
	record CursorProperties(List<String> keys) {
	}

}
