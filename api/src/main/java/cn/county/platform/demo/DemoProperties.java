package cn.county.platform.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.demo.*}: whether an empty database gets demo data when the application starts, how much, and from
 * which seed.
 */
@ConfigurationProperties("platform.demo")
public record DemoProperties(boolean loadOnStart,
		@DefaultValue("" + DemoDataGenerator.DEFAULT_HOUSEHOLDS) int households,
		@DefaultValue("" + DemoDataGenerator.DEFAULT_SEED) long seed) {

}
