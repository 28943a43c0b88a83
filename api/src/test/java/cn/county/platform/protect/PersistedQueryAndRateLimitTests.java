package cn.county.platform.protect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import cn.county.platform.common.Digests;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.KeycloakServer;
import cn.county.platform.support.TestServers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hashes instead of query texts, partners held to trusted documents, and callers held to
 * their rate.
 */
class PersistedQueryAndRateLimitTests extends AbstractPlatformTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	PersistedQueries persistedQueries;

	@Autowired
	RateLimitProperties rateLimits;

	@Test
	void anApolloPersistedQueryRoundTripsThroughRedis() throws Exception {
		String token = KeycloakServer.shared().passwordToken("town.official");
		String query = "query townCodes { towns { code } }";
		String hash = Digests.sha256Hex(query);
		Map<String, Object> extensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
		JsonNode unknown = post(token, Map.of("extensions", extensions));
		assertThat(unknown.at("/errors/0/message").asString()).isEqualTo("PersistedQueryNotFound");
		JsonNode registered = post(token, Map.of("query", query, "extensions", extensions));
		assertThat(registered.at("/data/towns/0/code").asString()).isEqualTo("411024100");
		// a fresh instance has nothing in memory: the text must come back from Redis
		this.persistedQueries.clearLocal();
		JsonNode byHash = post(token, Map.of("extensions", extensions));
		assertThat(byHash.at("/data/towns/0/code").asString()).isEqualTo("411024100");
		JsonNode wrongHash = post(token, Map.of("query", "{ towns { name } }", "extensions", extensions));
		assertThat(wrongHash.has("errors")).isTrue();
	}

	@Test
	void aPartnerHeldToTrustedDocumentsRunsThemAndNothingElse() throws Exception {
		String token = KeycloakServer.shared().clientCredentialsToken("partner-bank", "partner-bank-dev-secret");
		String trusted = new ClassPathResource("trusted-documents/partner-bank/householdForLoan.graphql")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		Map<String, Object> byHash = Map.of("variables", Map.of("code", "4110241002010001"), "extensions",
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", Digests.sha256Hex(trusted))));
		JsonNode allowed = post(token, byHash);
		assertThat(allowed.at("/errors").toString()).doesNotContain("trustedDocuments");
		assertThat(allowed.at("/data/householdByCode").isMissingNode()).isFalse();
		JsonNode refused = post(token, Map.of("query", "{ households(first: 1) { totalCount } }"));
		assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
		assertThat(refused.at("/errors/0/extensions/limit").asString()).isEqualTo("trustedDocuments");
	}

	@Test
	void aPartnerPastItsRateGets429WithRetryAfter() throws Exception {
		String token = KeycloakServer.shared().clientCredentialsToken("partner-test", "partner-test-dev-secret");
		String body = JSON.writeValueAsString(Map.of("query", "{ towns { code } }"));
		int lastStatus = 0;
		HttpResponse<String> response = null;
		// The limit counts per fixed window (RateLimiter). A run that straddles a window
		// boundary splits its requests
		// between two windows, so allow for the limit to be passed in the second one:
		// twice the limit and one more.
		for (int i = 0; i <= 2 * this.rateLimits.perPartner() + 1 && lastStatus != 429; i++) {
			response = send(token, body);
			lastStatus = response.statusCode();
		}
		assertThat(lastStatus).isEqualTo(429);
		assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		assertThat(response.body()).contains("TOO_MANY_REQUESTS");
		// people are counted apart from partners
		assertThat(send(KeycloakServer.shared().passwordToken("county.admin"), body).statusCode()).isEqualTo(200);
	}

	@Test
	void theApiKeepsServingWithRedisStoppedAndUsesItAgainWhenItReturns() throws Exception {
		String token = KeycloakServer.shared().passwordToken("county.admin");
		Map<String, Object> query = Map.of("query", "{ towns { code } }");
		if (!TestServers.EmbeddedRedis.isEmbedded()) {
			// a Redis from REDIS_URL or a container: nothing to stop here, the fallback
			// is covered elsewhere
			assertThat(post(token, query).at("/data/towns/0/code").asString()).isEqualTo("411024100");
			return;
		}
		TestServers.EmbeddedRedis.stop();
		try {
			assertThat(post(token, query).at("/data/towns/0/code").asString()).isEqualTo("411024100");
			String text = "query whileRedisIsDown { towns { name } }";
			Map<String, Object> ext = Map.of("persistedQuery",
					Map.of("version", 1, "sha256Hash", Digests.sha256Hex(text)));
			assertThat(post(token, Map.of("query", text, "extensions", ext)).has("errors")).isFalse();
			assertThat(post(token, Map.of("extensions", ext)).has("errors")).isFalse();
		}
		finally {
			TestServers.EmbeddedRedis.restart();
		}
		assertThat(post(token, query).at("/data/towns/0/code").asString()).isEqualTo("411024100");
	}

	private JsonNode post(String token, Map<String, Object> body) throws Exception {
		return JSON.readTree(send(token, JSON.writeValueAsString(body)).body());
	}

	private HttpResponse<String> send(String token, String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url()))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
