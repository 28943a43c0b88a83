package cn.county.platform.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.demo.*}: whether an empty database gets demo data when the application
 * starts, how much, and from which seed.
 *
 * @param loadOnStart load the demo households when the application starts and the
 * database has none; profile {@code prod} refuses to start with it on
 * @param households how many demo households to generate, spread over the county's towns
 * and villages
 * @param seed the random seed; the same seed and count give the same households on every
 * run
 */
@ConfigurationProperties("platform.demo")
public record DemoProperties(boolean loadOnStart,
		@DefaultValue("" + DemoDataGenerator.DEFAULT_HOUSEHOLDS) int households,
		@DefaultValue("" + DemoDataGenerator.DEFAULT_SEED) long seed) {

}
