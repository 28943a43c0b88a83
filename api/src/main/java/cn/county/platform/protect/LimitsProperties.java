package cn.county.platform.protect;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what one GraphQL request may ask for, each refused with a clear error before any SQL runs.
 *
 * @param maxDepth deepest field nesting
 * @param maxCost sum over fields of the page sizes of the lists they sit in ({@code first}, or
 * {@code defaultListSize} for a list without one)
 * @param defaultListSize the size assumed for a nested list without {@code first} (members, measures ...)
 * @param maxAliases aliased fields in one document
 * @param maxRepeatedFields times one field may be selected in one selection set
 * @param maxDirectives directives in one document
 * @param maxTokens parser tokens in one document
 * @param maxBodyBytes size of the HTTP request body
 * @param requestTimeout wall time for one request; past it the request stops and frees its connection
 * @param introspectionExempt whether introspection fields ({@code __schema}, {@code __type}) are left out of depth
 * and cost, so GraphiQL's own introspection query works (development only; production turns introspection off)
 */
@ConfigurationProperties("platform.limits")
public record LimitsProperties(@DefaultValue("12") int maxDepth, @DefaultValue("50000") int maxCost,
		@DefaultValue("5") int defaultListSize, @DefaultValue("30") int maxAliases,
		@DefaultValue("10") int maxRepeatedFields, @DefaultValue("20") int maxDirectives,
		@DefaultValue("5000") int maxTokens, @DefaultValue("65536") long maxBodyBytes,
		@DefaultValue("15s") Duration requestTimeout, @DefaultValue("true") boolean introspectionExempt) {
}
