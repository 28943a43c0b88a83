package cn.county.platform.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.KeycloakServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency keys guard mutations only, and only for the retention: a query with a key
 * is refused, an expired key is new again, and the purge deletes exactly the expired
 * keys, once across racing instances.
 */
class IdempotencyExpiryAndScopeTests extends AbstractPlatformTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CREATE = "mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id code } } }";

	@Autowired
	IdempotencyPurge purge;

	@Autowired
	IdempotencyMapper keys;

	@Test
	void aQueryWithAKeyIsRefusedNamingTheHeaderAndNothingIsStored() throws Exception {
		String token = KeycloakServer.shared().passwordToken("county.admin");
		String key = "query-" + UUID.randomUUID();
		JsonNode refused = post(token, key, Map.of("query", "{ households(first: 1) { totalCount } }"));
		assertThat(refused.has("data") && !refused.get("data").isNull()).as(refused.toString()).isFalse();
		assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(refused.at("/errors/0/extensions/field").asString()).isEqualTo("Idempotency-Key");
		assertThat(stored(key)).isZero();
	}

	@Test
	void theOperationNameDecidesWhichOperationOfTheDocumentTheKeyMeets() throws Exception {
		String token = KeycloakServer.shared().passwordToken("county.admin");
		Map<String, Object> input = Fixtures.household();
		String document = "query count { households(first: 1) { totalCount } } "
				+ CREATE.replace("mutation(", "mutation create(");
		String queryKey = "named-query-" + UUID.randomUUID();
		JsonNode refused = post(token, queryKey,
				Map.of("query", document, "operationName", "count", "variables", Map.of("input", input)));
		assertThat(refused.at("/errors/0/extensions/field").asString()).as(refused.toString())
			.isEqualTo("Idempotency-Key");
		assertThat(stored(queryKey)).isZero();

		String mutationKey = "named-mutation-" + UUID.randomUUID();
		JsonNode created = post(token, mutationKey,
				Map.of("query", document, "operationName", "create", "variables", Map.of("input", input)));
		assertThat(created.has("errors")).as(created.toString()).isFalse();
		assertThat(created.at("/data/createHousehold/household/code").asString()).isEqualTo(input.get("code"));
		assertThat(stored(mutationKey)).isOne();
	}

	@Test
	void anExpiredKeyIsAcceptedAsNewWhileAFreshOneStillReplays() throws Exception {
		String token = KeycloakServer.shared().passwordToken("county.admin");
		String key = "expiry-" + UUID.randomUUID();
		Map<String, Object> first = Fixtures.household();
		Map<String, Object> second = Fixtures.household();
		JsonNode created = post(token, key, Map.of("query", CREATE, "variables", Map.of("input", first)));
		assertThat(created.has("errors")).as(created.toString()).isFalse();
		JsonNode conflict = post(token, key, Map.of("query", CREATE, "variables", Map.of("input", second)));
		assertThat(conflict.at("/errors/0/extensions/classification").asString()).isEqualTo("CONFLICT");

		// 25 hours old: past the default retention of 24 hours
		this.jdbc.update(
				"UPDATE idempotency_key SET created_at = CURRENT_TIMESTAMP(3) - INTERVAL 25 HOUR WHERE idem_key = ?",
				key);
		JsonNode accepted = post(token, key, Map.of("query", CREATE, "variables", Map.of("input", second)));
		assertThat(accepted.has("errors")).as(accepted.toString()).isFalse();
		assertThat(accepted.at("/extensions/idempotentReplay").asBoolean(false)).isFalse();
		assertThat(accepted.at("/data/createHousehold/household/code").asString()).isEqualTo(second.get("code"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE code IN (?, ?)", Long.class,
				first.get("code"), second.get("code")))
			.isEqualTo(2);
		// and the key now guards the second write: its retry replays it
		JsonNode replayed = post(token, key, Map.of("query", CREATE, "variables", Map.of("input", second)));
		assertThat(replayed.at("/extensions/idempotentReplay").asBoolean(false)).as(replayed.toString()).isTrue();
		assertThat(replayed.at("/data/createHousehold/household/id").asString())
			.isEqualTo(accepted.at("/data/createHousehold/household/id").asString());
	}

	@Test
	void thePurgeDeletesExactlyTheExpiredKeysInBoundedBatches() {
		this.purge.purgeExpired(); // what other tests left expired, so the counts below
									// are this test's rows
		String caller = "purge-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 5; i++) {
			insertKey(caller, "old-" + i, 25 * 60);
		}
		insertKey(caller, "fresh-0", 23 * 60);
		insertKey(caller, "fresh-1", 0);

		// batches of 2, at most 2 batches per run: 4 of the 5 go, the fifth waits for the
		// next run
		IdempotencyPurge bounded = new IdempotencyPurge(this.keys,
				new IdempotencyProperties(Duration.ofHours(24), "-", 2, 2));
		assertThat(bounded.purgeExpired()).isEqualTo(4);
		assertThat(keysOf(caller)).hasSize(3).contains("fresh-0", "fresh-1");

		assertThat(this.purge.purgeExpired()).isOne();
		assertThat(keysOf(caller)).containsExactlyInAnyOrder("fresh-0", "fresh-1");
	}

	@Test
	void twoRacingScheduledPurgesRunOnce() throws Exception {
		assertThat(AopUtils.isAopProxy(this.purge)).as("the purge bean carries the ShedLock advice").isTrue();
		// start from a free lock (a run in this JVM may have left it held for its
		// lockAtLeastFor)
		this.jdbc.update("DELETE FROM shedlock WHERE name = ?", IdempotencyPurge.LOCK);
		String caller = "race-" + UUID.randomUUID().toString().substring(0, 8);
		insertKey(caller, "old", 25 * 60);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Optional<Integer>>> runs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			runs.add(pool.submit(() -> {
				start.await();
				return this.purge.purgeOnSchedule();
			}));
		}
		start.countDown();
		List<Optional<Integer>> results = new ArrayList<>();
		for (Future<Optional<Integer>> run : runs) {
			results.add(run.get());
		}
		pool.shutdown();
		assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
		assertThat(results).filteredOn(Optional::isEmpty).hasSize(1);
		assertThat(keysOf(caller)).isEmpty();
		// the lock is held past the run (lockAtLeastFor), so a third call right after is
		// skipped as well
		assertThat(this.purge.purgeOnSchedule()).isEmpty();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM shedlock WHERE name = ? AND lock_until > CURRENT_TIMESTAMP(3)", Long.class,
				IdempotencyPurge.LOCK))
			.isOne();
	}

	private void insertKey(String caller, String key, int minutesOld) {
		this.jdbc.update(
				"INSERT INTO idempotency_key (caller, idem_key, request_hash, response, created_at) "
						+ "VALUES (?, ?, ?, '{}', CURRENT_TIMESTAMP(3) - INTERVAL ? MINUTE)",
				caller, key, "0".repeat(64), minutesOld);
	}

	private List<String> keysOf(String caller) {
		return this.jdbc.queryForList("SELECT idem_key FROM idempotency_key WHERE caller = ?", String.class, caller);
	}

	private long stored(String key) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", Long.class, key);
	}

	private JsonNode post(String token, String key, Map<String, Object> body) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url()))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new HashMap<>(body))))
				.build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

}
