package cn.county.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a Keycloak access token: realm roles from {@code realm_access.roles}, scope from
 * the {@code town_code}, {@code village_code}, {@code department} and {@code partner_id}
 * claims that the realm's protocol mappers add.
 */
class CallerConverter implements Converter<Jwt, CallerAuthentication> {

	@Override
	public CallerAuthentication convert(Jwt jwt) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
		if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> names) {
			for (Object name : names) {
				Role.fromKeycloak(String.valueOf(name)).ifPresent(roles::add);
			}
		}
		String username = jwt.getClaimAsString("preferred_username");
		if (username == null) {
			username = jwt.getClaimAsString("azp");
		}
		Caller caller = new Caller(jwt.getSubject(), username, Set.copyOf(roles), jwt.getClaimAsString("town_code"),
				jwt.getClaimAsString("village_code"), jwt.getClaimAsString("department"),
				jwt.getClaimAsString("partner_id"));
		List<SimpleGrantedAuthority> authorities = roles.stream()
			.map((role) -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return new CallerAuthentication(jwt, authorities, caller);
	}

}
