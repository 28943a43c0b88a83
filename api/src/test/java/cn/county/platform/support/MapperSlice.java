package cn.county.platform.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.mybatis.spring.boot.autoconfigure.MybatisAutoConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The context of {@link MapperTest}: Boot's data source, transaction manager,
 * JdbcTemplate, Flyway and MyBatis auto-configuration, with every {@code @Mapper} of the
 * application (and its XML beside it), configured by the application's own
 * {@code mybatis.*} properties. Nothing else of the application is loaded.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
		MybatisAutoConfiguration.class })
@MapperScan(basePackages = "cn.county.platform", annotationClass = Mapper.class)
public class MapperSlice {

	/**
	 * The schema the slices use, apart from the platform tests' so that no demo row is
	 * ever counted.
	 */
	static final String SCHEMA = "county_mappers";

	private static final Pattern URL = Pattern.compile("^(jdbc:[a-z]+://[^/?]+/)([^?]*)(.*)$");

	/**
	 * Creates the slices' schema afresh once per JVM and points the data source at it;
	 * Flyway migrates it.
	 */
	public static class Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		private static String url;

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestServers.Database server = TestServers.database();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("mapperSlice",
						Map.of("spring.datasource.url", schema(server), "spring.datasource.username", server.username(),
								"spring.datasource.password", server.password())));
		}

		private static synchronized String schema(TestServers.Database server) {
			if (url == null) {
				Matcher matcher = URL.matcher(server.url());
				if (!matcher.matches()) {
					throw new IllegalStateException("Unexpected JDBC URL " + server.url());
				}
				DriverManagerDataSource admin = new DriverManagerDataSource(server.url(), server.username(),
						server.password());
				try (Connection connection = admin.getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("DROP DATABASE IF EXISTS " + SCHEMA);
					statement.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4");
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Could not create the schema " + SCHEMA, ex);
				}
				url = matcher.group(1) + SCHEMA + matcher.group(3);
			}
			return url;
		}

	}

}
