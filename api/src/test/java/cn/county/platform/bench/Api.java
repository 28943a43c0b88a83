package cn.county.platform.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API over HTTP, as a client sees it: GraphQL posts with a bearer token, and the
 * actuator's counters.
 */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	Api(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * A GraphQL request body: the document (or null for a persisted query), variables and
	 * extensions.
	 */
	static String body(String query, Map<String, Object> variables, Map<String, Object> extensions) {
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
		if (query != null) {
			body.put("query", query);
		}
		if (variables != null) {
			body.put("variables", variables);
		}
		if (extensions != null) {
			body.put("extensions", extensions);
		}
		return JSON.writeValueAsString(body);
	}

	HttpResponse<String> post(String token, String body, Duration timeout) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
			.timeout(timeout)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A success: HTTP 200 and no {@code errors} in the answer (a refused field counts as
	 * an error too).
	 */
	static boolean ok(HttpResponse<String> response) {
		return response.statusCode() == 200 && !response.body().contains("\"errors\"");
	}

	/**
	 * Posts and returns the parsed answer, failing on any error: for setting a scenario
	 * up.
	 */
	JsonNode query(String token, String query, Map<String, Object> variables) throws Exception {
		HttpResponse<String> response = post(token, body(query, variables, null), Duration.ofSeconds(60));
		if (!ok(response)) {
			throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * The counter of SQL statements the API has sent ({@code platform.sql.statements}).
	 */
	long sqlStatements(String token) throws Exception {
		return (long) metric(token, "platform.sql.statements", null);
	}

	/**
	 * A metric's first measurement, optionally one statistic of it (MAX, VALUE, COUNT
	 * ...).
	 */
	double metric(String token, String name, String tag) throws Exception {
		String url = this.baseUrl + "/actuator/metrics/" + name + ((tag != null) ? "?tag=" + tag : "");
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body()).at("/measurements/0/value").asDouble();
	}

	boolean healthy() {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/actuator/health"))
				.timeout(Duration.ofSeconds(2))
				.GET()
				.build();
			return this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
