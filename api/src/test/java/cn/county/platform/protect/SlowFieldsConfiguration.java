package cn.county.platform.protect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import graphql.schema.DataFetcher;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Test only, and only in a context with {@code platform.test.slow-fields=true}: fields
 * that are slow or large on demand, for the deadline and response size tests.
 * {@code slowSql} sleeps inside MySQL ({@code SELECT SLEEP}), through MyBatis like every
 * real statement; {@code slowTicks} is many fields each slow in Java; {@code padding} is
 * a large answer that costs little.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("platform.test.slow-fields")
class SlowFieldsConfiguration {

	/**
	 * How many tick values have been fetched, ever: a test reads it to see that fetching
	 * stopped.
	 */
	static final java.util.concurrent.atomic.AtomicInteger ticksFetched = new java.util.concurrent.atomic.AtomicInteger();

	private static final String SCHEMA = """
			extend type Query {
			  slowSql(seconds: Int!): Int
			  slowTicks(count: Int!, millis: Int!): [SlowTick!]! @listSize(max: 100)
			  padding(count: Int!, size: Int!): [String!]! @listSize(max: 100)
			}
			type SlowTick {
			  value: Int!
			}
			""";

	@Bean
	GraphQlSourceBuilderCustomizer slowFieldsSchema() {
		return (builder) -> builder
			.schemaResources(new ByteArrayResource(SCHEMA.getBytes(StandardCharsets.UTF_8), "slow-fields.graphqls") {
				@Override
				public String getFilename() {
					return "slow-fields.graphqls";
				}
			});
	}

	@Bean
	RuntimeWiringConfigurer slowFields(SlowMapper slow) {
		DataFetcher<Object> tick = (env) -> {
			Map<String, Object> source = env.getSource();
			ticksFetched.incrementAndGet();
			Thread.sleep(((Number) source.get("millis")).longValue());
			return source.get("value");
		};
		return (wiring) -> wiring
			.type("Query", (type) -> type.dataFetcher("slowSql", (env) -> slow.sleep(env.getArgument("seconds")))
				.dataFetcher("slowTicks", (env) -> {
					int millis = env.getArgument("millis");
					List<Map<String, Object>> ticks = new ArrayList<>();
					IntStream.range(0, env.<Integer>getArgument("count"))
						.forEach((i) -> ticks.add(Map.of("value", i, "millis", millis)));
					return ticks;
				})
				.dataFetcher("padding",
						(env) -> IntStream.range(0, env.<Integer>getArgument("count"))
							.mapToObj((i) -> "x".repeat(env.<Integer>getArgument("size")))
							.toList()))
			.type("SlowTick", (type) -> type.dataFetcher("value", tick));
	}

}
