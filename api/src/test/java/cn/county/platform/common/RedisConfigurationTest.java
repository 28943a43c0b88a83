package cn.county.platform.common;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("fast")
class RedisConfigurationTest {

	@Test
	void aPathPicksTheDatabaseSoABenchmarkKeepsItsKeysApart() {
		RedisStandaloneConfiguration server = RedisConfiguration.standalone("redis://127.0.0.1:6379/2");
		assertThat(server.getHostName()).isEqualTo("127.0.0.1");
		assertThat(server.getPort()).isEqualTo(6379);
		assertThat(server.getDatabase()).isEqualTo(2);
	}

	@Test
	void withoutAPathItIsDatabaseZeroOnTheDefaultPort() {
		RedisStandaloneConfiguration server = RedisConfiguration.standalone("redis://cache.internal");
		assertThat(server.getPort()).isEqualTo(6379);
		assertThat(server.getDatabase()).isZero();
	}

	@Test
	void credentialsComeFromTheUserInfo() {
		RedisStandaloneConfiguration server = RedisConfiguration.standalone("redis://api:secret@cache:6380/1");
		assertThat(server.getUsername()).isEqualTo("api");
		assertThat(new String(server.getPassword().get())).isEqualTo("secret");
		assertThat(server.getDatabase()).isEqualTo(1);
	}

}
