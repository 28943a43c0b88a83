package cn.county.platform.protect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import cn.county.platform.common.Digests;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.KeycloakServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text sent with its hash is stored only when its request ran: a document that does not
 * parse, does not validate, breaks a limit or is too large to register is never found
 * again by its hash, here or in Redis.
 */
class PersistedQueryRegistrationTests extends AbstractPlatformTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	PersistedQueries persistedQueries;

	@Autowired
	LimitsProperties limits;

	@Autowired
	PersistedQueryProperties properties;

	@Test
	void aValidDocumentIsStoredAndServedByItsHashFromRedis() throws Exception {
		String token = KeycloakServer.shared().passwordToken("town.official");
		String text = "query valid" + unique() + " { towns { code } }";
		assertThat(register(token, text).at("/data/towns/0/code").asString()).isEqualTo("411024100");
		this.persistedQueries.clearLocal();
		assertThat(byHash(token, text).at("/data/towns/0/code").asString()).isEqualTo("411024100");
	}

	@Test
	void aDocumentThatDoesNotValidateIsNotStored() throws Exception {
		String token = KeycloakServer.shared().passwordToken("town.official");
		String text = "query invalid" + unique() + " { towns { code noSuchField } }";
		JsonNode answer = register(token, text);
		assertThat(answer.at("/errors/0/extensions/classification").asString()).isEqualTo("ValidationError");
		assertNotStored(token, text);
	}

	@Test
	void aDocumentThatDoesNotParseIsNotStored() throws Exception {
		String token = KeycloakServer.shared().passwordToken("town.official");
		String text = "query broken" + unique() + " { towns { code }";
		JsonNode answer = register(token, text);
		assertThat(answer.at("/errors/0/extensions/classification").asString()).isEqualTo("InvalidSyntax");
		assertNotStored(token, text);
	}

	@Test
	void aDocumentOverTheDepthLimitIsNotStored() throws Exception {
		String token = KeycloakServer.shared().passwordToken("county.admin");
		StringBuilder open = new StringBuilder("query deep" + unique() + " { village(code: \"411024100201\") {");
		StringBuilder close = new StringBuilder("} }");
		for (int level = 2; level <= this.limits.maxDepth(); level++) {
			open.append((level % 2 == 0) ? " town {" : " villages {");
			close.append('}');
		}
		String text = open.append(" code ").append(close).toString();
		JsonNode answer = register(token, text);
		assertThat(answer.at("/errors/0/extensions/limit").asString()).isEqualTo("maxDepth");
		assertNotStored(token, text);
	}

	@Test
	void aDocumentOverTheAliasLimitIsNotStored() throws Exception {
		String token = KeycloakServer.shared().passwordToken("county.admin");
		StringBuilder text = new StringBuilder("query aliases" + unique() + " {");
		for (int i = 0; i <= this.limits.maxAliases(); i++) {
			text.append(" a").append(i).append(": towns { code }");
		}
		String query = text.append(" }").toString();
		JsonNode answer = register(token, query);
		assertThat(answer.at("/errors/0/extensions/limit").asString()).isEqualTo("maxAliases");
		assertNotStored(token, query);
	}

	@Test
	void aDocumentLargerThanMayBeRegisteredIsRefusedAndNotStored() throws Exception {
		String token = KeycloakServer.shared().passwordToken("county.admin");
		long max = this.properties.maxDocumentSize().toBytes();
		String text = "query large" + unique() + " { householdByCode(code: \"" + "1".repeat((int) max)
				+ "\") { code } }";
		JsonNode answer = register(token, text);
		assertThat(answer.at("/errors/0/extensions/limit").asString()).isEqualTo("persistedQueryMaxSize");
		assertThat(answer.at("/errors/0/message").asString()).contains(String.valueOf(max));
		assertThat(answer.at("/data").isMissingNode() || answer.at("/data").isNull()).isTrue();
		assertNotStored(token, text);
		// the same text without a hash is an ordinary query, held only to the request
		// limits
		JsonNode plain = post(token, Map.of("query", text));
		assertThat(plain.toString()).doesNotContain("persistedQueryMaxSize");
	}

	private void assertNotStored(String token, String text) throws Exception {
		assertThat(byHash(token, text).at("/errors/0/message").asString()).isEqualTo("PersistedQueryNotFound");
		// nor in Redis, for another instance
		this.persistedQueries.clearLocal();
		assertThat(byHash(token, text).at("/errors/0/message").asString()).isEqualTo("PersistedQueryNotFound");
	}

	static String unique() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private JsonNode register(String token, String text) throws Exception {
		return post(token, Map.of("query", text, "extensions", extensions(text)));
	}

	private JsonNode byHash(String token, String text) throws Exception {
		return post(token, Map.of("extensions", extensions(text)));
	}

	static Map<String, Object> extensions(String text) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", Digests.sha256Hex(text)));
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
