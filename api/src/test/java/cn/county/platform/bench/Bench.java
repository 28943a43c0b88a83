package cn.county.platform.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import cn.county.platform.common.Cursor;
import cn.county.platform.common.CursorCodec;
import cn.county.platform.common.Digests;
import cn.county.platform.household.HouseholdOrder;
import cn.county.platform.support.KeycloakServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ClassPathResource;

/**
 * The province-scale benchmark ({@code bench/run.sh}): starts Keycloak and the API
 * against the benchmark database, drives each scenario over HTTP at a fixed rate and at
 * saturation, runs the same reads in-process as a baseline, and writes the results with
 * the machine they ran on into {@code docs/performance.md}.
 *
 * <pre>
 * Bench [--quick] [--only scenario[,scenario...]] [--report path]
 * </pre>
 *
 * Settings come from the environment (see {@code bench/run.sh}).
 */
public final class Bench {

	static final List<String> SCENARIOS = List.of("detail", "list", "list-deep", "partner", "summary-cold",
			"summary-warm", "quality-counts", "visit");

	private static final String PARTNER = "partner-bank";

	private static final String PARTNER_DOCUMENT = "householdForLoan";

	/**
	 * Followed by a statement's name: the version of that statement's cached figures
	 * (DashboardCache).
	 */
	private static final String DASHBOARD_VERSION_KEYS = "county:{dashboard}:version:*";

	private static final int PAGE_SIZE = 50;

	private static final int DEEP_PAGE = 10_000;

	private final Options options;

	private final Api api;

	private final List<Result> results = new ArrayList<>();

	private final Machine machine;

	private String adminToken;

	private String partnerToken;

	private List<long[]> households;

	private List<String> codes;

	/**
	 * The key the benchmark's API seals cursors with, so the deep-page cursor can be
	 * sealed here too.
	 */
	private static final byte[] CURSOR_KEY = CursorCodec.randomKey();

	private static final CursorCodec CURSORS = new CursorCodec(List.of(CURSOR_KEY));

	private String deepCursor;

	private String deepAfterCode;

	private long deepAfterId;

	private Bench(Options options, Machine machine) {
		this.options = options;
		this.api = new Api("http://localhost:" + options.apiPort);
		this.machine = machine;
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		if (options == null) {
			System.err.println("Usage: Bench [--quick] [--only " + String.join(",", SCENARIOS) + "] [--report path]");
			System.exit(2);
			return;
		}
		Path dir = Path.of(".bench").toAbsolutePath();
		Files.createDirectories(dir);
		Machine machine = new Machine();
		machine.startSampling();
		log("Starting Keycloak on port " + options.keycloakPort + " (log .bench/keycloak.log) ...");
		KeycloakServer keycloak = KeycloakServer.start(options.keycloakPort, dir.resolve("keycloak.log"));
		Process api = null;
		try {
			api = startApi(options, keycloak.issuer(), dir.resolve("api.log"));
			Bench bench = new Bench(options, machine);
			bench.awaitApi(api, dir.resolve("api.log"));
			bench.run(keycloak);
			machine.stopSampling();
			String markdown = Report.markdown(bench.results, machine, options, bench.setupNotes(), bench.facts(dir));
			Path last = dir.resolve("last-run.md");
			Files.writeString(last, markdown);
			if (options.writesDocument()) {
				Report.writeInto(options.report, markdown);
				log("Results written into " + options.report);
			}
			else {
				log("A partial or quick run: results in " + last + " (docs/performance.md is written by a full run)");
			}
			System.out.println(markdown);
		}
		finally {
			if (api != null) {
				api.destroy();
				if (!api.waitFor(30, TimeUnit.SECONDS)) {
					api.destroyForcibly();
				}
			}
			keycloak.close();
		}
	}

	private Report.Facts facts(Path dir) throws IOException {
		String database = "unknown";
		String bufferPool = "unknown";
		try (Connection connection = jdbc();
				PreparedStatement statement = connection
					.prepareStatement("SELECT VERSION(), @@innodb_buffer_pool_size");
				ResultSet result = statement.executeQuery()) {
			if (result.next()) {
				database = (result.getString(1).contains("MariaDB") ? "MariaDB " : "MySQL ") + result.getString(1);
				bufferPool = String.format("%.1f GiB", result.getLong(2) / 1024.0 / 1024 / 1024);
			}
		}
		catch (SQLException ex) {
			log("Could not read the database version: " + ex.getMessage());
		}
		String plans = null;
		Path script = Path.of("bench/explain.sql");
		if (Files.exists(script)) {
			try (Connection connection = jdbc()) {
				plans = Explain.run(connection, script);
				Files.writeString(dir.resolve("explain.txt"), plans);
			}
			catch (SQLException ex) {
				log("EXPLAIN failed: " + ex.getMessage());
			}
		}
		return new Report.Facts(database, bufferPool, this.options.apiJavaOptions, plans);
	}

	private List<String> setupNotes() {
		List<String> notes = new ArrayList<>();
		if (this.households != null) {
			notes.add(String.format("Household detail and writes cycle through %,d households taken every 500th in "
					+ "code order, shuffled with a fixed seed.", this.households.size()));
		}
		if (this.deepCursor != null) {
			notes.add("Page " + DEEP_PAGE + " starts after household " + this.deepAfterCode + " (row "
					+ ((DEEP_PAGE - 1) * PAGE_SIZE) + " in code order, found with OFFSET once in setup); its cursor "
					+ "was built from that row the way the API builds one, and checked against the API's own "
					+ "cursor for page 2.");
		}
		return notes;
	}

	// ---- setup ----

	private static Process startApi(Options options, String issuer, Path log) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(options.apiJavaOptions.trim().split("\\s+")));
		command.add("-jar");
		command.add(options.apiJar);
		command.add("--server.port=" + options.apiPort);
		// the benchmark reads the statement counter and heap from the actuator
		command.add("--management.endpoints.web.exposure.include=health,metrics");
		// one user sends thousands of requests a second here, and cold summaries take
		// longer than 15 s
		command.add("--platform.rate-limits.per-user=1000000000");
		command.add("--platform.rate-limits.per-partner=1000000000");
		command.add("--platform.limits.request-timeout=" + options.coldTimeout.toSeconds() + "s");
		command.add("--mybatis.configuration.default-statement-timeout=" + options.coldTimeout.toSeconds());
		// the benchmark database outlives code versions: a migration merged under a lower
		// version than one it
		// already has (V21 after V30) must still apply rather than stop the API
		command.add("--spring.flyway.out-of-order=true");
		// the rollup is built where it is measured (summary-first), not in the background
		// during other scenarios
		command.add("--platform.dashboard.rollup.warm=false");
		// one machine: Keycloak on localhost and perhaps a database without a password;
		// ProductionSafety warns only
		command.add("--platform.production-safety.enforce=false");
		// cursors are sealed; the benchmark seals its deep-page cursor with the same key
		// (buildDeepCursor)
		command.add("--platform.cursors.keys=" + java.util.Base64.getEncoder().encodeToString(CURSOR_KEY));
		command.addAll(options.apiArguments);
		try (java.net.ServerSocket probe = new java.net.ServerSocket(options.apiPort)) {
			probe.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Port " + options.apiPort + " is taken (an API left from an earlier run?);"
					+ " set BENCH_API_PORT or stop it", ex);
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("DB_URL", options.apiDbUrl);
		builder.environment().put("DB_USER", options.dbUser);
		builder.environment().put("DB_PASSWORD", options.dbPassword);
		builder.environment().put("REDIS_URL", options.redisUrl);
		builder.environment().put("KEYCLOAK_ISSUER", issuer);
		builder.environment().put("SPRING_PROFILES_ACTIVE", "prod");
		log("Starting the API: " + String.join(" ", command));
		Process process = builder.start();
		// Ctrl-C or a kill ends this JVM through its shutdown hooks, not its finally
		// blocks
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			process.destroy();
			try {
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
			}
		}, "api-stop"));
		return process;
	}

	private void awaitApi(Process process, Path log) throws Exception {
		long started = System.nanoTime();
		long lastNote = started;
		while (!this.api.healthy()) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The API exited with " + process.exitValue() + "; see " + log);
			}
			if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(30)) {
				throw new IllegalStateException("The API did not answer within 30 minutes; see " + log);
			}
			if (System.nanoTime() - lastNote > TimeUnit.SECONDS.toNanos(20)) {
				lastNote = System.nanoTime();
				log("Waiting for the API (migrations on a million rows can take minutes) ...");
			}
			Thread.sleep(500);
		}
		log(String.format("API up in %.1f s", (System.nanoTime() - started) / 1e9));
	}

	private void run(KeycloakServer keycloak) throws Exception {
		this.adminToken = keycloak.passwordToken("county.admin");
		this.partnerToken = keycloak.clientCredentialsToken(PARTNER, PARTNER + "-dev-secret");
		sampleHouseholds();
		this.machine.heapProbe(() -> {
			try {
				return this.api.metric(this.adminToken, "jvm.memory.used", "area:heap");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		Map<String, Object> baselineProperties = new LinkedHashMap<>();
		baselineProperties.put("spring.datasource.url", this.options.apiDbUrl);
		baselineProperties.put("spring.datasource.username", this.options.dbUser);
		baselineProperties.put("spring.datasource.password", this.options.dbPassword);
		baselineProperties.put("spring.data.redis.url", this.options.redisUrl);
		baselineProperties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuer());
		baselineProperties.put("spring.flyway.enabled", "false");
		baselineProperties.put("spring.main.banner-mode", "off");
		baselineProperties.put("mybatis.configuration.default-statement-timeout", this.options.coldTimeout.toSeconds());
		baselineProperties.put("logging.level.root", "WARN");
		baselineProperties.put("platform.dashboard.rollup.warm", "false");
		for (String argument : this.options.apiArguments) {
			if (argument.startsWith("--") && argument.contains("=")) {
				String[] pair = argument.substring(2).split("=", 2);
				baselineProperties.put(pair[0], pair[1]);
			}
		}
		log("Starting the in-process baseline (the application context without a web server) ...");
		try (Baseline baseline = new Baseline(baselineProperties);
				RedisClient redisClient = RedisClient.create(this.options.redisUrl);
				StatefulRedisConnection<String, String> redis = redisClient.connect()) {
			for (String scenario : SCENARIOS) {
				if (!this.options.only.isEmpty() && !this.options.only.contains(scenario)) {
					continue;
				}
				this.machine.scenario(scenario);
				// tokens live 30 minutes; a fresh one per scenario never expires mid-run
				this.adminToken = keycloak.passwordToken("county.admin");
				this.partnerToken = keycloak.clientCredentialsToken(PARTNER, PARTNER + "-dev-secret");
				switch (scenario) {
					case "detail" -> detail(baseline);
					case "list" -> list(baseline, false);
					case "list-deep" -> list(baseline, true);
					case "partner" -> partner(baseline);
					case "summary-cold" -> summaryCold(baseline, redis);
					case "summary-warm" -> summaryWarm(baseline);
					case "quality-counts" -> qualityCounts(baseline, redis);
					case "visit" -> visit(baseline);
					default -> throw new IllegalStateException(scenario);
				}
			}
			this.machine.scenario(null);
			this.machine.heapMax(this.api, this.adminToken);
		}
	}

	private void sampleHouseholds() throws SQLException {
		log("Sampling households across the code and id space ...");
		List<long[]> rows = new ArrayList<>();
		List<String> sampleCodes = new ArrayList<>();
		try (Connection connection = jdbc();
				PreparedStatement statement = connection.prepareStatement(
						"SELECT id, code FROM (SELECT id, code, ROW_NUMBER() OVER (ORDER BY code) AS rn FROM household) x"
								+ " WHERE MOD(rn, 500) = 1 ORDER BY rn");
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				rows.add(new long[] { result.getLong(1) });
				sampleCodes.add(result.getString(2));
			}
		}
		if (rows.isEmpty()) {
			throw new IllegalStateException("The benchmark database has no households; run bench/run.sh to load it");
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(42));
		this.households = order.stream().map(rows::get).toList();
		this.codes = order.stream().map(sampleCodes::get).toList();
		log(String.format("%,d households sampled", rows.size()));
	}

	private Connection jdbc() throws SQLException {
		return DriverManager.getConnection(this.options.apiDbUrl, this.options.dbUser, this.options.dbPassword);
	}

	// ---- scenarios ----

	private void detail(Baseline baseline) throws Exception {
		String document = resource("graphql-test/householdDetail.graphql");
		compare("detail", this.options.rate(20), 16,
				(i) -> Api.ok(this.api.post(this.adminToken,
						Api.body(document, Map.of("id", String.valueOf(household(i))), null), this.options.timeout)),
				(i) -> baseline.detail(household(i)), baseline);
	}

	private void list(Baseline baseline, boolean deep) throws Exception {
		String document = "query page($after: String) { households(first: " + PAGE_SIZE + ", after: $after) {"
				+ " pageInfo { hasNextPage endCursor } edges { cursor node { id code headName incomePerCapita"
				+ " members { id name relation } } } } }";
		if (deep && this.deepCursor == null) {
			buildDeepCursor(document);
		}
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("after", deep ? this.deepCursor : null);
		String body = Api.body(document, variables, null);
		String afterCode = deep ? this.deepAfterCode : null;
		Long afterId = deep ? this.deepAfterId : null;
		compare(deep ? "list-deep" : "list", this.options.rate(15), 16,
				(i) -> Api.ok(this.api.post(this.adminToken, body, this.options.timeout)),
				(i) -> baseline.listPage(afterCode, afterId, PAGE_SIZE), baseline);
	}

	/**
	 * The cursor of page 10,000 without walking 9,999 pages: the last row of page 9,999
	 * in the list's order, encoded as the API encodes its cursors. Checked first on page
	 * 2, against the cursor the API itself returns.
	 */
	private void buildDeepCursor(String document) throws Exception {
		String sortKey = HouseholdOrder.DEFAULT.sortKey();
		JsonNode first = this.api.query(this.adminToken, document,
				new LinkedHashMap<>(Collections.singletonMap("after", null)));
		String apiCursor = first.at("/data/households/pageInfo/endCursor").asString();
		String[] row = rowAt(PAGE_SIZE - 1);
		String context = CursorCodec.context(subject(this.adminToken), "HouseholdConnection");
		String ours = new Cursor(sortKey, row[0], Long.parseLong(row[1])).encode();
		if (!ours.equals(CURSORS.open(apiCursor, context))) {
			throw new IllegalStateException("A cursor built from the sort key (" + ours + ") differs from the API's ("
					+ apiCursor + "); the deep-page cursor would not be honest");
		}
		String[] deep = rowAt((DEEP_PAGE - 1) * PAGE_SIZE - 1);
		this.deepAfterCode = deep[0];
		this.deepAfterId = Long.parseLong(deep[1]);
		this.deepCursor = CURSORS.seal(new Cursor(sortKey, deep[0], this.deepAfterId).encode(), context);
		JsonNode page = this.api.query(this.adminToken, document, Map.of("after", this.deepCursor));
		log("Page " + DEEP_PAGE + " starts at household " + page.at("/data/households/edges/0/node/code").asString());
	}

	/** The {@code sub} of an access token, which the API binds its cursors to. */
	private static String subject(String token) {
		String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		java.util.regex.Matcher sub = java.util.regex.Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
		if (!sub.find()) {
			throw new IllegalStateException("The admin token carries no subject");
		}
		return sub.group(1);
	}

	private String[] rowAt(int offset) throws SQLException {
		try (Connection connection = jdbc();
				PreparedStatement statement = connection
					.prepareStatement("SELECT code, id FROM household ORDER BY code, id LIMIT 1 OFFSET ?")) {
			statement.setInt(1, offset);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return new String[] { result.getString(1), String.valueOf(result.getLong(2)) };
			}
		}
	}

	private void partner(Baseline baseline) throws Exception {
		String text = resource("trusted-documents/" + PARTNER + "/" + PARTNER_DOCUMENT + ".graphql");
		List<String> fields = List.of("Household.id", "Household.code", "Household.headName", "Household.headIdNumber",
				"Household.category", "Household.incomePerCapita", "Household.incomeYear");
		this.api.query(this.adminToken,
				"mutation($p: String!, $f: [String!]!) { setPartnerApprovedFields(input: {partnerId: $p, fields: $f})"
						+ " { fields } }",
				Map.of("p", PARTNER, "f", fields));
		Map<String, Object> extensions = Map.of("persistedQuery",
				Map.of("version", 1, "sha256Hash", Digests.sha256Hex(text)));
		Set<String> logged = new LinkedHashSet<>(fields);
		compare("partner", this.options.rate(30), 16,
				(i) -> Api.ok(this.api.post(this.partnerToken, Api.body(null, Map.of("code", code(i)), extensions),
						this.options.timeout)),
				(i) -> baseline.partnerRead(PARTNER, code(i), PARTNER_DOCUMENT, logged), baseline);
	}

	private String summaryDocument() throws IOException {
		return "query summary { dashboard(period: {year: 2023}) { figures { ...allFigures } } }\n"
				+ resource("graphql-test/allFigures.graphql");
	}

	/**
	 * The county summary with nothing in Redis, one request at a time, in three states of
	 * the stored rollup (DashboardRollup): empty, as after a fresh load, so every town is
	 * computed ("summary-first"); current, so the summary adds up stored towns
	 * ("summary-cold"); and one town out of date after a visit was recorded through the
	 * API just before ("summary-cold-after-write"). The untimed step before each request
	 * does the write and increments every dashboard version in Redis.
	 */
	private void summaryCold(Baseline baseline, StatefulRedisConnection<String, String> redis) throws Exception {
		String body = Api.body(summaryDocument(), null, null);
		int n = this.options.quick ? 2 : 10;
		String visit = "mutation recordVisit($input: RecordVisitInput!) { recordVisit(input: $input) { visit { id } } }";
		for (boolean http : new boolean[] { true, false }) {
			String path = http ? "HTTP" : "in-process";
			Load.Call summary = http ? (i) -> Api.ok(this.api.post(this.adminToken, body, this.options.coldTimeout))
					: (i) -> baseline.countySummary(2023);
			log("summary-first " + path + ": the stored rollup emptied, as after a fresh load ...");
			long before = statements(http, baseline);
			Load.Outcome first = Load.closedLoopCount(1, (i) -> {
				emptyRollup();
				invalidateDashboard(redis);
				return true;
			}, summary);
			add(Result.of("summary-first", "1, stored rollup emptied before", path, first,
					statements(http, baseline) - before));
			log("summary-cold " + path + ": " + n + " request(s), each after INCR of every " + DASHBOARD_VERSION_KEYS);
			before = statements(http, baseline);
			Load.Outcome cold = Load.closedLoopCount(n, (i) -> {
				invalidateDashboard(redis);
				return true;
			}, summary);
			add(Result.of("summary-cold", n + " sequential, Redis versions bumped before each", path, cold,
					statements(http, baseline) - before));
			log("summary-cold-after-write " + path + ": " + n + " request(s), each after a visit and the INCR ...");
			before = statements(http, baseline);
			long[] writes = { 0 }; // the visits' own statements, which the API counts
									// with the summaries'
			Load.Outcome afterWrite = Load.closedLoopCount(n, (i) -> {
				long counted = this.api.sqlStatements(this.adminToken);
				boolean ok = Api.ok(this.api.post(this.adminToken,
						Api.body(visit,
								Map.of("input",
										Map.of("householdId", String.valueOf(household(7919 * (i + 1))), "notes",
												"benchmark visit before a cold summary")),
								null),
						this.options.timeout));
				writes[0] += this.api.sqlStatements(this.adminToken) - counted;
				invalidateDashboard(redis);
				return ok;
			}, summary);
			add(Result.of("summary-cold-after-write", n + " sequential, a visit and the INCR before each", path,
					afterWrite, statements(http, baseline) - before - (http ? writes[0] : 0)));
		}
	}

	private long statements(boolean http, Baseline baseline) throws Exception {
		return http ? this.api.sqlStatements(this.adminToken) : baseline.sqlStatements();
	}

	/** What the stored rollup holds right after a load: nothing. */
	private void emptyRollup() throws SQLException {
		try (Connection connection = jdbc(); java.sql.Statement statement = connection.createStatement()) {
			statement.executeUpdate("DELETE FROM dashboard_rollup");
		}
	}

	/**
	 * What a write to every table would do: increments the version of every dashboard
	 * statement, so the next summary reads all of them from SQL. A statement whose
	 * version key does not exist yet has no entries either.
	 */
	private static void invalidateDashboard(StatefulRedisConnection<String, String> redis) {
		for (String key : redis.sync().keys(DASHBOARD_VERSION_KEYS)) {
			redis.sync().incr(key);
		}
	}

	private void summaryWarm(Baseline baseline) throws Exception {
		String body = Api.body(summaryDocument(), null, null);
		// one request fills the cache under the current version (cold if nothing filled
		// it yet)
		HttpResponse<String> first = this.api.post(this.adminToken, body, this.options.coldTimeout);
		if (!Api.ok(first)) {
			throw new IllegalStateException("The summary failed: " + first.body());
		}
		compare("summary-warm", this.options.rate(50), 16,
				(i) -> Api.ok(this.api.post(this.adminToken, body, this.options.timeout)),
				(i) -> baseline.countySummary(2023), baseline);
	}

	/**
	 * The county's data-quality counts: cold (every dashboard version bumped before each
	 * request, so the counts are read from the records: they are not in the rollup) one
	 * at a time, then warm at a fixed rate and saturation.
	 */
	private void qualityCounts(Baseline baseline, StatefulRedisConnection<String, String> redis) throws Exception {
		String body = Api.body("query { dataQualityCounts { total byRule { rule count } } }", null, null);
		int n = this.options.quick ? 1 : 3;
		Load.Call bump = (i) -> {
			invalidateDashboard(redis);
			return true;
		};
		log("quality-counts-cold: " + n + " request(s) over HTTP and in-process, each after the INCR ...");
		long before = this.api.sqlStatements(this.adminToken);
		Load.Outcome http = Load.closedLoopCount(n, bump,
				(i) -> Api.ok(this.api.post(this.adminToken, body, this.options.coldTimeout)));
		add(Result.of("quality-counts-cold", n + " sequential, Redis versions bumped before each", "HTTP", http,
				this.api.sqlStatements(this.adminToken) - before));
		before = baseline.sqlStatements();
		Load.Outcome inProcess = Load.closedLoopCount(n, bump, (i) -> baseline.qualityCounts());
		add(Result.of("quality-counts-cold", n + " sequential, Redis versions bumped before each", "in-process",
				inProcess, baseline.sqlStatements() - before));
		compare("quality-counts", this.options.rate(50), 16,
				(i) -> Api.ok(this.api.post(this.adminToken, body, this.options.timeout)),
				(i) -> baseline.qualityCounts(), baseline);
	}

	private void visit(Baseline baseline) throws Exception {
		String document = "mutation recordVisit($input: RecordVisitInput!) { recordVisit(input: $input) {"
				+ " visit { id householdId visitedOn } } }";
		compare("visit", this.options.rate(15), 16,
				(i) -> Api.ok(this.api.post(this.adminToken,
						Api.body(document,
								Map.of("input",
										Map.of("householdId", String.valueOf(household(i)), "notes",
												"benchmark visit " + i)),
								null),
						this.options.timeout)),
				(i) -> baseline.recordVisit(household(i), "benchmark visit (in-process) " + i), baseline);
	}

	// ---- driving ----

	/**
	 * A scenario over HTTP and in-process, each first warmed up, then at the fixed rate,
	 * then at saturation; the statements per request come from the application's own
	 * counter before and after each phase.
	 */
	private void compare(String scenario, double rate, int clients, Load.Call http, Load.Call inProcess,
			Baseline baseline) throws Exception {
		String fixed = String.format("%.0f req/s for %d s", rate, this.options.phase.toSeconds());
		String saturated = clients + " clients for " + this.options.phase.toSeconds() + " s";
		log(scenario + ": warming up over HTTP ...");
		requireSomeSuccess(scenario + " over HTTP", Load.closedLoop(4, this.options.warmup, http));
		log(scenario + ": HTTP at " + fixed + " ...");
		long before = this.api.sqlStatements(this.adminToken);
		Load.Outcome outcome = Load.openLoop(rate, this.options.phase, 512, http);
		add(Result.of(scenario, fixed, "HTTP", outcome, this.api.sqlStatements(this.adminToken) - before));
		log(scenario + ": HTTP with " + saturated + " ...");
		before = this.api.sqlStatements(this.adminToken);
		outcome = Load.closedLoop(clients, this.options.phase, http);
		add(Result.of(scenario, saturated, "HTTP", outcome, this.api.sqlStatements(this.adminToken) - before));
		log(scenario + ": warming up in-process ...");
		requireSomeSuccess(scenario + " in-process", Load.closedLoop(4, this.options.warmup, inProcess));
		log(scenario + ": in-process at " + fixed + " ...");
		before = baseline.sqlStatements();
		outcome = Load.openLoop(rate, this.options.phase, 512, inProcess);
		add(Result.of(scenario, fixed, "in-process", outcome, baseline.sqlStatements() - before));
		log(scenario + ": in-process with " + saturated + " ...");
		before = baseline.sqlStatements();
		outcome = Load.closedLoop(clients, this.options.phase, inProcess);
		add(Result.of(scenario, saturated, "in-process", outcome, baseline.sqlStatements() - before));
	}

	/**
	 * A scenario whose warm-up never succeeded is misconfigured: stop rather than time
	 * its failures.
	 */
	private static void requireSomeSuccess(String what, Load.Outcome warmup) {
		if (warmup.errors() == warmup.requests()) {
			throw new IllegalStateException("Every warm-up request of " + what + " failed: " + warmup.firstError());
		}
	}

	private void add(Result result) {
		this.results.add(result);
		log(String.format("  %-12s %-32s %-10s %6d req %4d err %8.1f req/s p50 %8.2f ms p99 %8.2f ms SQL/req %.2f%s",
				result.scenario(), result.mode(), result.path(), result.requests(), result.errors(),
				result.throughput(), result.p50Ms(), result.p99Ms(), result.sqlPerRequest(),
				result.firstError().isEmpty() ? "" : "  first error: " + abbreviate(result.firstError())));
	}

	private long household(int i) {
		return this.households.get(Math.floorMod(i, this.households.size()))[0];
	}

	private String code(int i) {
		return this.codes.get(Math.floorMod(i, this.codes.size()));
	}

	private static String resource(String path) throws IOException {
		return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
	}

	static String abbreviate(String text) {
		String flat = text.replaceAll("\\s+", " ");
		return (flat.length() > 200) ? flat.substring(0, 200) + "..." : flat;
	}

	static void log(String message) {
		System.out.println("[bench " + LocalDateTime.now().withNano(0).toLocalTime() + "] " + message);
	}

	/** What the command line and the environment ask for. */
	static final class Options {

		boolean quick;

		Set<String> only = new LinkedHashSet<>();

		Path report = Path.of("docs/performance.md");

		int apiPort = Integer.parseInt(env("BENCH_API_PORT", "8090"));

		int keycloakPort = Integer.parseInt(env("BENCH_KEYCLOAK_PORT", "8190"));

		String apiDbUrl = env("BENCH_API_DB_URL",
				"jdbc:mysql://127.0.0.1:3306/county_bench?useUnicode=true&characterEncoding=utf8");

		String dbUser = env("BENCH_DB_USER", "root");

		String dbPassword = env("BENCH_DB_PASSWORD", "");

		String redisUrl = env("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2");

		String apiJar = env("BENCH_API_JAR", "api/target/county-api.jar");

		String apiJavaOptions = env("BENCH_API_JAVA_OPTS", "-Xms1g -Xmx1g -XX:+UseG1GC");

		List<String> apiArguments = List.of(env("BENCH_API_ARGS", "").trim().split("\\s+"))
			.stream()
			.filter((s) -> !s.isBlank())
			.toList();

		Duration warmup;

		Duration phase;

		Duration timeout = Duration.ofSeconds(30);

		Duration coldTimeout = Duration.ofSeconds(Long.parseLong(env("BENCH_COLD_TIMEOUT_SECONDS", "600")));

		static Options parse(String[] args) {
			Options options = new Options();
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--quick" -> options.quick = true;
					case "--only" -> {
						if (i + 1 >= args.length) {
							return null;
						}
						for (String name : args[++i].split(",")) {
							if (!SCENARIOS.contains(name.trim())) {
								System.err.println("Unknown scenario: " + name);
								return null;
							}
							options.only.add(name.trim());
						}
					}
					case "--report" -> {
						if (i + 1 >= args.length) {
							return null;
						}
						options.report = Path.of(args[++i]);
					}
					default -> {
						return null;
					}
				}
			}
			options.warmup = Duration.ofSeconds(Long.parseLong(env("BENCH_WARMUP_SECONDS", options.quick ? "2" : "8")));
			options.phase = Duration.ofSeconds(Long.parseLong(env("BENCH_PHASE_SECONDS", options.quick ? "5" : "20")));
			return options;
		}

		/** A scenario's fixed rate; quick runs use a fifth of it. */
		double rate(double full) {
			return this.quick ? Math.max(1, full / 5) : full;
		}

		boolean writesDocument() {
			return !this.quick && this.only.isEmpty();
		}

		private static String env(String name, String fallback) {
			String value = System.getenv(name);
			return (value != null && !value.isBlank()) ? value : fallback;
		}

	}

}
