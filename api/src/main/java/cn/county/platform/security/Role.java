package cn.county.platform.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The realm roles of DOMAIN.md; in Keycloak they are spelt in kebab case
 * ({@code county-admin}).
 */
public enum Role {

	COUNTY_ADMIN, TOWN_OFFICIAL, VILLAGE_CADRE, DEPARTMENT_OFFICER, PARTNER, DASHBOARD_VIEWER;

	public String keycloakName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public static Optional<Role> fromKeycloak(String name) {
		for (Role role : values()) {
			if (role.keycloakName().equals(name)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
