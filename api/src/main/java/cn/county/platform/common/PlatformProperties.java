package cn.county.platform.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings that are policy rather than code.
 *
 * @param maxPageSize the largest {@code first} any list accepts
 */
@ConfigurationProperties("platform")
public record PlatformProperties(@DefaultValue("100") int maxPageSize) {
}
