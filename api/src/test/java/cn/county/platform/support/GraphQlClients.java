package cn.county.platform.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One {@link HttpGraphQlTester} per demo user, each sending a real access token fetched from the test Keycloak,
 * over real HTTP to the application on its random port.
 */
public final class GraphQlClients {

	private final String url;

	private final Map<String, HttpGraphQlTester> testers = new ConcurrentHashMap<>();

	public GraphQlClients(int port) {
		this.url = "http://localhost:" + port + "/graphql";
	}

	public String url() {
		return this.url;
	}

	/** As a demo user (password {@code demo}), through the {@code county-cli} client. */
	public HttpGraphQlTester as(String username) {
		return this.testers.computeIfAbsent(username,
				(name) -> withToken(KeycloakServer.shared().passwordToken(name)));
	}

	/** As a partner's service account (client credentials). */
	public HttpGraphQlTester asClient(String clientId, String secret) {
		return this.testers.computeIfAbsent("client:" + clientId,
				(name) -> withToken(KeycloakServer.shared().clientCredentialsToken(clientId, secret)));
	}

	public HttpGraphQlTester withToken(String token) {
		WebTestClient client = WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl(this.url)
			.responseTimeout(Duration.ofSeconds(60))
			.defaultHeader("Authorization", "Bearer " + token)
			// dashboard breakdowns over every village run to megabytes
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
		return HttpGraphQlTester.create(client);
	}

}
