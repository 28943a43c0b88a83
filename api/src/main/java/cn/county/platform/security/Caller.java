package cn.county.platform.security;

import java.util.Set;

/**
 * Who is asking, as the token says: roles and the scope that bounds which rows they
 * reach. Built once per request from the JWT; services take it as an argument rather than
 * reaching into the security context, which keeps them testable and makes the scope
 * visible at every call.
 *
 * @param subject the token's {@code sub}
 * @param username {@code preferred_username}, or the client id for a service account
 * @param roles the roles this API knows
 * @param townCode the town of a town official or village cadre
 * @param villageCode the village of a village cadre
 * @param department the department of a department officer (HRSS, FINANCE, ...)
 * @param partnerId the partner a partner client stands for
 */
public record Caller(String subject, String username, Set<Role> roles, String townCode, String villageCode,
		String department, String partnerId) {

	/** The client the request comes through: a partner's id, else the user's name. */
	public String client() {
		return (this.partnerId != null) ? this.partnerId : this.username;
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** The rows this caller may reach; the mappers put it into their WHERE clauses. */
	public Scope scope() {
		if (has(Role.COUNTY_ADMIN) || has(Role.DEPARTMENT_OFFICER) || has(Role.PARTNER)) {
			return Scope.COUNTY;
		}
		if (has(Role.TOWN_OFFICIAL)) {
			return Scope.town(this.townCode);
		}
		if (has(Role.VILLAGE_CADRE)) {
			return Scope.village(this.townCode, this.villageCode);
		}
		return Scope.NOTHING;
	}

}
