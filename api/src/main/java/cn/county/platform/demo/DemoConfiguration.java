package cn.county.platform.demo;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Demo data on start-up, only where it is asked for: never by accident in a real county's
 * database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "platform.demo.load-on-start", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
public class DemoConfiguration {

	@Bean
	DemoDataLoader demoDataLoader(DataSource dataSource, DemoProperties properties,
			ObjectProvider<DemoSection> sections) {
		return new DemoDataLoader(new DemoDataGenerator(dataSource, DemoSections.of(sections)), dataSource, properties);
	}

}
