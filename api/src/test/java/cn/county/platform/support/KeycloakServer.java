package cn.county.platform.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak from its official distribution (a zip on Maven Central, resolved by Maven as a test dependency),
 * started with the realm in {@code keycloak-realm/} imported into an in-memory database, so every start begins
 * from exactly the committed realm. Hands out real tokens for the demo users and partner clients.
 */
public final class KeycloakServer implements AutoCloseable {

	static final String VERSION = "26.7.3";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static CompletableFuture<KeycloakServer> shared;

	private final Process process;

	private final int port;

	private final Path log;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private KeycloakServer(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts the shared test server on a background thread, since it is the slowest server to come up. */
	public static synchronized void startInBackground() {
		if (shared == null) {
			shared = CompletableFuture.supplyAsync(() -> {
				Path log = Path.of("target", "keycloak.log").toAbsolutePath();
				KeycloakServer server = start(TestServers.freePort(), log);
				Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycloak-stop"));
				return server;
			});
		}
	}

	/** The server shared by all tests in this JVM, started on a free port. */
	public static KeycloakServer shared() {
		startInBackground();
		return shared.join();
	}

	/** Starts Keycloak on the port and waits until the county realm answers. */
	public static KeycloakServer start(int port, Path logFile) {
		try {
			Path home = install();
			Path realm = projectRoot().resolve("keycloak-realm/county-realm.json");
			Path imports = Files.createDirectories(home.resolve("data/import"));
			Files.copy(realm, imports.resolve("county-realm.json"), StandardCopyOption.REPLACE_EXISTING);
			Files.createDirectories(logFile.toAbsolutePath().getParent());
			ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
					"--http-port=" + port, "--db=dev-mem", "--import-realm", "--hostname-strict=false",
					"--health-enabled=false", "--metrics-enabled=false", "--cache=local")
				.redirectErrorStream(true)
				.redirectOutput(logFile.toFile());
			builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
			builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
			builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
			KeycloakServer server = new KeycloakServer(builder.start(), port, logFile);
			server.awaitReady(Duration.ofSeconds(240));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start Keycloak", ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	public String issuer() {
		return baseUrl() + "/realms/county";
	}

	/** A demo user's access token (password {@code demo}) through the development client {@code county-cli}. */
	public String passwordToken(String username) {
		return passwordToken("county-cli", username, "demo");
	}

	public String passwordToken(String clientId, String username, String password) {
		return token("county", Map.of("grant_type", "password", "client_id", clientId, "username", username,
				"password", password));
	}

	/** A partner's access token by client credentials. */
	public String clientCredentialsToken(String clientId, String secret) {
		return token("county", Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret",
				secret));
	}

	/** A real token from another realm (master), for proving the API refuses other issuers. */
	public String masterAdminToken() {
		return token("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
				"password", "admin"));
	}

	/** The token endpoint's status for a form, for tests of refused credentials. */
	public int tokenStatus(Map<String, String> form) {
		return post("county", form).statusCode();
	}

	/** The {@code exp} claim of a JWT, in epoch seconds. */
	public static long expiry(String jwt) {
		return claims(jwt).get("exp").asLong();
	}

	/** The decoded payload of a JWT. */
	public static JsonNode claims(String jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		return JSON.readTree(payload);
	}

	private String token(String realm, Map<String, String> form) {
		HttpResponse<String> response = post(realm, form);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Token request failed (" + response.statusCode() + "): " + response.body());
		}
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	private HttpResponse<String> post(String realm, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitReady(Duration timeout) {
		URI probe = URI.create(issuer() + "/.well-known/openid-configuration");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Keycloak exited with " + this.process.exitValue() + ":\n" + logTail());
			}
			try {
				HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(500);
		}
		close();
		throw new IllegalStateException("Keycloak was not ready within " + timeout.toSeconds() + " s:\n" + logTail());
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log at " + this.log + ")";
		}
	}

	@Override
	public void close() {
		this.process.descendants().forEach(ProcessHandle::destroy);
		this.process.destroy();
		try {
			if (!this.process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20),
					java.util.concurrent.TimeUnit.MILLISECONDS)) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Unpacks the distribution once into a cache folder shared by test runs and {@code ./run.sh}. */
	static synchronized Path install() throws IOException {
		Path home = Path.of(System.getProperty("keycloak.home",
				Path.of(System.getProperty("user.home"), ".cache", "county-platform", "keycloak-" + VERSION).toString()));
		if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
			return home;
		}
		Path zip = distributionZip();
		Path staging = Files.createTempDirectory(home.getParent() != null ? Files.createDirectories(home.getParent())
				: Path.of("."), "keycloak-unpack");
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				// strip the top folder keycloak-26.x.y/
				String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
				if (name.isEmpty()) {
					continue;
				}
				Path target = staging.resolve(name).normalize();
				if (!target.startsWith(staging)) {
					throw new IOException("Unsafe entry in the Keycloak archive: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
					if (name.endsWith(".sh")) {
						target.toFile().setExecutable(true);
					}
				}
			}
		}
		try {
			Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
			// another JVM finished first; its copy is as good as ours
			if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
				throw ex;
			}
		}
		catch (java.nio.file.DirectoryNotEmptyException ex) {
			// idem
		}
		return home;
	}

	private static Path distributionZip() {
		String configured = System.getProperty("keycloak.dist.zip");
		if (configured != null && Files.isRegularFile(Path.of(configured))) {
			return Path.of(configured);
		}
		String repository = System.getProperty("maven.repo.local",
				Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
		Path zip = Path.of(repository, "org", "keycloak", "keycloak-quarkus-dist", VERSION,
				"keycloak-quarkus-dist-" + VERSION + ".zip");
		if (!Files.isRegularFile(zip)) {
			throw new IllegalStateException("The Keycloak distribution is not in the local Maven repository (" + zip
					+ "); run ./mvnw test-compile once to fetch it");
		}
		return zip;
	}

	/** The repository's root: the first folder upwards from the working directory that holds keycloak-realm/. */
	static Path projectRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("keycloak-realm"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No keycloak-realm/ folder above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** For diagnostics in test failures. */
	public Map<String, Object> describe() {
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("issuer", issuer());
		info.put("log", this.log.toString());
		return info;
	}

}
