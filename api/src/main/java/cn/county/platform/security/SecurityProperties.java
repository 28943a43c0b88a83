package cn.county.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.security.*}: the one token check Spring Boot has no property for. The
 * issuer, the signing keys' address, the audience and the algorithms are Boot's own
 * {@code spring.security.oauth2.resourceserver.jwt.*} ({@code application.yml}), read by
 * Boot's auto-configured decoder.
 *
 * @param clockSkew how far past {@code exp} (or before {@code nbf}) a token is still
 * accepted, for clocks that disagree a little
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(@DefaultValue("30s") Duration clockSkew) {

}
