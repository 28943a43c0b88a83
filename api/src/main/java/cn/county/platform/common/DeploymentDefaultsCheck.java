package cn.county.platform.common;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * The development defaults of this repository that must not reach production: an empty
 * database password, an issuer on localhost, demo data loaded at start, and any known
 * demo secret or password (those of the development realm
 * {@code keycloak-realm/county-realm.json}, of the old compose file, the demo users' and
 * Keycloak's admin's) in any property whose name says it holds a secret.
 */
@Component
@Profile("prod")
class DeploymentDefaultsCheck implements ProductionCheck {

	/** Every secret and password committed to this repository for development. */
	static final Set<String> KNOWN_DEMO_SECRETS = Set.of("partner-bank-dev-secret", "partner-insurer-dev-secret",
			"partner-test-dev-secret", "county-dev-password", "root-dev-password", "demo", "admin", "root", "password",
			"secret", "changeme", "change-me");

	/** Development values follow this pattern; a real secret does not. */
	private static final Pattern DEV_VALUE = Pattern.compile("(?i).*-dev-(secret|password)$");

	private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|passwd|credential).*");

	/**
	 * Spring Boot's resource-server property that names the issuer
	 * ({@code KEYCLOAK_ISSUER} in application.yml).
	 */
	private static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");

	private final Environment environment;

	DeploymentDefaultsCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void check(Unsafe unsafe) {
		String password = this.environment.getProperty("spring.datasource.password");
		if (password == null || password.isBlank()) {
			unsafe.report(variable("spring.datasource.password"), "the database password is empty");
		}
		checkIssuer(unsafe);
		if (this.environment.getProperty("platform.demo.load-on-start", Boolean.class, false)) {
			unsafe.report(variable("platform.demo.load-on-start") + "=false",
					"demo data (fictitious households, a fixed seed) would be loaded into an empty database");
		}
		Set<String> reported = new TreeSet<>();
		for (String name : secretProperties()) {
			String value;
			try {
				value = this.environment.getProperty(name);
			}
			catch (IllegalArgumentException ex) {
				continue; // an unresolvable placeholder is another check's business
			}
			if (value != null && isDemoSecret(value) && reported.add(variable(name))) {
				unsafe.report(variable(name), name + " holds a development secret or password published in this"
						+ " repository; use a generated one");
			}
		}
	}

	private void checkIssuer(Unsafe unsafe) {
		String issuer = this.environment.getProperty(ISSUER);
		String variable = variable(ISSUER);
		if (issuer == null || issuer.isBlank()) {
			unsafe.report(variable, "no issuer is configured: set the realm's public address, e.g."
					+ " https://auth.example.org/realms/county");
			return;
		}
		String host;
		try {
			host = URI.create(issuer.trim()).getHost();
		}
		catch (IllegalArgumentException ex) {
			unsafe.report(variable, "the issuer is not a URL");
			return;
		}
		if (host == null || LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT)) || host.startsWith("127.")) {
			unsafe.report(variable, "the issuer " + issuer + " is the development Keycloak on this machine; set the"
					+ " realm's public address, as it appears in the tokens' iss claim");
		}
	}

	static boolean isDemoSecret(String value) {
		String trimmed = value.trim();
		return KNOWN_DEMO_SECRETS.contains(trimmed.toLowerCase(Locale.ROOT)) || DEV_VALUE.matcher(trimmed).matches();
	}

	/** Every property name, in any source, that says it holds a secret. */
	private Set<String> secretProperties() {
		Set<String> names = new TreeSet<>();
		if (this.environment instanceof ConfigurableEnvironment configurable) {
			for (PropertySource<?> source : configurable.getPropertySources()) {
				if (source instanceof EnumerablePropertySource<?> enumerable) {
					for (String name : enumerable.getPropertyNames()) {
						if (SECRET_NAME.matcher(name).matches()) {
							names.add(name);
						}
					}
				}
			}
		}
		return names;
	}

	private String variable(String property) {
		return ProductionSafety.variableFor(this.environment, property);
	}

}
