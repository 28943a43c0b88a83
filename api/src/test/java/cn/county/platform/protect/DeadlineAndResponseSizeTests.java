package cn.county.platform.protect;

import cn.county.platform.support.AbstractPlatformTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request may take while it runs: the deadline (4 s here) stops slow SQL and slow
 * fields within a second of it, an over-large answer (over 40,000 bytes here) is replaced
 * by an error naming the limit, and a list longer than its declared bound is cut to it.
 * The slow and large fields are test-only ({@link SlowFieldsConfiguration}); the context
 * is the one of {@link LimitsAndProductionTests} (same profile and properties), so no
 * extra start-up.
 */
@ActiveProfiles("prod")
@TestPropertySource(properties = { "platform.limits.max-depth=6", "platform.limits.max-cost=300",
		"platform.limits.max-aliases=3", "platform.limits.max-repeated-fields=3", "platform.limits.max-directives=2",
		"platform.limits.max-tokens=120", "platform.limits.max-body-bytes=3000", "platform.limits.request-timeout=4s",
		"platform.limits.max-response-bytes=40000", "platform.test.slow-fields=true",
		// the production profile refuses to start without the key that seals cursors; the
		// same properties as
		// LimitsAndProductionTests, so the two share one context
		"platform.cursors.keys=ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=" })
class DeadlineAndResponseSizeTests extends AbstractPlatformTests {

	static final long TIMEOUT_MS = 4000;

	@BeforeEach
	void setUp() {
		// a first request, so the timings below do not include the warm-up of a fresh
		// context
		this.admin.document("{ padding(count: 1, size: 1) }").execute().errors().verify();
	}

	@Test
	void aSlowStatementIsCancelledAtTheDeadline() {
		long start = System.nanoTime();
		GraphQlTester.Response response = this.admin.document("{ slowSql(seconds: 30) }").execute();
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertStoppedByTheDeadline(response, millis);
		// and the database is not still sleeping for it
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM information_schema.processlist" + " WHERE info LIKE 'SELECT SLEEP%'",
				Integer.class))
			.isZero();
	}

	@Test
	void slowFieldsStopAtTheDeadline() throws InterruptedException {
		// 100 fields of 100 ms each: 10 s of fetching, one after the other
		int before = SlowFieldsConfiguration.ticksFetched.get();
		long start = System.nanoTime();
		GraphQlTester.Response response = this.admin.document("{ slowTicks(count: 100, millis: 100) { value } }")
			.execute();
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertStoppedByTheDeadline(response, millis);
		int fetched = SlowFieldsConfiguration.ticksFetched.get() - before;
		assertThat(fetched).isLessThan(100);
		Thread.sleep(500);
		assertThat(SlowFieldsConfiguration.ticksFetched.get() - before).as("fields fetched after the answer")
			.isEqualTo(fetched);
	}

	private static void assertStoppedByTheDeadline(GraphQlTester.Response response, long millis) {
		// a running statement is cancelled a moment early (the cancel itself takes a
		// connection handshake)
		assertThat(millis).as("wall time, ms")
			.isGreaterThanOrEqualTo(TIMEOUT_MS - StatementDeadline.CANCEL_LEAD_MILLIS)
			.isLessThan(TIMEOUT_MS + 1000);
		response.errors().satisfy((errors) -> {
			assertThat(errors).isNotEmpty().allSatisfy((error) -> assertThat(error.getMessage()).isNotBlank());
			assertThat(errors)
				.anySatisfy((error) -> assertThat(error.getExtensions()).containsEntry("limit", "requestTimeout")
					.containsEntry("classification", "UNAVAILABLE"));
		});
	}

	@Test
	void anOverLargeAnswerIsReplacedByAnErrorNamingTheLimit() {
		// 100 strings of 1,000 characters: about 100 kB, little cost
		GraphQlTester.Response response = this.admin.document("{ padding(count: 100, size: 1000) }").execute();
		response.errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			ResponseError error = errors.get(0);
			assertThat(error.getMessage()).contains("40000 bytes");
			assertThat(error.getExtensions()).containsEntry("limit", "maxResponseBytes")
				.containsEntry("allowed", 40000);
		});
		response.path("padding").pathDoesNotExist();
		// just under the limit passes whole
		this.admin.document("{ padding(count: 30, size: 1000) }")
			.execute()
			.errors()
			.verify()
			.path("padding")
			.entityList(String.class)
			.hasSize(30);
	}

	@Test
	void aListLongerThanItsBoundIsCutWithAnError() {
		GraphQlTester.Response response = this.admin.document("{ padding(count: 150, size: 1) }").execute();
		response.errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getMessage()).contains("Query.padding", "100");
			assertThat(errors.get(0).getExtensions()).containsEntry("limit", "listSize").containsEntry("allowed", 100);
			assertThat(errors.get(0).getPath()).isEqualTo("padding");
		});
		response.path("padding").entityList(String.class).hasSize(100);
	}

}
