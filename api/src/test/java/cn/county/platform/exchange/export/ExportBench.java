package cn.county.platform.exchange.export;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import cn.county.platform.support.KeycloakServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export benchmark (issue 15: a million households within 2 minutes with flat
 * memory): starts Keycloak and the API jar at {@code -Xmx1g} against the benchmark
 * database ({@code county_bench}, loaded by {@code bench/run.sh --load-only}), downloads
 * the whole household roster as the county admin in CSV and in XLSX, and prints the time,
 * the rows and bytes received and the API's heap (used after each young collection,
 * sampled every second from the actuator) before, during and after. A development tool,
 * run by hand:
 *
 * <pre>
 * java -cp "api/target/classes:api/target/test-classes:$(cat .bench/classpath)" \
 *     cn.county.platform.exchange.export.ExportBench [formats, default csv,xlsx]
 * </pre>
 */
public final class ExportBench {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ExportBench() {
	}

	public static void main(String[] args) throws Exception {
		List<String> formats = List.of(((args.length > 0) ? args[0] : "csv,xlsx").split(","));
		Path dir = Path.of(".bench/export");
		Files.createDirectories(dir);
		int apiPort = Integer.parseInt(System.getenv().getOrDefault("BENCH_API_PORT", "8091"));
		String dbUrl = System.getenv()
			.getOrDefault("BENCH_API_DB_URL",
					"jdbc:mysql://127.0.0.1:3306/county_bench?useUnicode=true&characterEncoding=utf8&rewriteBatchedStatements=true");
		try (KeycloakServer keycloak = KeycloakServer.start(8191, dir.resolve("keycloak.log"))) {
			List<String> command = new ArrayList<>(List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms1g", "-Xmx1g",
					"-XX:+UseG1GC", "-jar", "api/target/county-api.jar", "--server.port=" + apiPort,
					"--management.endpoints.web.exposure.include=health,metrics", "--spring.flyway.out-of-order=true",
					"--platform.dashboard.rollup.warm=false", "--platform.production-safety.enforce=false",
					"--platform.cursors.keys=" + java.util.Base64.getEncoder().encodeToString(new byte[32])));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(dir.resolve("api.log").toFile());
			builder.environment().put("DB_URL", dbUrl);
			builder.environment().put("DB_USER", System.getenv().getOrDefault("BENCH_DB_USER", "root"));
			builder.environment().put("DB_PASSWORD", System.getenv().getOrDefault("BENCH_DB_PASSWORD", ""));
			builder.environment()
				.put("REDIS_URL", System.getenv().getOrDefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"));
			builder.environment().put("KEYCLOAK_ISSUER", keycloak.issuer());
			builder.environment().put("SPRING_PROFILES_ACTIVE", "prod");
			Process api = builder.start();
			try {
				String base = "http://localhost:" + apiPort;
				HttpClient http = HttpClient.newHttpClient();
				long started = System.nanoTime();
				while (!healthy(http, base)) {
					if (!api.isAlive() || System.nanoTime() - started > TimeUnit.MINUTES.toNanos(20)) {
						throw new IllegalStateException("The API did not start; see " + dir.resolve("api.log"));
					}
					Thread.sleep(500);
				}
				String token = keycloak.passwordToken("county.admin");
				for (String format : formats) {
					System.out.println(run(http, base, token, format, keycloak));
				}
			}
			finally {
				api.destroy();
				if (!api.waitFor(30, TimeUnit.SECONDS)) {
					api.destroyForcibly();
				}
			}
		}
	}

	/**
	 * Downloads the whole county's households in the format; answers what it measured.
	 */
	static String run(HttpClient http, String base, String token, String format, KeycloakServer keycloak)
			throws Exception {
		System.gc();
		long heapBefore = heap(http, base, token);
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong heapMax = new AtomicLong();
		AtomicLong oldMax = new AtomicLong();
		long oldBefore = oldGen(http, base, token);
		List<Long> samples = new ArrayList<>();
		List<Long> oldSamples = new ArrayList<>();
		Thread sampler = new Thread(() -> {
			String sampleToken = token;
			long tokenAt = System.nanoTime();
			while (running.get()) {
				try {
					if (System.nanoTime() - tokenAt > TimeUnit.MINUTES.toNanos(3)) {
						sampleToken = keycloak.passwordToken("county.admin");
						tokenAt = System.nanoTime();
					}
					long used = heap(http, base, sampleToken);
					long old = oldGen(http, base, sampleToken);
					heapMax.accumulateAndGet(used, Math::max);
					oldMax.accumulateAndGet(old, Math::max);
					synchronized (samples) {
						samples.add(used);
						oldSamples.add(old);
					}
					Thread.sleep(1000);
				}
				catch (Exception ex) {
					// a missed sample
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		double load = load();
		long started = System.nanoTime();
		HttpResponse<InputStream> response = http
			.send(HttpRequest.newBuilder(URI.create(base + "/exports/households." + format))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofMinutes(30))
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		long firstByte = 0;
		long bytes = 0;
		long lines = 0;
		try (InputStream in = response.body()) {
			byte[] buffer = new byte[1 << 16];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				if (bytes == 0 && read > 0) {
					firstByte = System.nanoTime() - started;
				}
				bytes += read;
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		running.set(false);
		sampler.join();
		double loadAfter = load();
		return String.format(
				"EXPORT households.%s: HTTP %d, %.1f s (first byte after %.1f s), %,d bytes%s; heap used before %d MiB, max during %d MiB (%d samples: %s MiB); old generation before %d MiB, max during %d MiB (%s MiB); load average %.1f before, %.1f after%n",
				format, response.statusCode(), seconds, firstByte / 1e9, bytes,
				format.equals("csv") ? String.format(", %,d lines (the header and one per person)", lines) : "",
				heapBefore >> 20, heapMax.get() >> 20, samples.size(), summary(samples), oldBefore >> 20,
				oldMax.get() >> 20, summary(oldSamples), load, loadAfter);
	}

	private static String summary(List<Long> samples) {
		synchronized (samples) {
			List<String> text = new ArrayList<>();
			int step = Math.max(1, samples.size() / 12);
			for (int i = 0; i < samples.size(); i += step) {
				text.add(String.valueOf(samples.get(i) >> 20));
			}
			return String.join(" ", text);
		}
	}

	static long heap(HttpClient http, String base, String token) throws IOException, InterruptedException {
		return metric(http, base, token, "jvm.memory.used?tag=area:heap");
	}

	/**
	 * The old generation after the last collection that touched it: what the export
	 * keeps, not its garbage.
	 */
	static long oldGen(HttpClient http, String base, String token) throws IOException, InterruptedException {
		return metric(http, base, token, "jvm.memory.used?tag=id:G1%20Old%20Gen");
	}

	@SuppressWarnings("unchecked")
	private static long metric(HttpClient http, String base, String token, String name)
			throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/" + name))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		Map<String, Object> metric = JSON.readValue(response.body(), Map.class);
		List<Map<String, Object>> measurements = (List<Map<String, Object>>) metric.get("measurements");
		return ((Number) measurements.get(0).get("value")).longValue();
	}

	static boolean healthy(HttpClient http, String base) {
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static double load() throws IOException {
		return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
	}

}
