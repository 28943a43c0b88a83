package cn.county.platform.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.production-safety.*}: what {@link ProductionSafety} does in profile
 * {@code prod}.
 *
 * @param enforce refuse to start with an unsafe setting ({@code true}); {@code false}
 * only logs them, for the test harness and the single-machine benchmark, whose servers
 * are on localhost by design
 */
@ConfigurationProperties("platform.production-safety")
public record ProductionSafetyProperties(@DefaultValue("true") boolean enforce) {
}
