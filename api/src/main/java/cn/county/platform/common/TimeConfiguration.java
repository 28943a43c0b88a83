package cn.county.platform.common;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Today" is the county's today: dates are compared in China's time zone whatever the
 * server's zone is.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(@Value("${platform.zone:Asia/Shanghai}") String zone) {
		return Clock.system(ZoneId.of(zone));
	}

	@Bean
	IdGenerator idGenerator() {
		return IdGenerator.system();
	}

}
