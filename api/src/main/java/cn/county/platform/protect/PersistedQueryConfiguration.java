package cn.county.platform.protect;

import cn.county.platform.common.RequestPipeline;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class PersistedQueryConfiguration {

	@Bean
	@Order(RequestPipeline.PERSISTED_QUERIES_CUSTOMIZER)
	GraphQlSourceBuilderCustomizer persistedQuerySupport(PersistedQueries queries) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(queries));
	}

}
