package cn.county.platform.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} deploys in production mode with no default password, and the
 * production realm {@code keycloak-realm/county-realm-prod.json} has no people, no
 * password grant, no committed secret, brute-force protection, and everything the API
 * reads from a token exactly as the development realm the tests run against.
 */
@Tag("fast")
class DeploymentFilesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> DEV_ONLY_CLIENTS = Set.of("county-cli", "county-cli-short", "other-app",
			"partner-test");

	@Test
	void composeRunsTheApiInProductionWithoutDefaultPasswords() throws IOException {
		String text = Files.readString(KeycloakServer.projectRoot().resolve("docker-compose.yml"),
				StandardCharsets.UTF_8);
		Map<String, Object> services = map(new Yaml().<Map<String, Object>>load(text).get("services"));
		Map<String, String> api = environment(services.get("api"));
		assertThat(api).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
		assertThat(api).doesNotContainKey("PLATFORM_DEMO_LOAD_ON_START");
		assertThat(api.get("DB_PASSWORD")).startsWith("${MYSQL_PASSWORD:?");
		assertThat(api.get("KEYCLOAK_ISSUER")).startsWith("${KEYCLOAK_HOSTNAME:?").endsWith("/realms/county");
		// no variable has a default value anywhere in the file, and every secret is
		// required
		assertThat(Pattern.compile("\\$\\{[A-Za-z0-9_]+:?-").matcher(text).find()).as("a ${VAR:-default} in compose")
			.isFalse();
		for (Map.Entry<String, Object> service : services.entrySet()) {
			environment(service.getValue()).forEach((name, value) -> {
				assertThat(value).as(service.getKey() + " " + name).doesNotContain(":-");
				if (name.matches(".*(PASSWORD|SECRET).*")) {
					assertThat(value).as(service.getKey() + " " + name).matches("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
				}
			});
		}
	}

	@Test
	void composeRunsKeycloakInProductionModeAtTheTestedVersion() throws IOException {
		Map<String, Object> services = map(new Yaml()
			.<Map<String, Object>>load(Files.readString(KeycloakServer.projectRoot().resolve("docker-compose.yml")))
			.get("services"));
		Map<String, Object> keycloak = map(services.get("keycloak"));
		String image = (String) keycloak.get("image");
		assertThat(image).startsWith("quay.io/keycloak/keycloak:");
		String[] tested = KeycloakServer.VERSION.split("\\.");
		String[] deployed = image.substring(image.indexOf(':') + 1).split("\\.");
		assertThat(deployed[0] + "." + deployed[1]).isEqualTo(tested[0] + "." + tested[1]);
		List<String> command = strings(keycloak.get("command"));
		assertThat(command.get(0)).isEqualTo("start");
		assertThat(command).doesNotContain("start-dev").contains("--health-enabled=true", "--import-realm");
		assertThat(command).anySatisfy((option) -> assertThat(option).startsWith("--hostname=${KEYCLOAK_HOSTNAME:?"));
		assertThat(strings(keycloak.get("volumes")))
			.anySatisfy((volume) -> assertThat(volume).startsWith("./keycloak-realm/county-realm-prod.json:"));
		Map<String, String> environment = environment(keycloak);
		assertThat(environment).containsEntry("KC_DB", "postgres").doesNotContainKey("KC_HOSTNAME_STRICT");
		// only the HTTP port, for a reverse proxy on the host; never the management port
		// (health, metrics)
		assertThat(strings(keycloak.get("ports")))
			.allSatisfy((port) -> assertThat(port).startsWith("127.0.0.1:").doesNotContain("9000"));
		for (String service : List.of("mysql", "redis", "keycloak-db")) {
			assertThat(map(services.get(service))).as(service).doesNotContainKey("ports");
		}
		for (String service : List.of("mysql", "redis", "keycloak", "keycloak-db")) {
			assertThat(map(services.get(service))).as(service).containsKey("healthcheck");
		}
		assertThat(map(map(map(services.get("api")).get("depends_on")).get("keycloak"))).containsEntry("condition",
				"service_healthy");
	}

	@Test
	void theProductionRealmHasNoPeopleNoPasswordGrantAndNoCommittedSecret() throws IOException {
		JsonNode dev = realm("county-realm.json");
		JsonNode prod = realm("county-realm-prod.json");
		assertThat(prod.get("realm").asString()).isEqualTo("county");
		assertThat(prod.get("bruteForceProtected").asBoolean()).isTrue();
		assertThat(prod.get("registrationAllowed").asBoolean()).isFalse();
		Set<String> serviceAccounts = new HashSet<>();
		for (JsonNode client : prod.get("clients")) {
			if (client.path("serviceAccountsEnabled").asBoolean()) {
				serviceAccounts.add(client.get("clientId").asString());
			}
		}
		// no person: only the service accounts that give partner clients their role,
		// without any credential
		for (JsonNode user : prod.get("users")) {
			assertThat(user.has("credentials")).as(user.toString()).isFalse();
			assertThat(user.path("serviceAccountClientId").asString()).as(user.toString()).isIn(serviceAccounts);
		}
		Set<String> devSecrets = new HashSet<>();
		for (JsonNode client : dev.get("clients")) {
			if (client.hasNonNull("secret")) {
				devSecrets.add(client.get("secret").asString());
			}
		}
		assertThat(devSecrets).isNotEmpty();
		assertThat(prod.toString()).doesNotContain(devSecrets).doesNotContain("\"demo\"");
		for (JsonNode client : prod.get("clients")) {
			String id = client.get("clientId").asString();
			assertThat(client.has("secret")).as(id + " carries a fixed secret").isFalse();
			if (client.path("publicClient").asBoolean()) {
				assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id).isFalse();
				assertThat(client.path("implicitFlowEnabled").asBoolean()).as(id).isFalse();
			}
			for (JsonNode uri : client.path("redirectUris")) {
				assertThat(uri.asString()).as(id).doesNotContain("localhost", "127.0.0.1");
			}
		}
	}

	@Test
	void theProductionRealmIssuesWhatTheApiReadsExactlyAsTheDevelopmentRealm() throws IOException {
		JsonNode dev = realm("county-realm.json");
		JsonNode prod = realm("county-realm-prod.json");
		assertThat(prod.get("roles")).isEqualTo(dev.get("roles"));
		assertThat(prod.get("clientScopes")).isEqualTo(dev.get("clientScopes"));
		assertThat(prod.get("components")).isEqualTo(dev.get("components"));
		assertThat(prod.get("attributes")).isEqualTo(dev.get("attributes"));
		Map<String, JsonNode> devClients = clients(dev);
		Map<String, JsonNode> prodClients = clients(prod);
		Set<String> expected = new HashSet<>(devClients.keySet());
		expected.removeAll(DEV_ONLY_CLIENTS);
		assertThat(prodClients.keySet()).isEqualTo(expected).contains("county-api", "partner-bank", "partner-insurer");
		for (Map.Entry<String, JsonNode> client : prodClients.entrySet()) {
			JsonNode devClient = devClients.get(client.getKey());
			for (String field : List.of("publicClient", "serviceAccountsEnabled", "standardFlowEnabled",
					"defaultClientScopes", "optionalClientScopes", "protocolMappers")) {
				assertThat(client.getValue().get(field)).as(client.getKey() + " " + field)
					.isEqualTo(devClient.get(field));
			}
			assertThat(client.getValue().path("attributes").path("pkce.code.challenge.method"))
				.isEqualTo(devClient.path("attributes").path("pkce.code.challenge.method"));
		}
		// the partners' service accounts keep their realm roles
		Map<String, JsonNode> devServiceAccounts = new HashMap<>();
		for (JsonNode user : dev.get("users")) {
			if (user.has("serviceAccountClientId")) {
				devServiceAccounts.put(user.get("serviceAccountClientId").asString(), user);
			}
		}
		for (JsonNode user : prod.get("users")) {
			assertThat(user.get("realmRoles"))
				.isEqualTo(devServiceAccounts.get(user.get("serviceAccountClientId").asString()).get("realmRoles"));
		}
	}

	private static JsonNode realm(String file) throws IOException {
		return JSON.readTree(KeycloakServer.projectRoot().resolve("keycloak-realm").resolve(file).toFile());
	}

	private static Map<String, JsonNode> clients(JsonNode realm) {
		Map<String, JsonNode> clients = new HashMap<>();
		for (JsonNode client : realm.get("clients")) {
			clients.put(client.get("clientId").asString(), client);
		}
		return clients;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static List<String> strings(Object value) {
		assertThat(value).isInstanceOf(List.class);
		List<String> strings = new ArrayList<>();
		for (Object item : (List<?>) value) {
			strings.add(String.valueOf(item));
		}
		return strings;
	}

	/** A service's environment, in the map form or the {@code NAME=value} list form. */
	private static Map<String, String> environment(Object service) {
		Object environment = map(service).get("environment");
		Map<String, String> variables = new HashMap<>();
		if (environment instanceof Map<?, ?> entries) {
			entries.forEach((name, value) -> variables.put(String.valueOf(name), String.valueOf(value)));
		}
		else if (environment instanceof List<?> entries) {
			for (Object entry : entries) {
				String[] parts = String.valueOf(entry).split("=", 2);
				variables.put(parts[0], (parts.length > 1) ? parts[1] : "");
			}
		}
		return variables;
	}

}
