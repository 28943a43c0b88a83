package cn.county.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are checked.
 *
 * @param issuerUri the realm's issuer, exactly as it appears in the {@code iss} claim
 * @param jwkSetUri where to fetch the signing keys; defaults to the issuer's certs endpoint (set it when the API
 * reaches Keycloak by another host name than the one in tokens, as inside docker compose)
 * @param audience the {@code aud} value every accepted token must carry
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, @DefaultValue("county-api") String audience,
		@DefaultValue("30s") Duration clockSkew) {

	public String effectiveJwkSetUri() {
		return (this.jwkSetUri != null && !this.jwkSetUri.isBlank()) ? this.jwkSetUri
				: this.issuerUri + "/protocol/openid-connect/certs";
	}

}
