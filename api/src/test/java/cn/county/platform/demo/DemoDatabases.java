package cn.county.platform.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import cn.county.platform.support.TestServers;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Databases of their own for the demo tests, inside the shared test server, so that
 * generating thousands of households never meets the tables of other tests.
 */
final class DemoDatabases {

	private static final Pattern URL = Pattern.compile("^(jdbc:[a-z]+://[^/?]+/)([^?]*)(.*)$");

	private DemoDatabases() {
	}

	/**
	 * A freshly created and migrated database; whatever had that name before is dropped.
	 */
	static DataSource fresh(String name) throws SQLException {
		TestServers.Database server = TestServers.database();
		DataSource admin = new DriverManagerDataSource(server.url(), server.username(), server.password());
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
		}
		Matcher url = URL.matcher(server.url());
		if (!url.matches()) {
			throw new IllegalStateException("Unexpected JDBC URL " + server.url());
		}
		DataSource dataSource = new DriverManagerDataSource(url.group(1) + name + url.group(3), server.username(),
				server.password());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

}
