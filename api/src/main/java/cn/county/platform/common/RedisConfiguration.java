package cn.county.platform.common;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis, only when {@code platform.redis.url} (env {@code REDIS_URL}) names one. Timeouts are short on purpose:
 * everything Redis holds can be rebuilt from the database, so a slow or dead Redis must cost a request
 * milliseconds, not seconds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${platform.redis.url:}' != ''")
class RedisConfiguration {

	@Bean
	LettuceConnectionFactory redisConnectionFactory(@Value("${platform.redis.url}") String url,
			@Value("${platform.redis.timeout:250ms}") Duration timeout) {
		RedisStandaloneConfiguration server = standalone(url);
		ClientOptions options = ClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.build();
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.commandTimeout(timeout)
			.clientOptions(options)
			.build();
		return new LettuceConnectionFactory(server, client);
	}

	/**
	 * Host, port, credentials and the database index of {@code redis://[user:password@]host[:port][/db]}: a
	 * benchmark or a second deployment on a shared Redis keeps its keys apart in a database of its own.
	 */
	static RedisStandaloneConfiguration standalone(String url) {
		java.net.URI uri = java.net.URI.create(url);
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

	@Bean
	StringRedisTemplate stringRedisTemplate(LettuceConnectionFactory factory) {
		return new StringRedisTemplate(factory);
	}

}
