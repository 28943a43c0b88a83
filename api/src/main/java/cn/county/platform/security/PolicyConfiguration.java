package cn.county.platform.security;

import java.util.List;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	@Bean
	FieldPolicy fieldPolicy() {
		return new FieldPolicy();
	}

	@Bean
	GraphQlSourceBuilderCustomizer fieldPolicyEnforcement(FieldPolicy policy) {
		// the visitor reads the directives type by type; references between fields are checked once all are read
		return (builder) -> builder.typeVisitors(List.of(new FieldPolicyVisitor(policy)))
			.configureGraphQl((graphQl) -> policy.verify());
	}

}
