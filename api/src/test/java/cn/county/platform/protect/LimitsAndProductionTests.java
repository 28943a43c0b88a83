package cn.county.platform.protect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each limit with tight test values: just under passes, just over is refused with an
 * error naming the limit, before any SQL. Runs in the production profile, which also
 * hides everything an attacker could map the API with.
 */
@ActiveProfiles("prod")
@TestPropertySource(properties = { "platform.limits.max-depth=6", "platform.limits.max-cost=300",
		"platform.limits.max-aliases=3", "platform.limits.max-repeated-fields=3", "platform.limits.max-directives=2",
		"platform.limits.max-tokens=120", "platform.limits.max-body-bytes=3000", "platform.limits.request-timeout=4s",
		"platform.limits.max-response-bytes=40000", "platform.test.slow-fields=true",
		// the production profile refuses to start without the key that seals cursors
		"platform.cursors.keys=ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=" })
@ExtendWith(OutputCaptureExtension.class)
class LimitsAndProductionTests extends AbstractPlatformTests {

	@org.springframework.beans.factory.annotation.Autowired
	cn.county.platform.common.SqlStatementCounter statements;

	/**
	 * {@code loans(first: 1) { edges { node { household { village { town { code } } } } }
	 * } }, cut to {@code depth} fields deep: one row at every level, so the depth alone
	 * is at stake (a path through {@code Town.villages} now costs what its villages
	 * return, and the cost limit of this test refuses it first).
	 */
	private static String deep(int depth) {
		List<String> path = List.of("loans(first: 1)", "edges", "node", "household", "village", "town");
		StringBuilder open = new StringBuilder("{");
		StringBuilder close = new StringBuilder("}");
		for (String field : path.subList(0, depth - 1)) {
			open.append(' ').append(field).append(" {");
			close.append(" }");
		}
		return open.append(" code ").append(close).toString();
	}

	@Test
	void depthJustUnderPassesAndJustOverIsRefused() {
		this.admin.document(deep(6)).execute().errors().verify();
		assertRefused(() -> this.admin.document(deep(7)).execute(), "maxDepth");
	}

	@Test
	void costJustUnderPassesAndJustOverIsRefused() {
		// households(1) + edges(1) + first x (node + fields): 2 + 29 x (1 + 9) = 292,
		// then 2 + 30 x 10 = 302
		String fields = "id code address headName category incomePerCapita incomeYear version receivesPolicySupport";
		this.admin.document("{ households(first: 29) { edges { node { " + fields + " } } } }")
			.execute()
			.errors()
			.verify();
		assertRefused(
				() -> this.admin.document("{ households(first: 30) { edges { node { " + fields + " } } } }").execute(),
				"maxCost");
	}

	@Test
	void aliasesRepeatsAndDirectivesAreCounted() {
		this.admin.document("{ a: towns { code } b: towns { code } c: towns { code } }").execute().errors().verify();
		assertRefused(
				() -> this.admin.document("{ a: towns { code } b: towns { code } c: towns { code } d: towns { code } }")
					.execute(),
				"maxAliases");
		this.admin.document("{ towns { code code code } }").execute().errors().verify();
		assertRefused(() -> this.admin.document("{ towns { code code code code } }").execute(), "maxRepeatedFields");
		this.admin.document("{ towns { code @include(if: true) name @skip(if: false) } }").execute().errors().verify();
		assertRefused(() -> this.admin
			.document(
					"{ towns { code @include(if: true) name @skip(if: false) villages @include(if: true) { code } } }")
			.execute(), "maxDirectives");
	}

	@Test
	void tooManyTokensAreRefusedByTheParser() {
		StringBuilder query = new StringBuilder("{ towns { code ");
		for (int i = 0; i < 130; i++) {
			query.append("name ");
		}
		this.admin.document(query.append("} }").toString()).execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getMessage()).contains("120").doesNotContain("cn.county", "java.");
		});
	}

	@Test
	void anOversizedBodyIs413AndABatchIs400() throws Exception {
		String token = KeycloakServer.shared().passwordToken("county.admin");
		String big = "{\"query\":\"{ towns { code } }\",\"variables\":{\"pad\":\"" + "x".repeat(3000) + "\"}}";
		assertThat(post(token, big).statusCode()).isEqualTo(413);
		HttpResponse<String> batch = post(token,
				"[{\"query\":\"{ towns { code } }\"},{\"query\":\"{ towns { name } }\"}]");
		assertThat(batch.statusCode()).isEqualTo(400);
		assertThat(batch.body()).contains("one operation per request");
	}

	@Test
	void productionHasNoIntrospectionNoSuggestionsAndNoInternals(CapturedOutput output) {
		this.admin.document("{ __schema { types { name } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).isNotEmpty());
		this.admin.document("{ househol { code } }").execute().errors().satisfy((errors) -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors.get(0).getMessage()).doesNotContainIgnoringCase("did you mean");
		});
		// an id that is not a number reaches Java code that cannot handle it: the answer
		// names no internals
		GraphQlTester.Response response = this.admin.document("{ household(id: \"not-a-number\") { code } }").execute();
		response.errors().satisfy((errors) -> {
			assertThat(errors).isNotEmpty();
			for (ResponseError error : errors) {
				assertThat(error.getMessage()).doesNotContain("cn.county", "java.", "Exception", "SELECT", "at org.");
				if ("INTERNAL_ERROR".equals(error.getExtensions().get("classification"))) {
					assertThat(output.getAll()).contains(error.getExtensions().get("errorId").toString());
				}
			}
		});
	}

	@Test
	void graphiqlIsOffInProduction() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.clients.port() + "/graphiql")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isIn(401, 404);
	}

	private HttpResponse<String> post(String token, String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url()))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Refused with an error naming the limit, and without a single SQL statement. */
	private void assertRefused(java.util.function.Supplier<GraphQlTester.Response> request, String limit) {
		long before = this.statements.count();
		GraphQlTester.Response response = request.get();
		response.errors().satisfy((errors) -> assertThat(errors).anySatisfy((ResponseError error) -> {
			assertThat(error.getExtensions()).containsEntry("limit", limit)
				.containsEntry("classification", "BAD_REQUEST");
		}));
		assertThat(this.statements.count()).as("SQL statements").isEqualTo(before);
	}

}
