package cn.county.platform.protect;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one GraphQL request may ask for, each refused with a clear error before
 * any SQL runs, and on what it may take (time, response size) while it runs.
 *
 * @param maxDepth deepest field nesting
 * @param maxCost the values a query could return, at most: the sum over its fields of the
 * field's weight ({@code @cost}, else 1) times the product of the bounds of the lists
 * above it (a connection's {@code first}, a plain list's {@code @listSize}; see
 * {@code schema/limits.graphqls})
 * @param maxAliases aliased fields in one document
 * @param maxRepeatedFields times one field may be selected in one selection set
 * @param maxDirectives directives in one document
 * @param maxTokens parser tokens in one document
 * @param maxBodyBytes size of the HTTP request body
 * @param maxResponseBytes size of the JSON answer, counted as it is built; past it the
 * request stops with an error naming this limit instead of a partial answer
 * @param requestTimeout wall time for one request; past it no further field is fetched,
 * no further SQL statement starts and a running one is cancelled (its JDBC query timeout
 * is what is left of this), and the answer is the error alone
 * @param measureRefresh how often the measured list bounds (towns, villages per town,
 * {@code @listSize(counted:)}) are counted again
 * @param countedHeadroom rows a {@code @listSize(counted:)} bound allows over its count,
 * for rows added since
 * @param introspectionExempt whether introspection fields ({@code __schema},
 * {@code __type}) are left out of depth and cost, so GraphiQL's own introspection query
 * works (development only; production turns introspection off)
 */
@ConfigurationProperties("platform.limits")
public record LimitsProperties(@DefaultValue("12") int maxDepth, @DefaultValue("50000") int maxCost,
		@DefaultValue("30") int maxAliases, @DefaultValue("10") int maxRepeatedFields,
		@DefaultValue("20") int maxDirectives, @DefaultValue("5000") int maxTokens,
		@DefaultValue("65536") long maxBodyBytes, @DefaultValue("4MB") DataSize maxResponseBytes,
		@DefaultValue("15s") Duration requestTimeout, @DefaultValue("1h") Duration measureRefresh,
		@DefaultValue("10") int countedHeadroom, @DefaultValue("true") boolean introspectionExempt) {
}
