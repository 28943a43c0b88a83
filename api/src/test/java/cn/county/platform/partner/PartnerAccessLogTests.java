package cn.county.platform.partner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.county.platform.common.Digests;
import cn.county.platform.common.Masks;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdService;
import cn.county.platform.security.Caller;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.KeycloakServer;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every partner request that reached household data leaves a row in the access log,
 * whichever way it ends, and a partner gets no data whose row could not be written.
 * <p>
 * Partners hold no write role, so no real mutation of theirs succeeds and none is ever
 * stored for replay; this context adds one test-only mutation a partner may run
 * ({@code partnerTouch}, a household by code) to show that a stored answer's replay is
 * logged too. It also adds a MyBatis plugin that breaks one named statement on demand,
 * standing for a database that refuses that write. Both live only in this class's own
 * application context.
 */
@Import(PartnerAccessLogTests.Wiring.class)
class PartnerAccessLogTests extends AbstractPlatformTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String APPROVE = "mutation($p: String!, $f: [String!]!) { setPartnerApprovedFields(input: {partnerId: $p, fields: $f}) { partnerId fields } }";

	private static final String LOOKUP = "query partnerLookup($code: String!, $idNumber: String!, $phone: String!) { householdByCode(code: $code) { id code phone } byIdNumber: householdByCode(code: $idNumber) { id } byPhone: householdByCode(code: $phone) { id } }";

	private static final String TOUCH = "mutation touch($code: String!) { partnerTouch(code: $code) { id code phone } }";

	private static final String PARTNER = "partner-insurer";

	@Autowired
	StatementBreaker breaker;

	Map<String, Object> household;

	@BeforeEach
	void setUp() {
		this.admin.document(APPROVE)
			.variable("p", PARTNER)
			.variable("f", List.of("Household.id", "Household.code", "Household.phone"))
			.execute()
			.errors()
			.verify();
		this.household = this.jdbc.queryForMap(
				"SELECT id, code, phone, head_id_number FROM household WHERE phone IS NOT NULL ORDER BY code LIMIT 1 OFFSET 3");
	}

	@AfterEach
	void mend() {
		this.breaker.mend();
	}

	@Test
	void theLogRowNamesTheDocumentByItsHashAndKeepsTheVariablesMasked() {
		String idNumber = (String) this.household.get("head_id_number");
		String phone = (String) this.household.get("phone");
		partner().document(LOOKUP)
			.variable("code", this.household.get("code"))
			.variable("idNumber", idNumber)
			.variable("phone", phone)
			.execute()
			.path("householdByCode.code")
			.entity(String.class)
			.isEqualTo((String) this.household.get("code"));
		Map<String, Object> row = newestRows(1).get(0);
		assertThat(row.get("document_hash")).isEqualTo(Digests.sha256Hex(LOOKUP));
		assertThat(row.get("household_ids")).isEqualTo(this.household.get("id").toString());
		assertThat(row.get("outcome")).isEqualTo("ANSWERED");
		String variables = (String) row.get("variables");
		assertThat(variables).doesNotContain(idNumber, phone, (String) this.household.get("code"))
			.contains(Masks.keepEnds(idNumber, 2, 2), Masks.keepEnds(phone, 2, 2), "\"idNumber\"");
		// and the county reads both through the API
		this.admin.document(
				"query($p: String) { partnerAccessLog(partnerId: $p, first: 1) { edges { node { operation documentHash variables outcome householdIds } } } }")
			.variable("p", PARTNER)
			.execute()
			.path("partnerAccessLog.edges[0].node")
			.entity(Map.class)
			.satisfies((entry) -> {
				assertThat(entry.get("operation")).isEqualTo("partnerLookup");
				assertThat(entry.get("documentHash")).isEqualTo(Digests.sha256Hex(LOOKUP));
				assertThat(entry.get("variables")).isEqualTo(variables);
				assertThat(entry.get("outcome")).isEqualTo("ANSWERED");
				assertThat((List<Object>) entry.get("householdIds"))
					.containsExactly(this.household.get("id").toString());
			});
	}

	@Test
	void aReplayedAnswerIsLoggedWithTheSameHouseholdsAsTheFirst() {
		String key = "touch-" + UUID.randomUUID();
		HttpGraphQlTester keyed = partner().mutate().header("Idempotency-Key", key).build();
		long before = logged();
		GraphQlTester.Response first = keyed.document(TOUCH).variable("code", this.household.get("code")).execute();
		first.path("partnerTouch.code").entity(String.class).isEqualTo((String) this.household.get("code"));
		GraphQlTester.Response second = keyed.document(TOUCH).variable("code", this.household.get("code")).execute();
		second.path("partnerTouch.code").entity(String.class).isEqualTo((String) this.household.get("code"));
		assertThat(second.returnResponse().getExtensions()).containsEntry("idempotentReplay", true);

		assertThat(logged()).isEqualTo(before + 2);
		List<Map<String, Object>> rows = newestRows(2);
		assertThat(rows).extracting((row) -> row.get("outcome")).containsExactly("REPLAYED", "ANSWERED");
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get("household_ids")).isEqualTo(this.household.get("id").toString());
			assertThat((String) row.get("fields")).contains("Household.code", "Household.phone");
			assertThat(row.get("operation")).isEqualTo("touch");
			assertThat(row.get("document_hash")).isEqualTo(Digests.sha256Hex(TOUCH));
		});
	}

	@Test
	void aKeyedRequestThatFailsAfterReadingIsLoggedAndStillFails() throws Exception {
		String key = "touch-fails-" + UUID.randomUUID();
		long before = logged();
		this.breaker.breakStatement("IdempotencyMapper.storeResponse");
		HttpResponse<String> response = post(key,
				Map.of("query", TOUCH, "variables", Map.of("code", this.household.get("code"))));
		assertThat(response.body()).doesNotContain((String) this.household.get("code"));
		assertThat(hasData(response)).as(response.body()).isFalse();

		assertThat(logged()).isEqualTo(before + 1);
		Map<String, Object> row = newestRows(1).get(0);
		assertThat(row.get("outcome")).isEqualTo("FAILED");
		assertThat(row.get("household_ids")).isEqualTo(this.household.get("id").toString());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", Long.class, key))
			.as("the failed request stored nothing, so its retry runs again")
			.isZero();
	}

	@Test
	void aPartnerWhoseReadCannotBeLoggedGetsNoData() throws Exception {
		long before = logged();
		this.breaker.breakStatement("PartnerMapper.insertAccess");
		partner().document(LOOKUP)
			.variable("code", this.household.get("code"))
			.variable("idNumber", "-")
			.variable("phone", "-")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("classification", "UNAVAILABLE")))
			.path("householdByCode")
			.pathDoesNotExist();
		HttpResponse<String> raw = post(null, Map.of("query", LOOKUP, "variables",
				Map.of("code", this.household.get("code"), "idNumber", "-", "phone", "-")));
		assertThat(raw.body()).doesNotContain((String) this.household.get("code"),
				(String) this.household.get("phone"));
		assertThat(hasData(raw)).as(raw.body()).isFalse();
		assertThat(logged()).isEqualTo(before);

		this.breaker.mend();
		partner().document(LOOKUP)
			.variable("code", this.household.get("code"))
			.variable("idNumber", "-")
			.variable("phone", "-")
			.execute()
			.path("householdByCode.code")
			.entity(String.class)
			.isEqualTo((String) this.household.get("code"));
		assertThat(logged()).isEqualTo(before + 1);
	}

	private HttpGraphQlTester partner() {
		return this.clients.asClient(PARTNER, "partner-insurer-dev-secret");
	}

	private long logged() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM partner_access_log WHERE partner_id = ?", Long.class,
				PARTNER);
	}

	private List<Map<String, Object>> newestRows(int count) {
		return this.jdbc.queryForList("SELECT * FROM partner_access_log WHERE partner_id = ? "
				+ "ORDER BY accessed_at DESC, id DESC LIMIT " + count, PARTNER);
	}

	private static boolean hasData(HttpResponse<String> response) {
		try {
			JsonNode json = JSON.readTree(response.body());
			return json.has("data") && !json.get("data").isNull();
		}
		catch (RuntimeException notJson) {
			return false;
		}
	}

	private HttpResponse<String> post(String key, Map<String, Object> body) throws Exception {
		String token = KeycloakServer.shared().clientCredentialsToken(PARTNER, "partner-insurer-dev-secret");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.clients.url()))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Wiring {

		private static final String SCHEMA = """
				extend type Mutation {
				  "Test only: a mutation a partner may run, answering with the household of this code."
				  partnerTouch(code: String!): Household
				}
				""";

		@Bean
		GraphQlSourceBuilderCustomizer partnerTouchSchema() {
			return (builder) -> builder
				.schemaResources(new ByteArrayResource(SCHEMA.getBytes(StandardCharsets.UTF_8), "partner-touch"));
		}

		@Bean
		PartnerTouchController partnerTouchController(HouseholdService households) {
			return new PartnerTouchController(households);
		}

		@Bean
		StatementBreaker statementBreaker() {
			return new StatementBreaker();
		}

	}

	@Controller
	static class PartnerTouchController {

		private final HouseholdService households;

		PartnerTouchController(HouseholdService households) {
			this.households = households;
		}

		@MutationMapping
		Household partnerTouch(@Argument String code, @AuthenticationPrincipal Caller caller) {
			return this.households.byCode(caller, code);
		}

	}

	/**
	 * Fails every write through one mapped statement while armed, as a database refusing
	 * that write would.
	 */
	@Intercepts(@Signature(type = Executor.class, method = "update", args = { MappedStatement.class, Object.class }))
	static class StatementBreaker implements Interceptor {

		private volatile String broken;

		void breakStatement(String statement) {
			this.broken = statement;
		}

		void mend() {
			this.broken = null;
		}

		@Override
		public Object intercept(Invocation invocation) throws Throwable {
			MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
			String broken = this.broken;
			if (broken != null && statement.getId().endsWith(broken)) {
				throw new SQLTransientConnectionException("test: " + statement.getId() + " refused");
			}
			return invocation.proceed();
		}

	}

}
