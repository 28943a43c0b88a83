package cn.county.platform.protect;

import cn.county.platform.common.RequestPipeline;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Per request: the parser's token budget (graphql-java reads it from the GraphQL context,
 * and stops parsing past it) and the deadline after which
 * {@link QueryLimitsInstrumentation} stops fetching and {@link StatementDeadline} cancels
 * SQL.
 */
@Component
@Order(RequestPipeline.PROTECTION_INTERCEPTOR)
class ProtectionInterceptor implements WebGraphQlInterceptor {

	private final LimitsProperties limits;

	private final ParserOptions parserOptions;

	ProtectionInterceptor(LimitsProperties limits) {
		this.limits = limits;
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform((options) -> options.maxTokens(limits.maxTokens())
				.maxWhitespaceTokens(limits.maxTokens() * 4)
				.maxCharacters((int) Math.min(Integer.MAX_VALUE, limits.maxBodyBytes())));
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		RequestDeadline deadline = RequestDeadline.after(this.limits.requestTimeout());
		deadline.bindToRequest();
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(
				(context) -> context.put(ParserOptions.class, this.parserOptions).put(RequestDeadline.class, deadline))
			.build());
		return chain.next(request);
	}

}
