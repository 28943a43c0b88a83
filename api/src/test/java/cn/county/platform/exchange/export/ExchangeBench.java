package cn.county.platform.exchange.export;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import cn.county.platform.demo.DemoDataGenerator;
import cn.county.platform.demo.DemoRosterFile;
import cn.county.platform.demo.DemoSummary;
import cn.county.platform.support.KeycloakServer;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The data-exchange benchmark (issue 15): in one run on one machine,
 * <ol>
 * <li>the baseline: the demo generator's direct multi-row inserts
 * ({@link DemoDataGenerator}, as {@code bench/run.sh} loads {@code county_bench}) of
 * {@code BENCH_BASELINE_HOUSEHOLDS} households into a database of their own, as rows/s;
 * <li>the roster file: the generator's {@code BENCH_HOUSEHOLDS} households written as a
 * CSV roster in the national layout to {@code /tmp} (kept for the next run);
 * <li>the import: a fresh database (migrated, the generator's towns and villages only),
 * the API jar at {@code -Xmx1g}, the file uploaded to {@code POST /imports/roster} with
 * the county admin's bearer token, the job polled through GraphQL until it ends: time,
 * rows applied, unchanged and refused, and the API's heap sampled every second;
 * <li>the export: the imported households downloaded as CSV and XLSX from the same
 * database ({@link ExportBench#run}).
 * </ol>
 * The 1-minute load average is recorded beside every number: the machine has two cores,
 * shared with MariaDB, Redis, Keycloak, the API, this client and other engineers' builds.
 * Results go to stdout and {@code .bench/exchange-<households>.md}. A development tool,
 * run by {@code bench/exchange.sh}.
 */
public final class ExchangeBench {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ExchangeBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> env = System.getenv();
		int households = Integer.parseInt(env.getOrDefault("BENCH_HOUSEHOLDS", "100000"));
		int baselineHouseholds = Integer.parseInt(env.getOrDefault("BENCH_BASELINE_HOUSEHOLDS", "100000"));
		long seed = Long.parseLong(env.getOrDefault("BENCH_SEED", String.valueOf(DemoDataGenerator.DEFAULT_SEED)));
		String host = env.getOrDefault("BENCH_DB_HOST", "127.0.0.1") + ":" + env.getOrDefault("BENCH_DB_PORT", "3306");
		String user = env.getOrDefault("BENCH_DB_USER", "root");
		String password = env.getOrDefault("BENCH_DB_PASSWORD", "");
		String database = env.getOrDefault("BENCH_DB_NAME", "county_import");
		List<String> steps = List.of(env.getOrDefault("BENCH_STEPS", "baseline,import,export").split(","));
		List<String> exportFormats = List.of(env.getOrDefault("BENCH_EXPORT_FORMATS", "csv,xlsx").split(","));
		Path dir = Path.of(".bench/exchange");
		Files.createDirectories(dir);
		Report report = new Report(households);

		if (steps.contains("baseline")) {
			String url = "jdbc:mysql://" + host + "/county_baseline?useUnicode=true&characterEncoding=utf8";
			sql(host, user, password, "DROP DATABASE IF EXISTS county_baseline",
					"CREATE DATABASE county_baseline CHARACTER SET utf8mb4");
			SimpleDriverDataSource baseline = dataSource(url, user, password);
			Flyway.configure().dataSource(baseline).locations("classpath:db/migration").load().migrate();
			String load = uptime();
			long mariadb = mariadbPid();
			double ownCpu = cpuSeconds(ProcessHandle.current().pid());
			double dbCpu = cpuSeconds(mariadb);
			DemoSummary summary = new DemoDataGenerator(baseline).generate(seed, baselineHouseholds,
					(line) -> System.out.println("[baseline] " + line));
			ownCpu = cpuSeconds(ProcessHandle.current().pid()) - ownCpu;
			dbCpu = cpuSeconds(mariadb) - dbCpu;
			long coreRows = summary.households() + summary.members();
			double seconds = summary.elapsed().toMillis() / 1000.0;
			report.add("baseline: demo generator, direct multi-row inserts (all tables)",
					String.format(
							"%,d households, %,d rows in %.1f s: **%,.0f rows/s** (households and members alone:"
									+ " %,d rows, %,.0f rows/s of the whole time); CPU time used meanwhile: generator"
									+ " %.0f s, MariaDB %.0f s",
							summary.households(), summary.totalRows(), seconds, summary.rowsPerSecond(), coreRows,
							coreRows / seconds, ownCpu, dbCpu),
					load + " → " + uptime());
			sql(host, user, password, "DROP DATABASE IF EXISTS county_baseline");
		}

		Path roster = Path.of(env.getOrDefault("BENCH_ROSTER_FILE", "/tmp/roster-" + households + "-" + seed + ".csv"));
		if (!Files.exists(roster)) {
			long started = System.nanoTime();
			long rows = DemoRosterFile.write(roster, households, seed);
			System.out.printf("[roster] %,d person rows written to %s in %.1f s%n", rows, roster,
					(System.nanoTime() - started) / 1e9);
		}
		long fileRows = Files.lines(roster, StandardCharsets.UTF_8).count() - 1;
		report.add("roster file", String.format("%s: %,d households, %,d person rows, %,d bytes", roster, households,
				fileRows, Files.size(roster)), uptime());

		String apiUrl = "jdbc:mysql://" + host + "/" + database
				+ "?useUnicode=true&characterEncoding=utf8&rewriteBatchedStatements=true"
				+ env.getOrDefault("BENCH_DB_URL_PARAMS", "");
		if (steps.contains("import")) {
			sql(host, user, password, "DROP DATABASE IF EXISTS `" + database + "`",
					"CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
			SimpleDriverDataSource fresh = dataSource(apiUrl, user, password);
			Flyway.configure().dataSource(fresh).locations("classpath:db/migration").load().migrate();
			DemoRosterFile.writeRegions(fresh, households, seed);
		}

		int apiPort = Integer.parseInt(env.getOrDefault("BENCH_API_PORT", "8092"));
		try (KeycloakServer keycloak = KeycloakServer.start(8192, dir.resolve("keycloak.log"))) {
			Process api = startApi(env, keycloak, apiPort, apiUrl, user, password, dir);
			try {
				String base = "http://localhost:" + apiPort;
				HttpClient http = HttpClient.newHttpClient();
				long started = System.nanoTime();
				while (!ExportBench.healthy(http, base)) {
					if (!api.isAlive() || System.nanoTime() - started > TimeUnit.MINUTES.toNanos(20)) {
						throw new IllegalStateException("The API did not start; see " + dir.resolve("api.log"));
					}
					Thread.sleep(500);
				}
				Tokens tokens = new Tokens(keycloak);
				if (steps.contains("import")) {
					importRoster(http, base, tokens, roster, report, "roster import, first upload", api.pid());
					if (steps.contains("again")) {
						importRoster(http, base, tokens, roster, report, "the same file again (changes nothing)",
								api.pid());
					}
				}
				if (steps.contains("export")) {
					for (String format : exportFormats) {
						String load = uptime();
						String line = ExportBench.run(http, base, tokens.get(), format, keycloak);
						report.add("export households." + format + ", whole county, county admin", line,
								load + " → " + uptime());
					}
				}
			}
			finally {
				api.destroy();
				if (!api.waitFor(30, TimeUnit.SECONDS)) {
					api.destroyForcibly();
				}
			}
		}
		report.write(dir.resolveSibling("exchange-" + households + ".md"));
	}

	private static Process startApi(Map<String, String> env, KeycloakServer keycloak, int port, String dbUrl,
			String user, String password, Path dir) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(env.getOrDefault("BENCH_API_JAVA_OPTS", "-Xms1g -Xmx1g -XX:+UseG1GC").split(" ")));
		command.addAll(List.of("-jar", "api/target/county-api.jar", "--server.port=" + port,
				"--management.endpoints.web.exposure.include=health,metrics", "--spring.flyway.out-of-order=true",
				"--platform.dashboard.rollup.warm=false", "--platform.production-safety.enforce=false",
				// a million households' roster is about a gigabyte of CSV
				"--spring.servlet.multipart.max-file-size=4GB", "--spring.servlet.multipart.max-request-size=4GB",
				"--platform.cursors.keys=" + java.util.Base64.getEncoder().encodeToString(new byte[32])));
		String extra = env.getOrDefault("BENCH_API_ARGS", "");
		if (!extra.isBlank()) {
			command.addAll(List.of(extra.split(" ")));
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("api.log").toFile());
		builder.environment().put("DB_URL", dbUrl);
		builder.environment().put("DB_USER", user);
		builder.environment().put("DB_PASSWORD", password);
		builder.environment().put("REDIS_URL", env.getOrDefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4"));
		builder.environment().put("KEYCLOAK_ISSUER", keycloak.issuer());
		builder.environment().put("SPRING_PROFILES_ACTIVE", "prod");
		return builder.start();
	}

	@SuppressWarnings("unchecked")
	private static void importRoster(HttpClient http, String base, Tokens tokens, Path roster, Report report,
			String what, long apiPid) throws Exception {
		String boundary = "bench-" + UUID.randomUUID();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ roster.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		String load = uptime();
		Sampler sampler = new Sampler(http, base, tokens);
		sampler.start();
		long mariadb = mariadbPid();
		double apiCpu = cpuSeconds(apiPid);
		double dbCpu = cpuSeconds(mariadb);
		long started = System.nanoTime();
		HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base + "/imports/roster"))
			.header("Authorization", "Bearer " + tokens.get())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofMinutes(30))
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
					HttpRequest.BodyPublishers.ofFile(roster), HttpRequest.BodyPublishers.ofString(tail)))
			.build(), HttpResponse.BodyHandlers.ofString());
		double uploaded = (System.nanoTime() - started) / 1e9;
		if (accepted.statusCode() != 202) {
			sampler.stop();
			throw new IllegalStateException("upload refused: " + accepted.statusCode() + " " + accepted.body());
		}
		String id = (String) JSON.readValue(accepted.body(), Map.class).get("id");
		System.out.printf("[import] job %s accepted after %.1f s (upload, checksum, header)%n", id, uploaded);
		Map<String, Object> job;
		long lastPrint = 0;
		while (true) {
			job = job(http, base, tokens.get(), id);
			String status = String.valueOf(job.get("status"));
			if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
				break;
			}
			if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(30)) {
				lastPrint = System.nanoTime();
				System.out.printf("[import] %.0f s: %s read %s applied %s refused %s; heap max so far %d MiB; %s%n",
						(System.nanoTime() - started) / 1e9, status, job.get("rowsRead"), job.get("rowsApplied"),
						job.get("rowsRefused"), sampler.max() >> 20, uptime());
			}
			Thread.sleep(1000);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		apiCpu = cpuSeconds(apiPid) - apiCpu;
		dbCpu = cpuSeconds(mariadb) - dbCpu;
		sampler.stop();
		long rows = ((Number) job.get("rowsRead")).longValue();
		String line = String.format(
				"%s in **%.1f s** (upload and checks %.1f s): %,d rows read, %,d applied, %,d unchanged, %,d refused;"
						+ " %,d records created, %,d updated; %,.0f rows/s; heap in use max **%d MiB** (%d samples,"
						+ " each second: %s MiB), old generation max %d MiB; CPU time used meanwhile: API %.0f s,"
						+ " MariaDB %.0f s%s",
				job.get("status"), seconds, uploaded, rows, ((Number) job.get("rowsApplied")).longValue(),
				((Number) job.get("rowsUnchanged")).longValue(), ((Number) job.get("rowsRefused")).longValue(),
				((Number) job.get("recordsCreated")).longValue(), ((Number) job.get("recordsUpdated")).longValue(),
				rows / seconds, sampler.max() >> 20, sampler.count(), sampler.summary(), sampler.oldMax() >> 20, apiCpu,
				dbCpu, (job.get("error") != null) ? "; error: " + job.get("error") : "");
		System.out.println("[import] " + line);
		report.add(what, line, load + " → " + uptime() + " (highest 1-min load sampled: " + sampler.loadMax() + ")");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> job(HttpClient http, String base, String token, String id) throws Exception {
		String query = "query Job($id: ID!) { importJob(id: $id) { status rowsRead rowsApplied rowsUnchanged"
				+ " rowsRefused recordsCreated recordsUpdated error } }";
		String body = JSON.writeValueAsString(Map.of("query", query, "variables", Map.of("id", id)));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		Map<String, Object> answer = JSON.readValue(response.body(), Map.class);
		Map<String, Object> data = (Map<String, Object>) answer.get("data");
		if (data == null || data.get("importJob") == null) {
			throw new IllegalStateException("no job in " + response.body());
		}
		return (Map<String, Object>) data.get("importJob");
	}

	/** The county admin's token, renewed before it expires. */
	static final class Tokens {

		private final KeycloakServer keycloak;

		private String token;

		private long at;

		Tokens(KeycloakServer keycloak) {
			this.keycloak = keycloak;
		}

		synchronized String get() {
			if (this.token == null || System.nanoTime() - this.at > TimeUnit.MINUTES.toNanos(3)) {
				this.token = this.keycloak.passwordToken("county.admin");
				this.at = System.nanoTime();
			}
			return this.token;
		}

	}

	/** The API's heap in use and old generation, and the load average, each second. */
	static final class Sampler {

		private final List<Long> samples = new ArrayList<>();

		private final HttpClient http;

		private final String base;

		private final Tokens tokens;

		private volatile boolean running = true;

		private volatile long max;

		private volatile long oldMax;

		private volatile double loadMax;

		private Thread thread;

		Sampler(HttpClient http, String base, Tokens tokens) {
			this.http = http;
			this.base = base;
			this.tokens = tokens;
		}

		void start() {
			this.thread = new Thread(() -> {
				while (this.running) {
					try {
						long used = ExportBench.heap(this.http, this.base, this.tokens.get());
						long old = ExportBench.oldGen(this.http, this.base, this.tokens.get());
						synchronized (this.samples) {
							this.samples.add(used);
						}
						this.max = Math.max(this.max, used);
						this.oldMax = Math.max(this.oldMax, old);
						this.loadMax = Math.max(this.loadMax, load1());
						Thread.sleep(1000);
					}
					catch (InterruptedException ex) {
						return;
					}
					catch (Exception ex) {
						// a missed sample
					}
				}
			}, "heap-sampler");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		void stop() throws InterruptedException {
			this.running = false;
			this.thread.join();
		}

		long max() {
			return this.max;
		}

		long oldMax() {
			return this.oldMax;
		}

		double loadMax() {
			return this.loadMax;
		}

		int count() {
			synchronized (this.samples) {
				return this.samples.size();
			}
		}

		String summary() {
			synchronized (this.samples) {
				List<String> text = new ArrayList<>();
				int step = Math.max(1, this.samples.size() / 12);
				for (int i = 0; i < this.samples.size(); i += step) {
					text.add(String.valueOf(this.samples.get(i) >> 20));
				}
				return String.join(" ", text);
			}
		}

	}

	/** The lines of the run, in order, written as a markdown table at the end. */
	static final class Report {

		private final Map<String, String[]> lines = new LinkedHashMap<>();

		private final int households;

		private final String started = Instant.now().toString();

		Report(int households) {
			this.households = households;
		}

		void add(String what, String measured, String load) {
			this.lines.put(what, new String[] { measured.strip(), load });
			System.out.println("[result] " + what + ": " + measured + " | load " + load);
		}

		void write(Path file) throws IOException {
			StringBuilder text = new StringBuilder();
			text.append("Run started ")
				.append(this.started)
				.append(" by `bench/exchange.sh`, ")
				.append(String.format("%,d", this.households))
				.append(" households. Load: `uptime` load averages (1, 5, 15 min) before → after.\n\n");
			text.append("| step | measured | load average |\n|---|---|---|\n");
			this.lines.forEach((what, cells) -> text.append("| ")
				.append(what)
				.append(" | ")
				.append(cells[0])
				.append(" | ")
				.append(cells[1])
				.append(" |\n"));
			Files.writeString(file, text.toString());
			System.out.println("Results written to " + file);
		}

	}

	private static SimpleDriverDataSource dataSource(String url, String user, String password) throws Exception {
		return new SimpleDriverDataSource(
				(java.sql.Driver) Class.forName("com.mysql.cj.jdbc.Driver").getDeclaredConstructor().newInstance(), url,
				user, password);
	}

	private static void sql(String host, String user, String password, String... statements) throws Exception {
		try (Connection connection = dataSource("jdbc:mysql://" + host + "/?useUnicode=true", user, password)
			.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * User and system CPU time a process has used, from {@code /proc}: what a step cost
	 * the machine whatever else ran beside it (0 when unknown).
	 */
	static double cpuSeconds(long pid) {
		if (pid <= 0) {
			return 0;
		}
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * The local MariaDB (or MySQL) server's process (run by the {@code mysql} user, not a
	 * test's embedded one), -1 when there is none here.
	 */
	static long mariadbPid() {
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info()
				.command()
				.map((c) -> c.endsWith("mariadbd") || c.endsWith("mysqld"))
				.orElse(false))
			.filter((process) -> process.info().user().map("mysql"::equals).orElse(false))
			.mapToLong(ProcessHandle::pid)
			.findFirst()
			.orElse(-1);
	}

	static String uptime() {
		try {
			String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return load[0] + ", " + load[1] + ", " + load[2];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	static double load1() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | NumberFormatException ex) {
			return 0;
		}
	}

}
