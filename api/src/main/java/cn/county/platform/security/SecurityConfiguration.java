package cn.county.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every GraphQL request needs a valid Keycloak token: signed with the realm's RS256 key
 * (so {@code alg: none} and forged signatures fail), from the configured issuer, for this
 * API's audience, and not expired. Field and row rules then apply inside GraphQL; write
 * methods carry method security as a second line.
 * <p>
 * The decoder is Spring Boot's, built from
 * {@code spring.security.oauth2.resourceserver.jwt.*} in {@code application.yml}:
 * {@code issuer-uri} (env {@code KEYCLOAK_ISSUER}) is checked against {@code iss},
 * {@code jwk-set-uri} is where the keys are fetched (the issuer's certs endpoint unless
 * {@code PLATFORM_SECURITY_JWK_SET_URI} names another host, as inside docker compose),
 * {@code audiences} must meet {@code aud} and {@code jws-algorithms} lists RS256 alone.
 * Boot adds every {@link OAuth2TokenValidator} bean to those checks; this class declares
 * the one check Boot has no property for, the clock skew.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/graphiql/**", "/actuator/health/**", "/actuator/info", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.oauth2ResourceServer(
					(server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(new CallerConverter())))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * {@code exp} and {@code nbf} with {@code platform.security.clock-skew} of tolerance.
	 * Boot's decoder takes it instead of its own timestamp check (60 s), since it is a
	 * {@link JwtTimestampValidator}.
	 */
	@Bean
	OAuth2TokenValidator<Jwt> tokenLifetime(SecurityProperties properties) {
		return new JwtTimestampValidator(properties.clockSkew());
	}

}
