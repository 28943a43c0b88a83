package cn.county.platform.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed realm issues the tokens the API's policy depends on: roles, scope claims and audience. */
class KeycloakRealmTests {

	@Test
	void everyDemoUserGetsTheirRoleScopeAndTheApiAudience() {
		KeycloakServer keycloak = KeycloakServer.shared();
		assertUser(keycloak, "county.admin", "county-admin", null, null, null);
		assertUser(keycloak, "town.official", "town-official", "411024100", null, null);
		assertUser(keycloak, "town2.official", "town-official", "411024101", null, null);
		assertUser(keycloak, "village.cadre", "village-cadre", "411024100", "411024100201", null);
		assertUser(keycloak, "hrss.officer", "department-officer", null, null, "HRSS");
		assertUser(keycloak, "finance.officer", "department-officer", null, null, "FINANCE");
		assertUser(keycloak, "dashboard.viewer", "dashboard-viewer", null, null, null);
	}

	@Test
	void partnersGetTheirPartnerIdByClientCredentials() {
		for (String partner : List.of("partner-bank", "partner-insurer")) {
			JsonNode claims = KeycloakServer
				.claims(KeycloakServer.shared().clientCredentialsToken(partner, partner + "-dev-secret"));
			assertThat(claims.get("partner_id").asString()).isEqualTo(partner);
			assertThat(roles(claims)).contains("partner");
			assertThat(audiences(claims)).contains("county-api");
		}
	}

	@Test
	void otherAppTokensAreNotForTheApiAndWrongPasswordsAreRefused() {
		KeycloakServer keycloak = KeycloakServer.shared();
		assertThat(audiences(KeycloakServer.claims(keycloak.passwordToken("other-app", "county.admin", "demo"))))
			.doesNotContain("county-api");
		assertThat(keycloak.tokenStatus(Map.of("grant_type", "password", "client_id", "county-cli", "username",
				"county.admin", "password", "wrong"))).as("invalid_grant").isEqualTo(400);
		assertThat(keycloak.tokenStatus(Map.of("grant_type", "client_credentials", "client_id", "partner-bank",
				"client_secret", "wrong"))).isEqualTo(401);
	}

	private static void assertUser(KeycloakServer keycloak, String username, String role, String town,
			String village, String department) {
		JsonNode claims = KeycloakServer.claims(keycloak.passwordToken(username));
		assertThat(claims.get("iss").asString()).isEqualTo(keycloak.issuer());
		assertThat(claims.get("preferred_username").asString()).isEqualTo(username);
		assertThat(audiences(claims)).as(username).contains("county-api");
		assertThat(roles(claims)).as(username).contains(role);
		assertThat(text(claims, "town_code")).as(username + " town").isEqualTo(town);
		assertThat(text(claims, "village_code")).as(username + " village").isEqualTo(village);
		assertThat(text(claims, "department")).as(username + " department").isEqualTo(department);
	}

	private static String text(JsonNode claims, String name) {
		JsonNode node = claims.get(name);
		return (node == null || node.isNull()) ? null : node.asString();
	}

	private static List<String> roles(JsonNode claims) {
		List<String> roles = new ArrayList<>();
		claims.get("realm_access").get("roles").forEach((role) -> roles.add(role.asString()));
		return roles;
	}

	private static List<String> audiences(JsonNode claims) {
		List<String> audiences = new ArrayList<>();
		JsonNode aud = claims.get("aud");
		if (aud != null && aud.isArray()) {
			aud.forEach((a) -> audiences.add(a.asString()));
		}
		else if (aud != null) {
			audiences.add(aud.asString());
		}
		return audiences;
	}

}
