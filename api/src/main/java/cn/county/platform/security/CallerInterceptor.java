package cn.county.platform.security;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Establishes who is asking once per request: puts an {@link AccessContext} into the GraphQL context, where the
 * field policy finds it on whatever thread a field is fetched, and after a partner's request writes what it read
 * to the access log. A failed log write fails the request: a partner gets no personal data that is not logged.
 */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

	private final PartnerAccess partners;

	CallerInterceptor(PartnerAccess partners) {
		this.partners = partners;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Caller caller = CallerAuthentication.current();
		if (caller == null) {
			return chain.next(request);
		}
		Set<String> approved = caller.has(Role.PARTNER) ? this.partners.approvedFields(caller.partnerId()) : Set.of();
		AccessContext access = new AccessContext(caller, approved);
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext((context) -> context.put(AccessContext.class, access))
			.build());
		return chain.next(request).map((response) -> {
			if (access.isPartner() && !access.fieldsRead().isEmpty()) {
				this.partners.logAccess(caller.partnerId(), access.operation(), access.householdIdsRead(),
						access.fieldsRead());
			}
			return response;
		});
	}

}
