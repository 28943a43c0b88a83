package cn.county.platform.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * The test harness's one way to call the API: one {@link HttpGraphQlTester} per role (per
 * demo user or partner client), built once per application context from one base tester,
 * each sending a real access token from the test Keycloak over real HTTP to the
 * application on its random port. A bean of every {@link PlatformTest} context; test
 * classes reach it through {@link AbstractPlatformTests#clients}.
 * <p>
 * A tester keeps its user's token and fetches a new one shortly before it expires, so a
 * tester built at the start of a long run still works at its end.
 */
public class GraphQlClients {

	/**
	 * Renew a token when less than this is left of its life, so no request leaves with a
	 * token about to expire.
	 */
	private static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

	private final Environment environment;

	private final Map<String, HttpGraphQlTester> testers = new ConcurrentHashMap<>();

	private volatile HttpGraphQlTester base;

	public GraphQlClients(Environment environment) {
		this.environment = environment;
	}

	/** The port the application listens on, known once its web server has started. */
	public int port() {
		return this.environment.getRequiredProperty("local.server.port", Integer.class);
	}

	public String url() {
		return "http://localhost:" + port() + "/graphql";
	}

	/** {@code county.admin}: the whole county, every field, every write. */
	public HttpGraphQlTester admin() {
		return as("county.admin");
	}

	/** {@code town.official}: the first demo town. */
	public HttpGraphQlTester townOfficial() {
		return as("town.official");
	}

	/** {@code town2.official}: the second demo town. */
	public HttpGraphQlTester otherTownOfficial() {
		return as("town2.official");
	}

	/** {@code village.cadre}: the first demo village; ID numbers masked. */
	public HttpGraphQlTester villageCadre() {
		return as("village.cadre");
	}

	/**
	 * {@code hrss.officer}: human resources and social security (jobs, trainings,
	 * certificates).
	 */
	public HttpGraphQlTester hrssOfficer() {
		return as("hrss.officer");
	}

	/** {@code finance.officer}: loans. */
	public HttpGraphQlTester financeOfficer() {
		return as("finance.officer");
	}

	/** {@code commerce.officer}: consumption-assistance sales. */
	public HttpGraphQlTester commerceOfficer() {
		return as("commerce.officer");
	}

	/** {@code dashboard.viewer}: aggregates only. */
	public HttpGraphQlTester dashboardViewer() {
		return as("dashboard.viewer");
	}

	/** The bank's service account. */
	public HttpGraphQlTester bank() {
		return asClient("partner-bank", "partner-bank-dev-secret");
	}

	/** The insurer's service account. */
	public HttpGraphQlTester insurer() {
		return asClient("partner-insurer", "partner-insurer-dev-secret");
	}

	/** As a demo user (password {@code demo}), through the {@code county-cli} client. */
	public HttpGraphQlTester as(String username) {
		return this.testers.computeIfAbsent(username,
				(name) -> renewing(() -> KeycloakServer.shared().passwordToken(name)));
	}

	/** As a partner's service account (client credentials). */
	public HttpGraphQlTester asClient(String clientId, String secret) {
		return this.testers.computeIfAbsent("client:" + clientId,
				(name) -> renewing(() -> KeycloakServer.shared().clientCredentialsToken(clientId, secret)));
	}

	/**
	 * A tester that sends exactly this token, expired, forged or short-lived as the test
	 * needs; not kept.
	 */
	public HttpGraphQlTester withToken(String token) {
		return base().mutate().header("Authorization", "Bearer " + token).build();
	}

	private HttpGraphQlTester renewing(Supplier<String> fetch) {
		Token token = new Token(fetch);
		ExchangeFilterFunction bearer = (request, next) -> Mono.fromCallable(token::value)
			.map((value) -> ClientRequest.from(request).headers((headers) -> headers.setBearerAuth(value)).build())
			.flatMap(next::exchange);
		return base().mutate().webTestClient((client) -> client.filter(bearer)).build();
	}

	private HttpGraphQlTester base() {
		HttpGraphQlTester tester = this.base;
		if (tester == null) {
			synchronized (this) {
				if (this.base == null) {
					WebTestClient client = WebTestClient.bindToServer(new JdkClientHttpConnector())
						.baseUrl(url())
						.responseTimeout(Duration.ofSeconds(60))
						// dashboard breakdowns over every village run to megabytes
						.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
						.build();
					this.base = HttpGraphQlTester.create(client);
				}
				tester = this.base;
			}
		}
		return tester;
	}

	/**
	 * One user's access token, fetched on first use and again when it is about to expire.
	 */
	private static final class Token {

		private final Supplier<String> fetch;

		private String value;

		private Instant expiry = Instant.MIN;

		Token(Supplier<String> fetch) {
			this.fetch = fetch;
		}

		synchronized String value() {
			if (Instant.now().plus(RENEW_BEFORE).isAfter(this.expiry)) {
				this.value = this.fetch.get();
				this.expiry = Instant.ofEpochSecond(KeycloakServer.expiry(this.value));
			}
			return this.value;
		}

	}

}
