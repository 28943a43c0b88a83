package cn.county.platform.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the servers of {@link TestServers} and at the test Keycloak's
 * issuer.
 */
public class TestServersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		KeycloakServer.startInBackground();
		TestServers.Database database = TestServers.database();
		String redis = TestServers.redisUrl();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testServers",
					Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.username(),
							"spring.datasource.password", database.password(), "spring.data.redis.url", redis,
							"spring.security.oauth2.resourceserver.jwt.issuer-uri", KeycloakServer.shared().issuer(),
							"platform.demo.load-on-start", "true", "platform.demo.households", "3000",
							"platform.security.clock-skew", "1s",
							// the field-policy matrix reads every field of every type as
							// a partner within a minute
							"platform.rate-limits.per-partner", "600",
							// tests decide when the dashboard rollup is stored
							// (DashboardRollupTests)
							"platform.dashboard.rollup.warm", "false")));
		// tests that count SQL statements count every statement of the JVM, so the import
		// sweep does not run on a timer here; UploadRulesTests calls it when it tests a
		// cut-off job
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testTimers", Map.of("platform.exchange.imports.sweep-every", "1h")));
		// the prod profile (LimitsAndProductionTests) against these local servers:
		// ProductionSafety warns instead of
		// refusing; ProductionSafetyTests holds the refusal itself
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testServersInProduction",
					Map.of("platform.production-safety.enforce", "false")));
	}

}
