package cn.county.platform.common;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import cn.county.platform.common.ProductionSafety.UnsafeProductionSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile refuses each development default, naming the variable to set,
 * and starts with safe values; the development profile is as lenient as before. The real
 * {@code application.yml} and {@code application-prod.yml} are loaded, so the variables
 * named are those an operator really sets.
 */
@Tag("fast")
class ProductionSafetyTests {

	private static final String SAFE_PASSWORD = "db-" + UUID.randomUUID();

	private static final String SAFE_ISSUER = "https://auth.county.example/realms/county";

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment().setActiveProfiles("prod"))
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(ProductionSafety.class, DeploymentDefaultsCheck.class);

	private ApplicationContextRunner safe() {
		return this.contexts.withPropertyValues("DB_PASSWORD=" + SAFE_PASSWORD, "KEYCLOAK_ISSUER=" + SAFE_ISSUER);
	}

	@Test
	void startsWithSafeValues() {
		safe().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ProductionSafety.class);
		});
	}

	@Test
	void refusesAnEmptyDatabasePassword() {
		this.contexts.withPropertyValues("KEYCLOAK_ISSUER=" + SAFE_ISSUER)
			.run((context) -> assertRefused(context.getStartupFailure(), "DB_PASSWORD", "database password is empty"));
	}

	@Test
	void refusesTheDevelopmentIssuerOnLocalhost() {
		// application.yml's default issuer
		this.contexts.withPropertyValues("DB_PASSWORD=" + SAFE_PASSWORD)
			.run((context) -> assertRefused(context.getStartupFailure(), "KEYCLOAK_ISSUER", "localhost:8180"));
		this.contexts
			.withPropertyValues("DB_PASSWORD=" + SAFE_PASSWORD, "KEYCLOAK_ISSUER=http://127.0.0.1:8180/realms/county")
			.run((context) -> assertRefused(context.getStartupFailure(), "KEYCLOAK_ISSUER", "127.0.0.1"));
	}

	@Test
	void refusesDemoDataLoading() {
		safe().withPropertyValues("platform.demo.load-on-start=true")
			.run((context) -> assertRefused(context.getStartupFailure(), "PLATFORM_DEMO_LOAD_ON_START=false",
					"demo data"));
	}

	@Test
	void refusesTheDevelopmentDatabasePassword() {
		safe().withPropertyValues("DB_PASSWORD=county-dev-password")
			.run((context) -> assertRefused(context.getStartupFailure(), "DB_PASSWORD", "development secret"));
	}

	@Test
	void refusesADevelopmentClientSecretInAnyProperty() {
		safe()
			.withPropertyValues(
					"spring.security.oauth2.client.registration.keycloak.client-secret=partner-bank-dev-secret")
			.run((context) -> {
				assertRefused(context.getStartupFailure(),
						"SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_CLIENT_SECRET", "development secret");
				assertThat(context.getStartupFailure().getMessage()).doesNotContain("partner-bank-dev-secret");
			});
		safe().withPropertyValues("platform.partners.insurer.secret=some-other-dev-secret")
			.run((context) -> assertRefused(context.getStartupFailure(), "PLATFORM_PARTNERS_INSURER_SECRET",
					"development secret"));
	}

	@Test
	void namesEveryUnsafeSettingInOneMessage() {
		this.contexts.withPropertyValues("platform.demo.load-on-start=true").run((context) -> {
			Throwable failure = context.getStartupFailure();
			assertRefused(failure, "DB_PASSWORD", "empty");
			assertRefused(failure, "KEYCLOAK_ISSUER", "localhost");
			assertRefused(failure, "PLATFORM_DEMO_LOAD_ON_START=false", "demo data");
		});
	}

	@Test
	void runsBeforeTheDatabaseIsInitialised() {
		WatchedDataSource.initialised.set(false);
		this.contexts.withUserConfiguration(WithDataSource.class).run((context) -> {
			assertRefused(context.getStartupFailure(), "DB_PASSWORD", "empty");
			assertThat(WatchedDataSource.initialised).isFalse();
		});
		safe().withUserConfiguration(WithDataSource.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(WatchedDataSource.initialised).isTrue();
		});
	}

	@Test
	void anotherChecksJoinsByBeingABean() {
		safe().withUserConfiguration(WithCursorKeyCheck.class)
			.run((context) -> assertRefused(context.getStartupFailure(), "PLATFORM_CURSOR_KEY", "no cursor key"));
	}

	@Test
	void enforceFalseOnlyWarns() {
		this.contexts.withPropertyValues("platform.production-safety.enforce=false", "platform.demo.load-on-start=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theDevelopmentProfileKeepsItsDefaults() {
		new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
			.withUserConfiguration(ProductionSafety.class, DeploymentDefaultsCheck.class)
			.withPropertyValues("platform.demo.load-on-start=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ProductionSafety.class);
			});
	}

	@Test
	void everySecretOfTheDevelopmentRealmIsAKnownDemoSecret() throws Exception {
		JsonNode realm = JsonMapper.builder().build().readTree(findUp("keycloak-realm/county-realm.json").toFile());
		List<String> secrets = new ArrayList<>();
		for (JsonNode client : realm.get("clients")) {
			if (client.hasNonNull("secret")) {
				secrets.add(client.get("secret").asString());
			}
		}
		assertThat(secrets).isNotEmpty()
			.allSatisfy((secret) -> assertThat(DeploymentDefaultsCheck.isDemoSecret(secret)).as(secret).isTrue());
		assertThat(DeploymentDefaultsCheck.isDemoSecret(SAFE_PASSWORD)).isFalse();
	}

	static void assertRefused(Throwable failure, String variable, String reason) {
		assertThat(failure).isNotNull();
		Throwable cause = failure;
		while (!(cause instanceof UnsafeProductionSettings) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		assertThat(cause).isInstanceOf(UnsafeProductionSettings.class);
		assertThat(cause.getMessage()).contains("profile prod")
			.containsPattern("set " + java.util.regex.Pattern.quote(variable) + ":[^\\n]*"
					+ java.util.regex.Pattern.quote(reason));
	}

	static Path findUp(String relative) {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (dir.resolve(relative).toFile().exists()) {
				return dir.resolve(relative);
			}
		}
		throw new IllegalStateException("No " + relative + " above " + Path.of("").toAbsolutePath());
	}

	@Configuration(proxyBeanMethods = false)
	static class WithDataSource {

		@Bean
		WatchedDataSource dataSource() {
			return new WatchedDataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WithCursorKeyCheck {

		@Bean
		ProductionCheck cursorKey() {
			return (unsafe) -> unsafe.report("PLATFORM_CURSOR_KEY", "no cursor key is set");
		}

	}

	/** Records whether it was initialised, as a pool would connect when it is. */
	static class WatchedDataSource implements DataSource, InitializingBean {

		static final AtomicBoolean initialised = new AtomicBoolean();

		@Override
		public void afterPropertiesSet() {
			initialised.set(true);
		}

		@Override
		public Connection getConnection() {
			throw new UnsupportedOperationException();
		}

		@Override
		public Connection getConnection(String username, String password) {
			throw new UnsupportedOperationException();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> type) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

	}

}
