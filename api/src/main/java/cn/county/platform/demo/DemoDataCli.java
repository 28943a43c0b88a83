package cn.county.platform.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Migrates a database and fills it with demo data, without starting the application: for
 * benchmarks at province scale, where a million households should not wait for the web
 * stack.
 *
 * <pre>
 * ./mvnw -q -pl api compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
 * java -cp api/target/classes:$(cat api/target/cp.txt) cn.county.platform.demo.DemoDataCli \
 *     --url 'jdbc:mysql://127.0.0.1:3306/county?useSSL=false&amp;allowPublicKeyRetrieval=true' \
 *     --user root --password '' --households 1000000 --seed 42
 * </pre>
 *
 * The database must exist and be empty of households. The generator writes multi-row
 * inserts itself, so the URL needs no {@code rewriteBatchedStatements}. At a million
 * households the server's buffer pool decides the time: the random-order indexes (ID
 * numbers, names, incomes) need about 512 MB to stay in memory.
 */
public final class DemoDataCli {

	private static final List<String> OPTIONS = List.of("url", "user", "password", "households", "seed");

	private DemoDataCli() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = parse(args);
		if (options == null || !options.containsKey("url")) {
			System.err.println("Usage: DemoDataCli --url jdbc:mysql://host:port/database [--user root] [--password '']"
					+ " [--households " + DemoDataGenerator.DEFAULT_HOUSEHOLDS + "] [--seed "
					+ DemoDataGenerator.DEFAULT_SEED + "]");
			System.exit(2);
			return;
		}
		String url = options.get("url");
		String user = options.getOrDefault("user", "root");
		String password = options.getOrDefault("password", "");
		int households = Integer
			.parseInt(options.getOrDefault("households", String.valueOf(DemoDataGenerator.DEFAULT_HOUSEHOLDS)));
		long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(DemoDataGenerator.DEFAULT_SEED)));

		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(
				(java.sql.Driver) Class.forName(driverFor(url)).getDeclaredConstructor().newInstance(), url, user,
				password);
		var migration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		System.out.println("Migrations applied: " + migration.migrationsExecuted + ", schema at version "
				+ migration.targetSchemaVersion);
		DemoSummary summary = new DemoDataGenerator(dataSource).generate(seed, households, System.out::println);
		System.out.println("Rows per table: " + summary.rows());
	}

	private static String driverFor(String url) {
		return url.startsWith("jdbc:mariadb:") ? "org.mariadb.jdbc.Driver" : "com.mysql.cj.jdbc.Driver";
	}

	/** {@code --name value} pairs; null when an option is unknown or has no value. */
	static Map<String, String> parse(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				return null;
			}
			String name = arg.substring(2);
			int equals = name.indexOf('=');
			String value;
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				return null;
			}
			if (!OPTIONS.contains(name)) {
				return null;
			}
			options.put(name, value);
		}
		return options;
	}

}
