package cn.county.platform.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.stereotype.Component;

/**
 * In profile {@code prod} the application refuses to start while any
 * {@link ProductionCheck} bean reports an unsafe setting (a development default, a demo
 * secret, demo data loading), naming in one message every variable to set. The checks run
 * when the {@link DataSource} is about to be initialised, so before Flyway or anything
 * else touches the database with a development setting (or, in a context without a
 * database, once every singleton exists). That is why this is a
 * {@link BeanPostProcessor}: an ordinary bean has no say in when the auto-configured
 * database beans are created.
 * <p>
 * {@code platform.production-safety.enforce=false} turns the refusal into a warning. Only
 * the test harness and the single-machine benchmark set it (their Keycloak and database
 * live on localhost by design); a deployment never should.
 */
@Component
@Profile("prod")
public class ProductionSafety implements BeanPostProcessor, SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ProductionSafety.class);

	private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z0-9_]+)(:.*)?}$", Pattern.DOTALL);

	private final ObjectProvider<ProductionCheck> checks;

	private final Environment environment;

	private final AtomicBoolean checked = new AtomicBoolean();

	ProductionSafety(ObjectProvider<ProductionCheck> checks, Environment environment) {
		this.checks = checks;
		this.environment = environment;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource) {
			verify();
		}
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		verify();
	}

	/**
	 * Runs every check once; throws {@link UnsafeProductionSettings} naming each variable
	 * to set.
	 */
	void verify() {
		if (!this.checked.compareAndSet(false, true)) {
			return;
		}
		List<String> problems = new ArrayList<>();
		this.checks.orderedStream()
			.forEach((check) -> check.check((variable, reason) -> problems.add("set " + variable + ": " + reason)));
		if (problems.isEmpty()) {
			return;
		}
		// bound here rather than injected: a post-processor is created before properties
		// beans are
		boolean enforce = Binder.get(this.environment)
			.bindOrCreate("platform.production-safety", ProductionSafetyProperties.class)
			.enforce();
		String list = "\n - " + String.join("\n - ", problems);
		if (!enforce) {
			log.warn("Unsafe settings in profile prod, starting anyway (platform.production-safety.enforce=false):{}",
					list);
			return;
		}
		throw new UnsafeProductionSettings("Refusing to start in profile prod with unsafe settings:" + list);
	}

	/**
	 * The variable an operator sets to change a property: the one its
	 * {@code ${VARIABLE:default}} placeholder in {@code application.yml} reads, else its
	 * environment name ({@code platform.demo.load-on-start} →
	 * {@code PLATFORM_DEMO_LOAD_ON_START}).
	 */
	public static String variableFor(Environment environment, String property) {
		if (environment instanceof ConfigurableEnvironment configurable) {
			for (PropertySource<?> source : configurable.getPropertySources()) {
				if (!source.containsProperty(property)) {
					continue;
				}
				if (source instanceof SystemEnvironmentPropertySource) {
					break;
				}
				Object raw = source.getProperty(property);
				Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(raw).trim());
				if (placeholder.matches()) {
					return placeholder.group(1);
				}
				break;
			}
		}
		// Spring Boot reads both PLATFORM_DEMO_LOADONSTART and this more readable form,
		// which docker-compose.yml uses
		return property.replace('.', '_').replace('-', '_').replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
	}

	/**
	 * The application's configuration is not fit for production; the message names each
	 * variable to set.
	 */
	public static class UnsafeProductionSettings extends IllegalStateException {

		UnsafeProductionSettings(String message) {
			super(message);
		}

	}

}
