package cn.county.platform.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("db")
class DemoDataLoaderTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(DemoConfiguration.class);

	@Test
	void isOffUnlessAskedFor() {
		this.contexts.withBean(DataSource.class, DriverManagerDataSource::new)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoDataLoader.class));
		this.contexts.withBean(DataSource.class, DriverManagerDataSource::new)
			.withPropertyValues("platform.demo.load-on-start=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoDataLoader.class));
	}

	@Test
	void defaultsToTheDemoSizeAndSeed() {
		this.contexts.withBean(DataSource.class, DriverManagerDataSource::new)
			.withPropertyValues("platform.demo.load-on-start=true")
			.run((context) -> assertThat(context.getBean(DemoProperties.class)).isEqualTo(
					new DemoProperties(true, DemoDataGenerator.DEFAULT_HOUSEHOLDS, DemoDataGenerator.DEFAULT_SEED)));
	}

	@Test
	void fillsAnEmptyDatabaseOnceAndLeavesItAloneAfterwards() throws SQLException {
		DataSource dataSource = DemoDatabases.fresh("demo_gen_loader");
		this.contexts.withBean(DataSource.class, () -> dataSource)
			.withPropertyValues("platform.demo.load-on-start=true", "platform.demo.households=300",
					"platform.demo.seed=9")
			.run((context) -> {
				DemoDataLoader loader = context.getBean(DemoDataLoader.class);
				loader.run(new DefaultApplicationArguments());
				assertThat(households(dataSource)).isEqualTo(300);
				// A restart must not fail on the rows it wrote before, nor add more.
				loader.run(new DefaultApplicationArguments());
				assertThat(households(dataSource)).isEqualTo(300);
			});
	}

	private static long households(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM household")) {
			result.next();
			return result.getLong(1);
		}
	}

}
