package cn.county.platform.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.KeycloakServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every token the API must not trust gets HTTP 401 before any GraphQL runs. */
class AuthenticationTests extends AbstractPlatformTests {

	private static final String QUERY = "{\"query\":\"{ towns { code } }\"}";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aValidTokenIsAccepted() throws Exception {
		assertThat(post(KeycloakServer.shared().passwordToken("county.admin"))).isEqualTo(200);
	}

	@Test
	void noTokenIsUnauthorized() throws Exception {
		assertThat(post(null)).isEqualTo(401);
	}

	@Test
	void aMalformedTokenIsUnauthorized() throws Exception {
		assertThat(post("not-a-jwt")).isEqualTo(401);
	}

	@Test
	void aTokenWithATamperedPayloadIsUnauthorized() throws Exception {
		String[] parts = KeycloakServer.shared().passwordToken("village.cadre").split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("village-cadre", "county-admin");
		String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];
		assertThat(post(forged)).isEqualTo(401);
	}

	@Test
	void anUnsignedTokenWithAlgNoneIsUnauthorized() throws Exception {
		String[] parts = KeycloakServer.shared().passwordToken("county.admin").split("\\.");
		String header = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
		assertThat(post(header + "." + parts[1] + ".")).isEqualTo(401);
	}

	@Test
	void aTokenForAnotherAudienceIsUnauthorized() throws Exception {
		String token = KeycloakServer.shared().passwordToken("other-app", "county.admin", "demo");
		assertThat(post(token)).isEqualTo(401);
	}

	@Test
	void aTokenFromAnotherIssuerIsUnauthorized() throws Exception {
		String token = KeycloakServer.shared().masterAdminToken();
		assertThat(post(token)).isEqualTo(401);
	}

	@Test
	void anExpiredTokenIsUnauthorized() throws Exception {
		String token = KeycloakServer.shared().passwordToken("county-cli-short", "county.admin", "demo");
		assertThat(post(token)).as("fresh").isEqualTo(200);
		long expiresAt = KeycloakServer.expiry(token);
		// past exp plus the clock skew the tests allow (platform.security.clock-skew=1s)
		Thread.sleep(Math.max(0, expiresAt * 1000 - System.currentTimeMillis()) + 2_500);
		assertThat(post(token)).as("expired").isEqualTo(401);
	}

	private int post(String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.clients.url()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(QUERY));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
