package cn.county.platform.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.PlatformTest;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.security.web.FilterChainProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of the request pipeline as the running application really has it, read from
 * the context the way Boot and Spring for GraphQL read it: the servlet filters as Boot
 * registers them with the servlet container, the interceptors and instrumentations in the
 * order Spring for GraphQL chains them, the schema customizers in the order Boot applies
 * them. It fails when a stage moves; {@link RequestPipeline} says why each sits where it
 * does.
 */
@PlatformTest
class RequestPipelineTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void servletFiltersRunBootsFirstThenSecurityThenRateLimitThenBodyBound() {
		List<String> names = new ArrayList<>();
		Map<String, Integer> orders = new HashMap<>();
		for (ServletContextInitializer initializer : new ServletContextInitializerBeans(beanFactory())) {
			if (initializer instanceof AbstractFilterRegistrationBean<?> filter) {
				names.add(filter.getFilterName());
				orders.put(filter.getFilterName(), filter.getOrder());
			}
		}
		assertThat(names).containsExactly("characterEncodingFilter", "webMvcObservationFilter", "formContentFilter",
				"requestContextFilter", "springSecurityFilterChain", "rateLimitFilter", "requestBodyFilter");
		assertThat(orders).containsEntry("springSecurityFilterChain", RequestPipeline.SECURITY_FILTER_CHAIN)
			.containsEntry("rateLimitFilter", RequestPipeline.RATE_LIMIT_FILTER)
			.containsEntry("requestBodyFilter", RequestPipeline.REQUEST_BODY_FILTER);
	}

	@Test
	void securityChainChecksTheBearerTokenBeforeItAuthorizes() {
		FilterChainProxy security = this.context.getBean(FilterChainProxy.class);
		assertThat(security.getFilterChains()).hasSize(1);
		List<String> filters = security.getFilterChains()
			.get(0)
			.getFilters()
			.stream()
			.map(Filter::getClass)
			.map(Class::getSimpleName)
			.toList();
		assertThat(filters).containsSubsequence("SecurityContextHolderFilter", "BearerTokenAuthenticationFilter",
				"AnonymousAuthenticationFilter", "ExceptionTranslationFilter", "AuthorizationFilter");
		assertThat(filters).last().isEqualTo("AuthorizationFilter");
	}

	@Test
	void interceptorsRunCallerThenDashboardAnswersThenIdempotencyThenProtection() {
		// the order in which Boot hands them to
		// WebGraphQlHandler.builder(...).interceptors(...)
		List<String> interceptors = this.context.getBeanProvider(WebGraphQlInterceptor.class)
			.orderedStream()
			.map((interceptor) -> interceptor.getClass().getName())
			.toList();
		assertThat(interceptors).containsExactly("cn.county.platform.security.CallerInterceptor",
				"cn.county.platform.dashboard.DashboardAnswers", "cn.county.platform.audit.IdempotencyInterceptor",
				"cn.county.platform.protect.ProtectionInterceptor");
	}

	@Test
	void instrumentationsRunRegistrationThenLimitsThenObservation() {
		Instrumentation instrumentation = this.graphQlSource.graphQl().getInstrumentation();
		assertThat(instrumentation).isInstanceOf(ChainedInstrumentation.class);
		List<String> chain = ((ChainedInstrumentation) instrumentation).getInstrumentations()
			.stream()
			.map((each) -> each.getClass().getName())
			.toList();
		assertThat(chain).containsExactly("cn.county.platform.protect.PersistedQueryRegistration",
				"cn.county.platform.protect.QueryLimitsInstrumentation",
				"org.springframework.graphql.observation.GraphQlObservationInstrumentation");
	}

	@Test
	void schemaCustomizersApplyPersistedQueriesThenFieldPolicyThenBoots() {
		Map<Object, String> names = new IdentityHashMap<>();
		this.context.getBeansOfType(GraphQlSourceBuilderCustomizer.class)
			.forEach((name, customizer) -> names.put(customizer, name));
		List<String> applied = this.context.getBeanProvider(GraphQlSourceBuilderCustomizer.class)
			.orderedStream()
			.map(names::get)
			.toList();
		assertThat(applied).containsExactly("persistedQuerySupport", "fieldPolicyEnforcement",
				"cursorStrategyCustomizer", "queryByExampleRegistrar", "reactiveQueryByExampleRegistrar");
	}

	private ConfigurableListableBeanFactory beanFactory() {
		return this.context.getBeanFactory();
	}

}
