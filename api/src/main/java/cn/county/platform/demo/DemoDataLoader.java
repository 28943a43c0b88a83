package cn.county.platform.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Fills an empty database with demo data once the application has started. Runners run
 * after the context is refreshed, so Flyway has migrated by then. A database that already
 * has households is left alone, so restarting the demo keeps what users changed in it.
 */
public class DemoDataLoader implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoDataLoader.class);

	private final DemoDataGenerator generator;

	private final DataSource dataSource;

	private final DemoProperties properties;

	public DemoDataLoader(DemoDataGenerator generator, DataSource dataSource, DemoProperties properties) {
		this.generator = generator;
		this.dataSource = dataSource;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		if (hasHouseholds()) {
			logger.info("Households found: demo data not loaded");
			return;
		}
		this.generator.generate(this.properties.seed(), this.properties.households(), logger::info);
	}

	private boolean hasHouseholds() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT 1 FROM household LIMIT 1")) {
			return result.next();
		}
	}

}
