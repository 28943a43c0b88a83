package cn.county.platform.exchange.export;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Runs one page of an export as a GraphQL request through Spring for GraphQL's
 * {@link WebGraphQlHandler}, the handler behind {@code /graphql}: the same interceptors
 * (the caller and the partner access log, the request's deadline, the stored-answer
 * caches) and the same instrumentations (the field policy, masks, list rules, cost and
 * size limits) apply, in the same order, as for a client's request. It runs on the
 * export's own request thread, which carries the caller's security context and the
 * servlet request, as a {@code /graphql} request does.
 */
@Component
class GraphQlPages {

	/**
	 * Longer than any page may take: each page has the request deadline of a GraphQL
	 * request.
	 */
	private static final Duration WAIT = Duration.ofMinutes(5);

	private final WebGraphQlHandler handler;

	GraphQlPages(WebGraphQlHandler handler) {
		this.handler = handler;
	}

	/**
	 * The answer to one document, as {@code /graphql} would have given it to the same
	 * caller.
	 */
	Answer execute(HttpServletRequest request, String document, String operation, Map<String, Object> variables) {
		Map<String, Object> body = new HashMap<>();
		body.put("query", document);
		body.put("operationName", operation);
		body.put("variables", variables);
		WebGraphQlRequest graphQl = new WebGraphQlRequest(URI.create(request.getRequestURL().toString()),
				new HttpHeaders(), null, null, new HashMap<>(), body, UUID.randomUUID().toString(),
				request.getLocale());
		WebGraphQlResponse response = this.handler.handleRequest(graphQl).block(WAIT);
		if (response == null) {
			throw new ExportFailed("GraphQL gave no answer");
		}
		Map<String, Object> data = response.getExecutionResult().getData();
		return new Answer(data, response.getErrors());
	}

	/**
	 * What GraphQL answered: its data (null when it refused before executing) and its
	 * errors.
	 */
	record Answer(Map<String, Object> data, List<ResponseError> errors) {

		Object at(String field) {
			return (this.data != null) ? this.data.get(field) : null;
		}

	}

}
