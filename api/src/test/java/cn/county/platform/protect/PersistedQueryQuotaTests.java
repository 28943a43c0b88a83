package cn.county.platform.protect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.KeycloakServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each caller may register a few documents per window, counted in Redis; one caller's
 * quota is not another's.
 */
@TestPropertySource(properties = "platform.persisted-queries.quota-per-caller=3")
class PersistedQueryQuotaTests extends AbstractPlatformTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	PersistedQueries persistedQueries;

	@Test
	void theQuotaRefusesTheNextDistinctDocumentOfOneCallerWhileAnotherCanStillStore() throws Exception {
		// users no other test registers documents for; Keycloak gives them fresh subjects
		// on every run
		String first = KeycloakServer.shared().passwordToken("commerce.officer");
		String second = KeycloakServer.shared().passwordToken("agriculture.officer");
		List<String> registered = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String text = document();
			JsonNode answer = register(first, text);
			assertThat(answer.has("errors")).as(answer.toString()).isFalse();
			assertThat(answer.at("/data/__typename").asString()).isEqualTo("Query");
			registered.add(text);
		}
		// registering a known document again counts nothing
		assertThat(register(first, registered.get(0)).has("errors")).isFalse();
		String fourth = document();
		JsonNode refused = register(first, fourth);
		assertThat(refused.at("/errors/0/extensions/limit").asString()).isEqualTo("persistedQueryQuota");
		assertThat(refused.at("/errors/0/extensions/allowed").asInt()).isEqualTo(3);
		assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(refused.at("/errors/0/message").asString()).contains("at most 3");
		assertThat(refused.at("/data").isMissingNode() || refused.at("/data").isNull()).isTrue();
		this.persistedQueries.clearLocal();
		assertThat(byHash(first, fourth).at("/errors/0/message").asString()).isEqualTo("PersistedQueryNotFound");
		// what was registered before the quota was reached still runs by its hash, from
		// Redis
		for (String text : registered) {
			assertThat(byHash(first, text).at("/data/__typename").asString()).isEqualTo("Query");
		}
		// and the same text without a hash is an ordinary query
		assertThat(post(first, Map.of("query", fourth)).at("/data/__typename").asString()).isEqualTo("Query");
		// another caller still registers, and then the refused document is known to
		// everyone
		assertThat(register(second, fourth).at("/data/__typename").asString()).isEqualTo("Query");
		assertThat(byHash(first, fourth).at("/data/__typename").asString()).isEqualTo("Query");
	}

	private static String document() {
		return "query quota" + PersistedQueryRegistrationTests.unique() + " { __typename }";
	}

	private JsonNode register(String token, String text) throws Exception {
		return post(token, Map.of("query", text, "extensions", PersistedQueryRegistrationTests.extensions(text)));
	}

	private JsonNode byHash(String token, String text) throws Exception {
		return post(token, Map.of("extensions", PersistedQueryRegistrationTests.extensions(text)));
	}

	private JsonNode post(String token, Map<String, Object> body) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url()))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

}
