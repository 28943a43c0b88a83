package cn.county.platform.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.KeycloakServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retried writes happen once; every write leaves an audit entry with the state before and
 * after.
 */
class IdempotencyAndAuditTests extends AbstractPlatformTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CREATE = "mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id code version } } }";

	@Test
	void concurrentReplaysOfOneKeyWriteOneHouseholdAndAllGetTheFirstAnswer() throws Exception {
		String token = KeycloakServer.shared().passwordToken("county.admin");
		Map<String, Object> input = Fixtures.household();
		String body = JSON.writeValueAsString(Map.of("query", CREATE, "variables", Map.of("input", input)));
		String key = "create-" + UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<JsonNode>> answers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answers.add(pool.submit((Callable<JsonNode>) () -> JSON.readTree(post(token, key, body).body())));
		}
		List<String> ids = new ArrayList<>();
		int replays = 0;
		for (Future<JsonNode> answer : answers) {
			JsonNode json = answer.get();
			assertThat(json.has("errors")).as(json.toString()).isFalse();
			ids.add(json.at("/data/createHousehold/household/id").asString());
			if (json.at("/extensions/idempotentReplay").asBoolean(false)) {
				replays++;
			}
		}
		pool.shutdown();
		assertThat(ids).containsOnly(ids.get(0));
		assertThat(replays).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE code = ?", Long.class,
				input.get("code")))
			.isEqualTo(1);
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE idempotency_key = ?", Long.class, key))
			.isEqualTo(1);
	}

	@Test
	void aKeyReusedForAnotherRequestIsAConflictAndWritesNothing() throws Exception {
		String token = KeycloakServer.shared().passwordToken("county.admin");
		String key = "reuse-" + UUID.randomUUID();
		Map<String, Object> first = Fixtures.household();
		Map<String, Object> second = Fixtures.household();
		post(token, key, JSON.writeValueAsString(Map.of("query", CREATE, "variables", Map.of("input", first))));
		JsonNode refused = JSON.readTree(
				post(token, key, JSON.writeValueAsString(Map.of("query", CREATE, "variables", Map.of("input", second))))
					.body());
		assertThat(refused.at("/errors/0/extensions/classification").asString()).isEqualTo("CONFLICT");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE code = ?", Long.class,
				second.get("code")))
			.isZero();
	}

	@Test
	void aFailedWriteKeepsNoKeySoTheCorrectedRetrySucceeds() throws Exception {
		String token = KeycloakServer.shared().passwordToken("county.admin");
		String key = "retry-" + UUID.randomUUID();
		Map<String, Object> bad = Fixtures.with(Fixtures.household(), "incomePerCapita", -1);
		JsonNode refused = JSON.readTree(
				post(token, key, JSON.writeValueAsString(Map.of("query", CREATE, "variables", Map.of("input", bad))))
					.body());
		assertThat(refused.at("/errors/0/extensions/field").asString()).isEqualTo("input.incomePerCapita");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", Long.class, key))
			.isZero();
	}

	@Test
	void everyKindOfWriteLeavesAnAuditEntryWithBeforeAndAfter() {
		var admin = this.admin;
		long id = Fixtures.createHousehold(admin).id();
		admin.documentName("updateHousehold")
			.fragmentName("householdFields")
			.variable("input", Map.of("id", id, "address", "审计村1号"))
			.execute()
			.errors()
			.verify();
		admin.documentName("identifyMonitoredHousehold")
			.fragmentName("householdFields")
			.variable("input",
					Map.of("householdId", id, "monitoring", Fixtures.monitoring("SUDDEN_HARDSHIP", "DISASTER")))
			.execute()
			.errors()
			.verify();
		List<Map<String, Object>> entries = this.jdbc.queryForList(
				"SELECT operation, actor, before_state, after_state FROM audit_log WHERE entity_type = 'Household' AND entity_id = ? ORDER BY occurred_at, id",
				id);
		assertThat(entries).extracting((entry) -> entry.get("operation"))
			.containsExactly("createHousehold", "updateHousehold", "identifyMonitoredHousehold");
		assertThat(entries).allSatisfy((entry) -> assertThat(entry.get("actor")).isEqualTo("county.admin"));
		assertThat(entries.get(0).get("before_state")).isNull();
		assertThat((String) entries.get(1).get("before_state")).contains("北街村3组12号");
		assertThat((String) entries.get(1).get("after_state")).contains("审计村1号");
		assertThat((String) entries.get(2).get("after_state")).contains("MONITORED");
		admin.document(
				"query($id: ID) { auditLog(entityType: \"Household\", entityId: $id, first: 5) { edges { node { operation before after } } } }")
			.variable("id", id)
			.execute()
			.path("auditLog.edges[*].node.operation")
			.entityList(String.class)
			.containsExactly("identifyMonitoredHousehold", "updateHousehold", "createHousehold");
	}

	@Test
	void jobAndTrainingWritesAreAuditedToo() {
		var hrss = this.clients.hrssOfficer();
		long householdId = Fixtures.createHousehold(this.admin).id();
		long head = this.jdbc.queryForObject("SELECT id FROM member WHERE household_id = ? AND relation = 'HEAD'",
				Long.class, householdId);
		long jobId = hrss.document("mutation($i: RecordJobInput!) { recordJob(input: $i) { job { id } } }")
			.variable("i",
					Map.of("memberId", head, "type", "LOCAL_ENTERPRISE", "employer", "县食品厂", "place", "本县", "startDate",
							"2023-03-01", "monthlyIncome", 3000))
			.execute()
			.path("recordJob.job.id")
			.entity(Long.class)
			.get();
		hrss.document("mutation($i: RecordTrainingInput!) { recordTraining(input: $i) { training { id } } }")
			.variable("i", Map.of("memberId", head, "course", "面点", "provider", "县职教中心", "startDate", "2023-02-01"))
			.execute()
			.errors()
			.verify();
		assertThat(this.jdbc.queryForList(
				"SELECT CONCAT(operation, ':', actor) FROM audit_log WHERE entity_type IN ('Job', 'Training') AND (entity_id = ? OR after_state LIKE ?)",
				String.class, jobId, "%\"memberId\":" + head + "%"))
			.contains("recordJob:hrss.officer", "recordTraining:hrss.officer");
	}

	@Test
	void theAuditLogPagesNewestFirstWithoutGapsOrRepeats() {
		var admin = this.admin;
		for (int i = 0; i < 3; i++) {
			Fixtures.createHousehold(admin);
		}
		List<String> expected = this.jdbc
			.queryForList("SELECT id FROM audit_log ORDER BY occurred_at DESC, id DESC LIMIT 6", Long.class)
			.stream()
			.map(String::valueOf)
			.toList();
		String page = "query($after: String) { auditLog(first: 2, after: $after) { pageInfo { endCursor } edges { node { id } } } }";
		List<String> seen = new ArrayList<>();
		String after = null;
		for (int i = 0; i < 3; i++) {
			var response = admin.document(page).variable("after", after).execute();
			seen.addAll(response.path("auditLog.edges[*].node.id").entityList(String.class).get());
			after = response.path("auditLog.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(seen).containsExactlyElementsOf(expected);
	}

	@Test
	void onlyCountyAdminsReadTheAuditLogAndNobodyCanChangeIt() {
		this.clients.townOfficial()
			.document("{ auditLog { edges { node { id } } } }")
			.execute()
			.errors()
			.satisfy(
					(errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		this.admin.document("mutation { deleteAuditEntry(id: 1) }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getMessage()).contains("deleteAuditEntry"));
	}

	private HttpResponse<String> post(String token, String key, String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.clients.url()))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
