package cn.county.platform.security;

import java.util.List;

import cn.county.platform.common.CursorCodec;
import cn.county.platform.common.RequestPipeline;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	@Bean
	FieldPolicy fieldPolicy() {
		return new FieldPolicy();
	}

	@Bean
	@Order(RequestPipeline.FIELD_POLICY_CUSTOMIZER)
	GraphQlSourceBuilderCustomizer fieldPolicyEnforcement(FieldPolicy policy, CursorCodec cursors) {
		// cursors first, so that the policy's wrapper is outermost: a refused caller's
		// cursor is never even opened;
		// the visitor reads the directives type by type, and references between fields
		// are checked once all are read
		return (builder) -> builder.typeVisitors(List.of(new CursorVisitor(cursors), new FieldPolicyVisitor(policy)))
			.configureGraphQl((graphQl) -> policy.verify());
	}

}
