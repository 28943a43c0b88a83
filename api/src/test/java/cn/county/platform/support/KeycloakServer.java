package cn.county.platform.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Keycloak, started from its official distribution (the zip on Maven Central that
 * Maven resolves as a test dependency), with the realm in {@code keycloak-realm/}
 * imported into an in-memory database, so that every start begins from exactly the
 * committed realm. Hands out real tokens for the demo users and the partner clients.
 * <p>
 * The distribution is unpacked and built ({@code kc.sh build}) once into a cache folder,
 * so that later starts ({@code start --optimized}) skip Keycloak's 20-30 s build step.
 * Each instance runs from its own small folder (its own {@code data/}, links to the
 * shared {@code lib/}, {@code conf/}, {@code themes/}, {@code providers/}), so the tests
 * and the dev run command can run side by side without importing each other's realm
 * files.
 */
public final class KeycloakServer implements AutoCloseable {

	static final String VERSION = "26.7.3";

	/**
	 * Build-time options, fixed by {@code kc.sh build}; a start with {@code --optimized}
	 * skips that step.
	 */
	private static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem", "--health-enabled=false",
			"--metrics-enabled=false");

	private static final String ADMIN = "admin";

	/**
	 * Generous: on a shared 2-core machine under load a first start has been seen to take
	 * 220 s.
	 */
	private static final Duration READY_TIMEOUT = Duration.ofSeconds(420);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static CompletableFuture<KeycloakServer> shared;

	private final Process process;

	private final int port;

	private final Path instance;

	private final Path log;

	private final Thread shutdownHook;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private KeycloakServer(Process process, int port, Path instance, Path log) {
		this.process = process;
		this.port = port;
		this.instance = instance;
		this.log = log;
		this.shutdownHook = new Thread(this::stop, "keycloak-stop-" + port);
	}

	/**
	 * Starts the shared server on a background thread, since it is the slowest server to
	 * come up; call it as early as possible. Idempotent.
	 */
	public static synchronized void startInBackground() {
		if (shared == null) {
			shared = CompletableFuture.supplyAsync(() -> {
				int port = TestServers.freePort();
				return start(port, Path.of("target", "keycloak-" + port + ".log"));
			}, (task) -> {
				Thread thread = new Thread(task, "keycloak-start");
				thread.setDaemon(true);
				thread.start();
			});
		}
	}

	/**
	 * The server shared by all tests of this JVM, on a free port, stopped when the JVM
	 * exits. Waits for the start begun by {@link #startInBackground()}, or begins it. A
	 * failed start fails every caller, with its cause.
	 */
	public static KeycloakServer shared() {
		CompletableFuture<KeycloakServer> server;
		synchronized (KeycloakServer.class) {
			startInBackground();
			server = shared;
		}
		try {
			return server.join();
		}
		catch (CompletionException ex) {
			throw new IllegalStateException("The shared Keycloak did not start", ex.getCause());
		}
	}

	/**
	 * Starts Keycloak with HTTP on the port and waits until the county realm answers. The
	 * realm is imported fresh from {@code keycloak-realm/county-realm.json}; the
	 * bootstrap admin of the master realm is admin/admin. The server is stopped by
	 * {@link #close()} or when this JVM exits.
	 * @param port the HTTP port; nothing else listens on a fixed port (no management
	 * interface, no debug port)
	 * @param logFile where Keycloak's console output goes
	 */
	public static KeycloakServer start(int port, Path logFile) {
		assertPortFree(port);
		Path realm = projectRoot().resolve("keycloak-realm/county-realm.json");
		Path instance = null;
		try {
			Path home = install();
			instance = prepareInstance(home, realm);
			Path log = logFile.toAbsolutePath();
			Files.createDirectories(log.getParent());
			// --hostname fixes the issuer, whichever host name a client used
			List<String> command = List.of("/bin/sh", instance.resolve("bin/kc.sh").toString(), "start", "--optimized",
					"--http-enabled=true", "--http-port=" + port, "--hostname=http://localhost:" + port,
					"--cache=local", "--import-realm");
			ProcessBuilder builder = new ProcessBuilder(command).directory(instance.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			environment(builder);
			builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
			builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN);
			KeycloakServer server = new KeycloakServer(builder.start(), port, instance, log);
			Runtime.getRuntime().addShutdownHook(server.shutdownHook);
			server.awaitReady();
			return server;
		}
		catch (IOException ex) {
			deleteTree(instance);
			throw new UncheckedIOException("Could not start Keycloak", ex);
		}
	}

	public int port() {
		return this.port;
	}

	/** {@code http://localhost:PORT}. */
	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** The county realm's issuer, as in the {@code iss} claim of its tokens. */
	public String issuer() {
		return baseUrl() + "/realms/county";
	}

	public Path logFile() {
		return this.log;
	}

	/**
	 * A demo user's access token (password {@code demo}) through the development client
	 * {@code county-cli}.
	 */
	public String passwordToken(String username) {
		return passwordToken("county-cli", username, "demo");
	}

	/** An access token by the password grant of a public client of the county realm. */
	public String passwordToken(String clientId, String username, String password) {
		return accessToken("county",
				form("grant_type", "password", "client_id", clientId, "username", username, "password", password));
	}

	/** An access token by the client-credentials grant (the partners). */
	public String clientCredentialsToken(String clientId, String secret) {
		return accessToken("county",
				form("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
	}

	/**
	 * A real token from another realm (master, its admin), for proving that the API
	 * refuses other issuers.
	 */
	public String masterAdminToken() {
		return accessToken("master",
				form("grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN));
	}

	/**
	 * The county realm's token endpoint's raw answer to a form, for tests of refused
	 * credentials.
	 */
	public HttpResponse<String> tokenResponse(Map<String, String> form) {
		return postToken("county", form);
	}

	/** The status of {@link #tokenResponse(Map)}. */
	public int tokenStatus(Map<String, String> form) {
		return tokenResponse(form).statusCode();
	}

	/**
	 * The decoded payload of a JWT (not verified: for looking at what Keycloak issued).
	 */
	public static JsonNode claims(String jwt) {
		String[] parts = jwt.split("\\.");
		if (parts.length != 3) {
			throw new IllegalArgumentException("Not a JWS compact serialization: " + parts.length + " parts");
		}
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
	}

	/** The {@code exp} claim of a JWT, in epoch seconds. */
	public static long expiry(String jwt) {
		return claims(jwt).required("exp").asLong();
	}

	/** Stops Keycloak (its whole process tree) and removes the instance's folder. */
	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down and the hook runs anyway
		}
		stop();
	}

	private void stop() {
		// kc.sh forwards TERM to its java; signal both in case one of them ignores it
		List<ProcessHandle> tree = Stream.concat(Stream.of(this.process.toHandle()), this.process.descendants())
			.toList();
		tree.forEach(ProcessHandle::destroy);
		for (ProcessHandle handle : tree) {
			try {
				handle.onExit().get(20, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				handle.destroyForcibly();
			}
		}
		deleteTree(this.instance);
	}

	private void awaitReady() {
		HttpRequest probe = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				String tail = logTail();
				close();
				throw new IllegalStateException("Keycloak exited with status " + this.process.exitValue()
						+ "; the end of " + this.log + ":\n" + tail);
			}
			try {
				if (this.http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				close();
				throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
			}
			sleep(250);
		}
		String tail = logTail();
		close();
		throw new IllegalStateException("Keycloak did not answer on " + issuer() + " within "
				+ READY_TIMEOUT.toSeconds() + " s; the end of " + this.log + ":\n" + tail);
	}

	private String accessToken(String realm, Map<String, String> form) {
		HttpResponse<String> response = postToken(realm, form);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Keycloak refused a token for client " + form.get("client_id")
					+ ((form.containsKey("username")) ? " and user " + form.get("username") : "") + " (HTTP "
					+ response.statusCode() + "): " + response.body());
		}
		return JSON.readTree(response.body()).required("access_token").asString();
	}

	private HttpResponse<String> postToken(String realm, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
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
			throw new UncheckedIOException("No answer from Keycloak at " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(could not read " + this.log + ": " + ex + ")";
		}
	}

	/**
	 * The distribution, unpacked and built once. Safe when several JVMs (tests, the run
	 * command) get here at once: they queue on a file lock, the archive is unpacked into
	 * a temporary folder that is renamed when complete, and a marker records the build,
	 * so that a half-done or foreign build ({@code kc.sh start-dev} rebuilds in place) is
	 * redone rather than trusted.
	 */
	static synchronized Path install() throws IOException {
		Path home = home();
		Files.createDirectories(home.getParent());
		if (isBuilt(home)) {
			return home;
		}
		Path lockFile = home.resolveSibling(home.getFileName() + ".lock");
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock lock = channel.lock()) {
			if (isBuilt(home)) {
				return home;
			}
			if (!Files.exists(home)) {
				// leftovers of an unpacking that died (no one unpacks without the lock)
				try (Stream<Path> siblings = Files.list(home.getParent())) {
					siblings
						.filter((path) -> path.getFileName().toString().startsWith(home.getFileName() + ".unpacking-"))
						.forEach(KeycloakServer::deleteTree);
				}
				Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking-");
				unzip(distributionZip(), staging);
				Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
			}
			else if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
				throw new IllegalStateException(home + " exists but holds no Keycloak; remove it or set keycloak.home");
			}
			build(home);
			return home;
		}
	}

	private static Path home() {
		String configured = System.getProperty("keycloak.home");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath();
		}
		return Path.of(System.getProperty("user.home"), ".cache", "county-platform", "keycloak-" + VERSION);
	}

	private static boolean isBuilt(Path home) throws IOException {
		Path marker = home.resolve(".county-build");
		return Files.isRegularFile(marker) && Files.readString(marker).equals(buildFingerprint(home));
	}

	/**
	 * The build options and the identity of the build's main output, which any other
	 * build replaces.
	 */
	private static String buildFingerprint(Path home) throws IOException {
		Path output = home.resolve("lib/quarkus/generated-bytecode.jar");
		if (!Files.isRegularFile(output)) {
			return "";
		}
		FileTime modified = Files.getLastModifiedTime(output);
		return String.join(" ", BUILD_OPTIONS) + "\n" + Files.size(output) + " " + modified.toMillis() + "\n";
	}

	private static void build(Path home) throws IOException {
		Path log = home.resolve("build.log");
		List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/kc.sh").toString(), "build"));
		command.addAll(BUILD_OPTIONS);
		ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		environment(builder);
		Process process = builder.start();
		try {
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				throw new IllegalStateException("kc.sh build did not finish within 10 minutes; see " + log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IllegalStateException("Interrupted while building Keycloak", ex);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					"kc.sh build failed with status " + process.exitValue() + ":\n" + Files.readString(log));
		}
		Files.writeString(home.resolve(".county-build"), buildFingerprint(home));
	}

	private static void unzip(Path zip, Path target) throws IOException {
		try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				// every entry sits under keycloak-VERSION/
				String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
				if (name.isEmpty()) {
					continue;
				}
				Path path = target.resolve(name).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("Entry outside the archive's folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(in, path);
					if (name.endsWith(".sh")) {
						path.toFile().setExecutable(true);
					}
				}
			}
		}
	}

	private static Path distributionZip() {
		String configured = System.getProperty("keycloak.dist.zip");
		if (configured != null && !configured.isBlank()) {
			Path zip = Path.of(configured);
			if (!Files.isRegularFile(zip)) {
				throw new IllegalStateException("keycloak.dist.zip names no file: " + zip);
			}
			return zip;
		}
		String repository = System.getProperty("maven.repo.local");
		Path root = (repository != null && !repository.isBlank()) ? Path.of(repository)
				: Path.of(System.getProperty("user.home"), ".m2", "repository");
		Path zip = root.resolve(Path.of("org", "keycloak", "keycloak-quarkus-dist", VERSION,
				"keycloak-quarkus-dist-" + VERSION + ".zip"));
		if (!Files.isRegularFile(zip)) {
			throw new IllegalStateException("The Keycloak distribution is not at " + zip
					+ "; run ./mvnw -pl api test-compile once, which resolves it as a test dependency");
		}
		return zip;
	}

	/**
	 * A folder of its own for one server: kc.sh takes its home from where the script
	 * lies, and the home's {@code data/} holds the realms to import, the transaction log
	 * and temporary files.
	 */
	private static Path prepareInstance(Path home, Path realm) throws IOException {
		Path instance = Files.createTempDirectory("county-keycloak-");
		Files.createDirectories(instance.resolve("bin"));
		Files.copy(home.resolve("bin/kc.sh"), instance.resolve("bin/kc.sh"));
		for (String shared : List.of("lib", "conf", "themes", "providers")) {
			Files.createSymbolicLink(instance.resolve(shared), home.resolve(shared));
		}
		Path imports = Files.createDirectories(instance.resolve("data/import"));
		Files.copy(realm, imports.resolve("county-realm.json"));
		return instance;
	}

	/**
	 * The repository's root: the first folder upwards from the working directory that
	 * holds keycloak-realm/.
	 */
	static Path projectRoot() {
		Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("keycloak-realm"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No keycloak-realm folder in " + start + " or above it");
	}

	/**
	 * Keycloak reads KC_* variables as configuration and kc.sh lets JAVA_OPTS replace all
	 * its JVM options; a developer's shell must not change the server the tests run
	 * against.
	 */
	private static void environment(ProcessBuilder builder) {
		Map<String, String> env = builder.environment();
		env.keySet()
			.removeIf((name) -> name.startsWith("KC_") || name.startsWith("QUARKUS_") || name.startsWith("JAVA_OPTS")
					|| name.equals("JAVA_ADD_OPENS") || name.equals("DEBUG") || name.equals("DEBUG_PORT")
					|| name.equals("JAVA"));
		env.put("JAVA_HOME", System.getProperty("java.home"));
		env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
		// C1 only: starts ~25% faster on two busy cores; no need for peak speed here
		env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
	}

	/**
	 * Fails at once, rather than mistaking a server already on the port for the one being
	 * started.
	 */
	private static void assertPortFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Port " + port + " is in use; is another Keycloak running?", ex);
		}
	}

	private static Map<String, String> form(String... pairs) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.put(pairs[i], pairs[i + 1]);
		}
		return form;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void deleteTree(Path root) {
		if (root == null || !Files.exists(root)) {
			return;
		}
		// walk() does not follow links: the links to lib/, conf/... go, not their targets
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					// a leftover in the temporary folder is harmless
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// idem
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
