package cn.county.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.county.platform.support.KeycloakServer;
import cn.county.platform.support.TestServers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;

/**
 * What {@code ./run.sh} starts: the database named by {@code DB_URL} or an embedded
 * MariaDB whose files live in {@code .run/}, the Redis named by {@code REDIS_URL} or
 * none, the Keycloak at {@code KEYCLOAK_URL} or one started from its distribution on port
 * 8180, and the API on port 8080 with the demo data. Ctrl-C stops all of it.
 */
public final class LocalPlatform {

	private LocalPlatform() {
	}

	public static void main(String[] args) throws Exception {
		Path runDir = Path.of(System.getProperty("platform.run-dir", ".run")).toAbsolutePath();
		Files.createDirectories(runDir);
		String keycloakUrl = System.getenv("KEYCLOAK_URL");
		if (keycloakUrl == null || keycloakUrl.isBlank()) {
			log("Starting Keycloak on http://localhost:8180 (log: " + runDir.resolve("keycloak.log") + ") ...");
			KeycloakServer keycloak = KeycloakServer.start(8180, runDir.resolve("keycloak.log"));
			Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "keycloak-stop"));
			keycloakUrl = keycloak.baseUrl();
		}
		String issuer = keycloakUrl.replaceAll("/+$", "") + "/realms/county";
		TestServers.Database database = TestServers.startDatabase(runDir.resolve("mariadb/data"), "county");
		log("Database: " + database.origin() + " at " + database.url());
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", database.url());
		properties.put("spring.datasource.username", database.username());
		properties.put("spring.datasource.password", database.password());
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
		properties.put("platform.demo.load-on-start", "true");
		String redis = System.getenv("REDIS_URL");
		// application.yml reads REDIS_URL itself; nothing to pass on
		log((redis != null && !redis.isBlank()) ? "Redis: " + redis : "Redis: none (set REDIS_URL to use one)");
		SpringApplication application = new SpringApplication(CountyPlatformApplication.class);
		// system properties outrank application.yml, whose datasource default points at a
		// local MySQL
		properties.forEach((key, value) -> System.setProperty(key, value.toString()));
		application.addListeners((ApplicationReadyEvent event) -> printWelcome(
				event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080"),
				keycloakUrl(issuer)));
		try {
			application.run(args);
		}
		catch (RuntimeException ex) {
			// the servers started above run in other processes: exit so the shutdown
			// hooks stop them
			System.err.println("[run] The API did not start: " + ex.getMessage());
			System.exit(1);
		}
	}

	private static String keycloakUrl(String issuer) {
		return issuer.substring(0, issuer.indexOf("/realms/"));
	}

	private static void printWelcome(String port, String keycloak) {
		String token = "curl -s -d grant_type=password -d client_id=county-cli -d username=%s -d password=demo "
				+ keycloak
				+ "/realms/county/protocol/openid-connect/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/'";
		StringBuilder text = new StringBuilder("\n");
		text.append("==========================================================================\n");
		text.append(" County platform is up\n");
		text.append("   GraphQL:  http://localhost:").append(port).append("/graphql\n");
		text.append("   GraphiQL: http://localhost:")
			.append(port)
			.append("/graphiql  (add header Authorization: Bearer <token>)\n");
		text.append("   Keycloak: ").append(keycloak).append("  (admin console: admin / admin)\n");
		text.append(" Get a token (password demo) for a demo user:\n");
		for (String user : new String[] { "county.admin", "town.official", "village.cadre", "hrss.officer",
				"finance.officer", "commerce.officer", "agriculture.officer", "dashboard.viewer" }) {
			text.append("   ").append(String.format(token, user)).append('\n');
		}
		text.append(" As the partner bank (client credentials):\n");
		text.append(
				"   curl -s -d grant_type=client_credentials -d client_id=partner-bank -d client_secret=partner-bank-dev-secret ")
			.append(keycloak)
			.append("/realms/county/protocol/openid-connect/token\n");
		text.append(" Then: curl -s -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n")
			.append("   -d '{\"query\":\"{ households(first: 5) { totalCount edges { node { code headName members { name } } } } }\"}' \\\n")
			.append("   http://localhost:")
			.append(port)
			.append("/graphql\n");
		text.append(" Ctrl-C stops everything started here.\n");
		text.append("==========================================================================\n");
		System.out.println(text);
	}

	private static void log(String message) {
		System.out.println("[run] " + message);
	}

}
