package cn.county.platform.common;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The cursor codec from {@code platform.cursors.keys}. Production refuses to start
 * without a key: a key made up at start-up differs per instance and per restart, so pages
 * would break behind a load balancer and after a deploy.
 */
@Configuration(proxyBeanMethods = false)
class CursorConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CursorConfiguration.class);

	@Bean
	CursorCodec cursorCodec(CursorProperties properties, Environment environment) {
		return codec(properties, environment);
	}

	static CursorCodec codec(CursorProperties properties, Environment environment) {
		List<byte[]> keys = new ArrayList<>();
		for (String key : properties.keys()) {
			if (key == null || key.isBlank()) {
				continue;
			}
			try {
				keys.add(Base64.getDecoder().decode(key.trim()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("platform.cursors.keys: every key must be base64", ex);
			}
		}
		if (keys.isEmpty()) {
			if (environment.acceptsProfiles(Profiles.of("prod"))) {
				throw new IllegalStateException("platform.cursors.keys must be set in production (profile prod):"
						+ " one or more base64 AES keys of 32 bytes, the first seals cursors, all open them"
						+ " (e.g. `openssl rand -base64 32`)");
			}
			log.warn("platform.cursors.keys is not set: cursors are sealed with a random key made at start-up, so"
					+ " pages do not survive a restart or span instances. Set it for any shared deployment.");
			keys.add(CursorCodec.randomKey());
		}
		try {
			return new CursorCodec(keys);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

}
