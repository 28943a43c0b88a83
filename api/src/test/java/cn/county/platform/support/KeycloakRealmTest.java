package cn.county.platform.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed realm, imported into a real Keycloak, issues the tokens the API relies
 * on: the issuer, the {@code county-api} audience, one county role per caller and the
 * scope claims (town, village, department, partner) exactly as the demo data expects
 * them.
 */
@Tag("platform")
class KeycloakRealmTest {

	private static final Set<String> COUNTY_ROLES = Set.of("county-admin", "town-official", "village-cadre",
			"department-officer", "partner", "dashboard-viewer");

	private static final List<String> SCOPE_CLAIMS = List.of("town_code", "village_code", "department", "partner_id");

	private static KeycloakServer keycloak;

	@BeforeAll
	static void startKeycloak() {
		keycloak = KeycloakServer.shared();
	}

	@Test
	void countyAdminHasTheCountyRoleAndNoScopeClaims() {
		assertUserToken("county.admin", "county-admin", Map.of());
	}

	@Test
	void townOfficialCarriesTheDemoTownCode() {
		assertUserToken("town.official", "town-official", Map.of("town_code", "411024100"));
	}

	@Test
	void secondTownOfficialCarriesAnotherTownCode() {
		assertUserToken("town2.official", "town-official", Map.of("town_code", "411024101"));
	}

	@Test
	void villageCadreCarriesTownAndVillageCodes() {
		assertUserToken("village.cadre", "village-cadre",
				Map.of("town_code", "411024100", "village_code", "411024100201"));
	}

	@Test
	void departmentOfficersCarryTheirDepartment() {
		assertUserToken("hrss.officer", "department-officer", Map.of("department", "HRSS"));
		assertUserToken("commerce.officer", "department-officer", Map.of("department", "COMMERCE"));
		assertUserToken("agriculture.officer", "department-officer", Map.of("department", "AGRICULTURE"));
		assertUserToken("finance.officer", "department-officer", Map.of("department", "FINANCE"));
	}

	@Test
	void dashboardViewerHasOnlyTheDashboardRole() {
		assertUserToken("dashboard.viewer", "dashboard-viewer", Map.of());
	}

	@Test
	void partnersGetTokensByClientCredentialsWithTheirPartnerId() {
		for (String partner : List.of("partner-bank", "partner-insurer")) {
			JsonNode claims = KeycloakServer.claims(keycloak.clientCredentialsToken(partner, partner + "-dev-secret"));
			assertCountyToken(claims, partner);
			assertThat(countyRoles(claims)).as(partner).containsExactly("partner");
			assertScopeClaims(claims, Map.of("partner_id", partner), partner);
		}
	}

	@Test
	void userTokensLiveHalfAnHourForDevelopment() {
		JsonNode claims = KeycloakServer.claims(keycloak.passwordToken("county.admin"));
		assertThat(claims.required("exp").asLong() - claims.required("iat").asLong()).isEqualTo(1800);
	}

	@Test
	void theShortLivedTestClientIssuesThreeSecondTokensForTheCountyApi() {
		JsonNode claims = KeycloakServer.claims(keycloak.passwordToken("county-cli-short", "county.admin", "demo"));
		assertCountyToken(claims, "county-cli-short");
		assertThat(claims.required("exp").asLong() - claims.required("iat").asLong()).isEqualTo(3);
	}

	@Test
	void otherAppTokensAreNotForTheCountyApi() {
		JsonNode claims = KeycloakServer.claims(keycloak.passwordToken("other-app", "county.admin", "demo"));
		assertThat(claims.required("iss").asString()).isEqualTo(keycloak.issuer());
		assertThat(claims.required("azp").asString()).isEqualTo("other-app");
		assertThat(audiences(claims)).doesNotContain("county-api");
		assertThat(countyRoles(claims)).containsExactly("county-admin");
	}

	@Test
	void masterRealmTokensHaveAnotherIssuer() {
		JsonNode claims = KeycloakServer.claims(keycloak.masterAdminToken());
		assertThat(claims.required("iss").asString()).isEqualTo(keycloak.baseUrl() + "/realms/master");
		assertThat(audiences(claims)).doesNotContain("county-api");
	}

	@Test
	void aWrongPasswordIsRefused() {
		// Keycloak 26 answers invalid_grant with 400, as RFC 6749 section 5.2 asks, not
		// with 401
		assertRefused(Map.of("grant_type", "password", "client_id", "county-cli", "username", "county.admin",
				"password", "not-demo"), 400, "invalid_grant");
	}

	@Test
	void aWrongClientSecretIsRefused() {
		assertRefused(Map.of("grant_type", "client_credentials", "client_id", "partner-bank", "client_secret",
				"partner-insurer-dev-secret"), 401, "unauthorized_client");
	}

	@Test
	void partnersAndBrowserClientsCannotUseThePasswordGrant() {
		assertRefused(
				Map.of("grant_type", "password", "client_id", "partner-bank", "client_secret",
						"partner-bank-dev-secret", "username", "county.admin", "password", "demo"),
				400, "unauthorized_client");
		for (String client : List.of("county-dashboard", "county-mobile", "county-api")) {
			assertThat(keycloak.tokenStatus(Map.of("grant_type", "password", "client_id", client, "username",
					"county.admin", "password", "demo")))
				.as(client)
				.isIn(400, 401);
		}
	}

	@Test
	void usersCannotGetTokensByClientCredentials() {
		assertRefused(Map.of("grant_type", "client_credentials", "client_id", "county-cli"), 401,
				"unauthorized_client");
	}

	private static void assertUserToken(String username, String role, Map<String, String> scope) {
		JsonNode claims = KeycloakServer.claims(keycloak.passwordToken(username));
		assertThat(claims.required("preferred_username").asString()).isEqualTo(username);
		assertCountyToken(claims, "county-cli");
		assertThat(countyRoles(claims)).as(username).containsExactly(role);
		assertScopeClaims(claims, scope, username);
	}

	private static void assertCountyToken(JsonNode claims, String client) {
		assertThat(claims.required("iss").asString()).isEqualTo(keycloak.issuer());
		assertThat(claims.required("azp").asString()).isEqualTo(client);
		assertThat(claims.required("typ").asString()).isEqualTo("Bearer");
		assertThat(audiences(claims)).as(client).contains("county-api");
		assertThat(claims.path("sub").asString()).isNotBlank();
	}

	/**
	 * The expected scope claims are there with their values, as top-level strings; the
	 * others are absent.
	 */
	private static void assertScopeClaims(JsonNode claims, Map<String, String> expected, String who) {
		for (String name : SCOPE_CLAIMS) {
			JsonNode claim = claims.path(name);
			if (expected.containsKey(name)) {
				assertThat(claim.isString()).as("%s of %s is a string: %s", name, who, claim).isTrue();
				assertThat(claim.asString()).as("%s of %s", name, who).isEqualTo(expected.get(name));
			}
			else {
				assertThat(claim.isMissingNode()).as("%s of %s is absent: %s", name, who, claim).isTrue();
			}
		}
	}

	private static Set<String> countyRoles(JsonNode claims) {
		Set<String> roles = new HashSet<>();
		claims.path("realm_access").path("roles").forEach((role) -> roles.add(role.asString()));
		roles.retainAll(COUNTY_ROLES);
		return roles;
	}

	/**
	 * {@code aud} is a string when there is one audience and an array when there are
	 * several.
	 */
	private static List<String> audiences(JsonNode claims) {
		JsonNode aud = claims.path("aud");
		List<String> audiences = new ArrayList<>();
		if (aud.isArray()) {
			aud.forEach((value) -> audiences.add(value.asString()));
		}
		else if (aud.isString()) {
			audiences.add(aud.asString());
		}
		return audiences;
	}

	private static void assertRefused(Map<String, String> form, int status, String error) {
		HttpResponse<String> response = keycloak.tokenResponse(form);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode body = JsonMapper.builder().build().readTree(response.body());
		assertThat(body.path("error").asString()).as(response.body()).isEqualTo(error);
		assertThat(body.has("access_token")).isFalse();
	}

}
