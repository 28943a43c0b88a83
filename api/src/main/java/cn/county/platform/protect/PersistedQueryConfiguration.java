package cn.county.platform.protect;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersistedQueryConfiguration {

	@Bean
	GraphQlSourceBuilderCustomizer persistedQuerySupport(PersistedQueries queries) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(queries));
	}

}
