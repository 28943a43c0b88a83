package cn.county.platform.protect;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests allowed per caller per window: generous for people, stricter for partners'
 * systems.
 *
 * @param window the fixed window the counts apply to
 * @param perUser requests per window for each signed-in user
 * @param perPartner requests per window for each partner client
 */
@ConfigurationProperties("platform.rate-limits")
public record RateLimitProperties(@DefaultValue("60s") Duration window, @DefaultValue("1200") int perUser,
		@DefaultValue("120") int perPartner) {
}
