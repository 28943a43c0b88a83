package cn.county.platform.common;

import java.net.URI;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;

/**
 * Redis, only when {@code spring.data.redis.url} (env {@code REDIS_URL}) names one. The
 * connection factory and the {@code StringRedisTemplate} are Spring Boot's, configured by
 * {@code spring.data.redis.*}; {@code application.yml} takes Boot's Redis
 * auto-configuration off the automatic list and this class imports it, so that without a
 * URL there is no Redis bean at all rather than one for localhost:6379. Everything that
 * uses Redis takes an {@code ObjectProvider} and serves from the database without it.
 * <p>
 * Timeouts ({@code spring.data.redis.timeout}, {@code connect-timeout}) are short on
 * purpose: everything Redis holds can be rebuilt from the database, so a slow or dead
 * Redis must cost a request milliseconds, not seconds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.data.redis.url:}' != ''")
@Import(DataRedisAutoConfiguration.class)
class RedisConfiguration {

	/**
	 * The server Boot connects to, from the URL: Boot reads {@code redis://host} without
	 * a port as port -1 and fails, where Redis's own URL scheme means 6379.
	 */
	@Bean
	RedisStandaloneConfiguration redisStandaloneConfiguration(DataRedisProperties properties) {
		return standalone(properties.getUrl());
	}

	/**
	 * While the connection is down a command fails at once (and its caller falls back to
	 * the database) instead of waiting in Lettuce's queue for a reconnect.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	/**
	 * Host, port, credentials and the database index of
	 * {@code redis://[user:password@]host[:port][/db]}: a benchmark or a second
	 * deployment on a shared Redis keeps its keys apart in a database of its own.
	 */
	static RedisStandaloneConfiguration standalone(String url) {
		URI uri = URI.create(url);
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(uri.getHost(),
				(uri.getPort() > 0) ? uri.getPort() : 6379);
		if (uri.getUserInfo() != null) {
			String[] user = uri.getUserInfo().split(":", 2);
			if (user.length == 2) {
				if (!user[0].isEmpty()) {
					server.setUsername(user[0]);
				}
				server.setPassword(user[1]);
			}
			else {
				server.setPassword(user[0]);
			}
		}
		String path = (uri.getPath() != null) ? uri.getPath().replaceAll("^/+|/+$", "") : "";
		if (!path.isEmpty()) {
			server.setDatabase(Integer.parseInt(path));
		}
		return server;
	}

}
