package cn.county.platform.exchange.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.county.platform.protect.RateLimiter;
import cn.county.platform.support.DepartmentOfficers;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.KeycloakServer;
import cn.county.platform.support.AbstractPlatformTests;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports against the real servers, for every demo role: each file, parsed back (Commons
 * CSV, POI), holds exactly what the same GraphQL query answers that role over
 * {@code /graphql} (the same rows, the same masked values, the same columns left out
 * where a field is refused, the same refusal of a list refused whole), and every export
 * is audited, logged for partners like their GraphQL reads and held to its quota.
 * <p>
 * The oracle is independent of the exporter's own choice of columns: it asks
 * {@code me.fieldAccess} what the role may read and keeps the columns whose every field
 * along the path is readable (a field leading to household-level objects only where some
 * field of them is), then pages through {@code /graphql} with that document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTests extends AbstractPlatformTests {

	private static final String INSURER = "partner-insurer";

	/**
	 * Every field of households and members for the insurer but the phone, the cadre and
	 * health.
	 */
	private static final List<String> INSURER_FIELDS = List.of("Household.id", "Household.code", "Household.town",
			"Household.village", "Household.address", "Household.headName", "Household.headIdNumber",
			"Household.category", "Household.monitoringType", "Household.riskStatus", "Household.riskEliminatedOn",
			"Household.receivesPolicySupport", "Household.incomePerCapita", "Household.incomeYear",
			"Household.minimumAllowance", "Household.extremePoverty", "Household.identifiedVia",
			"Household.identifiedOn", "Household.members", "Member.id", "Member.householdId", "Member.name",
			"Member.idNumber", "Member.relation", "Member.gender", "Member.birthDate", "Member.schooling",
			"Member.labourCapacity", "Member.willingToWork", "Loan.bank", "Loan.amountIssued", "Loan.issuedOn",
			"Loan.status", "Loan.household", "Loan.borrower");

	private static final List<String> USERS = List.of("county.admin", "town.official", "village.cadre", "hrss.officer",
			"finance.officer", "commerce.officer", "dashboard.viewer");

	@LocalServerPort
	int port;

	@Autowired
	GraphQlSource source;

	@Autowired
	ExportLists lists;

	@Autowired
	RateLimiter limiter;

	@Autowired
	ExportProperties properties;

	private ExportClient client;

	private final Map<String, String> tokens = new HashMap<>();

	@BeforeAll
	void approveTheInsurer() {
		this.client = new ExportClient(this.port);
		Map<String, Object> answer = this.client.graphQl(token("county.admin"),
				"mutation($p: String!, $f: [String!]!) { setPartnerApprovedFields(input: {partnerId: $p, fields: $f}) { partnerId } }",
				Map.of("p", INSURER, "f", INSURER_FIELDS));
		assertThat(answer.get("errors")).isNull();
	}

	private String token(String user) {
		return this.tokens.computeIfAbsent(user,
				(name) -> name.startsWith("partner-")
						? KeycloakServer.shared().clientCredentialsToken(name, name + "-dev-secret")
						: KeycloakServer.shared().passwordToken(name));
	}

	private List<String> everyone() {
		List<String> all = new ArrayList<>(USERS);
		all.add(INSURER);
		return all;
	}

	@Test
	void everyRoleExportsTheHouseholdsOfAVillageAsItsGraphQlQueryReturnsThem() throws Exception {
		Map<String, Object> params = Map.of("villageCode", Fixtures.VILLAGE);
		for (String user : everyone()) {
			Expected expected = viaGraphQl(user, this.lists.get("households"), params);
			ExportClient.Download csv = this.client.get(token(user), "/exports/households.csv", params);
			if (expected.refusal() != null) {
				assertThat(csv.status()).as(user).isEqualTo(403);
				assertThat(csv.error().get("message").toString()).as(user).startsWith("无权导出“农户花名册”");
				assertThat(classification(csv.error())).isEqualTo(expected.refusal());
				continue;
			}
			assertThat(csv.status()).as(user + ": " + new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo(200);
			assertThat(csv.header("Content-Type")).startsWith("text/csv");
			assertThat(expected.normalized(csv.csv())).as(user).isEqualTo(expected.rows(true));
			assertThat(expected.rows(true)).as(user + " exports rows").hasSizeGreaterThan(2);
		}
	}

	@Test
	void theFileFollowsEachRolesMasksAndRefusals() throws Exception {
		Map<String, Object> params = Map.of("villageCode", Fixtures.VILLAGE);
		List<List<String>> admin = this.client.get(token("county.admin"), "/exports/households.csv", params).csv();
		List<List<String>> cadre = this.client.get(token("village.cadre"), "/exports/households.csv", params).csv();
		List<List<String>> hrss = this.client.get(token("hrss.officer"), "/exports/households.csv", params).csv();
		List<List<String>> insurer = this.client.get(token(INSURER), "/exports/households.csv", params).csv();
		assertThat(admin.get(0)).containsSubsequence("乡(镇)", "行政村", "户编号", "姓名", "证件号码", "与户主关系", "人数", "联系电话",
				"家庭年人均纯收入(元)", "监测对象类别", "风险是否消除", "主要风险");
		int id = admin.get(0).indexOf("证件号码");
		assertThat(admin.get(1).get(id)).matches("\\d{17}[\\dX]");
		assertThat(cadre.get(0)).isEqualTo(admin.get(0));
		assertThat(cadre.stream().skip(1).map((row) -> row.get(id)))
			.allMatch((value) -> value.matches("\\d{6}\\*{12}"));
		assertThat(hrss.get(0)).doesNotContain("联系电话", "健康状况", "主要风险").contains("证件号码");
		assertThat(insurer.get(0)).doesNotContain("联系电话", "健康状况", "帮扶责任人").contains("证件号码", "姓名");
		assertThat(insurer).hasSameSizeAs(admin);
		assertThat(admin.stream().skip(1).map((row) -> row.get(0))).as("one row per person, household fields repeated")
			.hasSize(admin.size() - 1);
	}

	@Test
	void everyListExportsForEveryRoleAsItsGraphQlQueryReturnsIt() throws Exception {
		Map<String, Map<String, Object>> params = new LinkedHashMap<>();
		params.put("screening-list", Map.of());
		params.put("data-quality-findings", Map.of("town", Fixtures.TOWN));
		params.put("loans", Map.of());
		params.put("sales", Map.of("month", "2023-06"));
		params.put("sales-reports", Map.of("month", "2023-06"));
		params.put("missing-sales-reports", Map.of("month", "2023-06"));
		params.put("audit-log", Map.of("entityType", "Household"));
		for (Map.Entry<String, Map<String, Object>> list : params.entrySet()) {
			for (String user : everyone()) {
				Expected expected = viaGraphQl(user, this.lists.get(list.getKey()), list.getValue());
				ExportClient.Download csv = this.client.get(token(user), "/exports/" + list.getKey() + ".csv",
						list.getValue());
				String what = user + " " + list.getKey();
				if (expected.refusal() != null) {
					assertThat(csv.status()).as(what).isIn(400, 403);
					assertThat(classification(csv.error())).as(what).isEqualTo(expected.refusal());
					continue;
				}
				assertThat(csv.status()).as(what + ": " + new String(csv.body(), StandardCharsets.UTF_8))
					.isEqualTo(200);
				assertThat(expected.normalized(csv.csv())).as(what).isEqualTo(expected.rows(true));
			}
		}
	}

	@Test
	void theDashboardByTownAndByVillageIsTheBreakdownOfTheDashboard() throws Exception {
		ExportList dashboard = this.lists.get("dashboard");
		String selection = Selection.of(dashboard.columns()).text();
		for (String user : List.of("county.admin", "dashboard.viewer", "hrss.officer")) {
			Map<String, Object> byTown = this.client.graphQl(token(user),
					"query { dashboard(period: {year: 2023}) { breakdown(by: TOWN) { " + selection + " } } }",
					Map.of());
			ExportClient.Download towns = this.client.get(token(user), "/exports/dashboard.xlsx",
					Map.of("by", "TOWN", "year", 2023));
			assertThat(towns.status()).as(user).isEqualTo(200);
			assertThat(normalized(dashboard, towns.xlsx())).as(user)
				.isEqualTo(rows(dashboard, breakdown(byTown), false));
			Map<String, Object> byVillage = this.client.graphQl(token(user),
					"query($t: String) { dashboard(period: {year: 2023}, town: $t) { breakdown(by: VILLAGE) { "
							+ selection + " } } }",
					Map.of("t", Fixtures.TOWN));
			ExportClient.Download villages = this.client.get(token(user), "/exports/dashboard.csv",
					Map.of("by", "VILLAGE", "year", 2023, "town", Fixtures.TOWN));
			assertThat(normalized(dashboard, villages.csv())).as(user)
				.isEqualTo(rows(dashboard, breakdown(byVillage), true));
		}
		ExportClient.Download county = this.client.get(token("county.admin"), "/exports/dashboard.csv",
				Map.of("by", "VILLAGE", "year", 2023));
		Integer villages = this.jdbc.queryForObject("SELECT COUNT(*) FROM village", Integer.class);
		assertThat(county.csv()).hasSize(villages + 1);
		ExportClient.Download partner = this.client.get(token(INSURER), "/exports/dashboard.csv", Map.of("by", "TOWN"));
		assertThat(partner.status()).isEqualTo(403);
		assertThat(partner.error().get("message").toString()).startsWith("无权导出");
	}

	@Test
	void xlsxAndCsvHoldTheSameRows() throws Exception {
		Map<String, Object> params = Map.of("villageCode", Fixtures.VILLAGE);
		ExportClient.Download xlsx = this.client.get(token("town.official"), "/exports/households.xlsx", params);
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.header("Content-Type"))
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(xlsx.header("Content-Disposition")).startsWith("attachment; filename=\"households-")
			.contains(".xlsx");
		Expected expected = viaGraphQl("town.official", this.lists.get("households"), params);
		assertThat(expected.normalized(xlsx.xlsx())).isEqualTo(expected.rows(false));
		ExportClient.Download posted = this.client.post(token("town.official"), "/exports/households.csv", params);
		assertThat(expected.normalized(posted.csv())).isEqualTo(expected.rows(true));
	}

	@Test
	void aListRefusedWholeIsRefusedWholeWithTheReasonInChinese() {
		ExportClient.Download viewer = this.client.get(token("dashboard.viewer"), "/exports/households.csv", Map.of());
		assertThat(viewer.status()).isEqualTo(403);
		assertThat(viewer.error().get("message").toString()).startsWith("无权导出“农户花名册”：");
		ExportClient.Download audit = this.client.get(token("town.official"), "/exports/audit-log.xlsx", Map.of());
		assertThat(audit.status()).isEqualTo(403);
		ExportClient.Download screening = this.client.get(token(INSURER), "/exports/screening-list.csv", Map.of());
		assertThat(screening.status()).isEqualTo(403);
		// partner-bank may run only its trusted documents: an export's document is not
		// one of them
		ExportClient.Download bank = this.client.get(token("partner-bank"), "/exports/households.csv", Map.of());
		assertThat(bank.status()).isEqualTo(403);
		assertThat(bank.error().get("message").toString()).contains("trusted");
		// a filter is a read: a partner may not filter by a field it does not read whole
		ExportClient.Download filter = this.client.get(token(INSURER), "/exports/households.csv",
				Map.of("riskCause", "ILLNESS"));
		assertThat(filter.status()).isEqualTo(403);
		ExportClient.Download unknown = this.client.get(token("county.admin"), "/exports/households.csv",
				Map.of("colour", "red"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.error().get("message").toString()).contains("colour");
		assertThat(this.client.get(token("county.admin"), "/exports/nothing.csv", Map.of()).status()).isEqualTo(404);
		assertThat(this.client.get(token("county.admin"), "/exports/households.pdf", Map.of()).status()).isEqualTo(400);
		assertThat(this.client.get("not-a-token", "/exports/households.csv", Map.of()).status()).isEqualTo(401);
	}

	@Test
	void everyExportIsAuditedWithItsListFilterAndRows() throws Exception {
		Map<String, Object> params = Map.of("villageCode", Fixtures.VILLAGE, "category", "ALLEVIATED");
		// the entry this export writes: other classes export as the same user in the same
		// second, and audit ids are not in time order
		List<Long> earlier = this.jdbc.queryForList("SELECT id FROM audit_log WHERE entity_type = 'Export'",
				Long.class);
		List<List<String>> rows = this.client.get(token("town.official"), "/exports/households.csv", params).csv();
		List<Map<String, Object>> written = this.jdbc.queryForList(
				"SELECT id, actor, actor_roles, operation, entity_type, after_state FROM audit_log WHERE entity_type = 'Export' "
						+ "AND actor = 'town.official'")
			.stream()
			.filter((row) -> !earlier.contains(((Number) row.get("id")).longValue()))
			.toList();
		assertThat(written).hasSize(1);
		Map<String, Object> entry = written.get(0);
		assertThat(entry.get("operation")).isEqualTo("export");
		assertThat(entry.get("actor_roles").toString()).contains("TOWN_OFFICIAL");
		@SuppressWarnings("unchecked")
		Map<String, Object> state = ExportClient.JSON.readValue(entry.get("after_state").toString(), Map.class);
		assertThat(state).containsEntry("list", "households")
			.containsEntry("format", "csv")
			.containsEntry("outcome", "COMPLETED")
			.containsEntry("filter", params);
		assertThat(((Number) state.get("rows")).intValue()).isEqualTo(rows.size() - 1);
		this.client.get(token("dashboard.viewer"), "/exports/households.csv", Map.of());
		Map<String, Object> refused = this.jdbc
			.queryForMap("SELECT after_state FROM audit_log WHERE entity_type = 'Export' "
					+ "AND actor = 'dashboard.viewer' ORDER BY occurred_at DESC, id DESC LIMIT 1");
		assertThat(refused.get("after_state").toString()).contains("\"outcome\":\"REFUSED\"").contains("\"rows\":0");
		// the county admins read it in the audit log, like every write
		Map<String, Object> log = this.client.graphQl(token("county.admin"),
				"{ auditLog(entityType: \"Export\", actor: \"town.official\", first: 1) { edges { node { operation after } } } }",
				Map.of());
		assertThat(log.toString()).contains("export").contains("households");
	}

	@Test
	void aPartnersExportLeavesTheAccessLogRowsItsGraphQlReadsWould() throws Exception {
		Map<String, Object> params = Map.of("villageCode", Fixtures.VILLAGE);
		Object before = now();
		List<List<String>> rows = this.client.get(token(INSURER), "/exports/households.csv", params).csv();
		List<Map<String, Object>> logged = this.jdbc
			.queryForList("SELECT operation, household_ids, fields, document_hash, "
					+ "outcome FROM partner_access_log WHERE partner_id = ? AND accessed_at >= ? ORDER BY accessed_at",
					INSURER, before);
		// one row per page, as one GraphQL read per page would leave: the first demo
		// village
		// holds as many pages as the tests before this one have added households to it
		Set<String> codes = new TreeSet<>();
		rows.stream().skip(1).forEach((row) -> codes.add(row.get(rows.get(0).indexOf("户编号"))));
		List<Long> ids = this.jdbc.queryForList(
				"SELECT id FROM household WHERE code IN ('" + String.join("','", codes) + "') ORDER BY id", Long.class);
		int pageSize = this.properties.pageSize();
		assertThat(logged).hasSize(Math.max(1, (ids.size() + pageSize - 1) / pageSize));
		assertThat(logged).allSatisfy((row) -> {
			assertThat(row.get("operation")).isEqualTo("export_households");
			assertThat(row.get("outcome")).isEqualTo("ANSWERED");
		});
		List<Long> loggedIds = logged.stream()
			.flatMap((row) -> Arrays.stream(row.get("household_ids").toString().split(",")))
			.filter((id) -> !id.isEmpty())
			.map(Long::valueOf)
			.sorted()
			.toList();
		assertThat(loggedIds).isEqualTo(ids);
		// the same document sent to /graphql by the partner leaves the same row
		ExportList households = this.lists.get("households");
		List<Column> columns = readableColumns(INSURER, households);
		Map<String, Object> variables = new HashMap<>(Exporter.variables(households, params));
		String document = Exporter.document(this.source.schema(), households, variables, columns);
		variables.put("first", this.properties.pageSize());
		Thread.sleep(5);
		Object mid = now();
		this.client.graphQl(token(INSURER), document, variables);
		Map<String, Object> graphQl = this.jdbc
			.queryForMap("SELECT operation, household_ids, fields, document_hash, outcome "
					+ "FROM partner_access_log WHERE partner_id = ? AND accessed_at >= ? ORDER BY accessed_at LIMIT 1",
					INSURER, mid);
		assertThat(graphQl).isEqualTo(logged.get(0));
	}

	@Test
	void anExportCountsAgainstTheCallersExportQuota() {
		// an officer of its own, so that no other test's exports share its quota
		String user = DepartmentOfficers.of("EDUCATION");
		String subject = subjectOf(token(user));
		long windowMillis = this.properties.window().toMillis();
		while (this.limiter.hit("export:user:" + subject, windowMillis) < this.properties.perCaller()) {
			// use up the quota as earlier exports would have
		}
		ExportClient.Download refused = this.client.get(token(user), "/exports/sales.csv", Map.of());
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isNotNull();
		assertThat(refused.error().get("message").toString()).startsWith("导出次数已达上限");
		assertThat(this.client.get(token("county.admin"), "/exports/sales.csv", Map.of("month", "2023-06")).status())
			.as("another caller's quota is its own")
			.isEqualTo(200);
	}

	@Test
	void everyColumnNamesAFieldOfTheSchema() {
		GraphQLSchema schema = this.source.schema();
		for (ExportList list : this.lists.all()) {
			GraphQLObjectType node = list.isDashboard() ? (GraphQLObjectType) schema.getType("Figures")
					: Exporter.nodeType(schema, list.field());
			for (Column column : list.columns()) {
				assertThat(type(node, column.segments())).as(list.name() + " " + column.path()).isNotNull();
			}
		}
	}

	/**
	 * The rows the export should hold, from {@code /graphql} as the user, or the refusal
	 * GraphQL answered.
	 */
	record Expected(ExportList list, List<Column> columns, List<Map<String, Object>> nodes, String refusal) {

		/**
		 * A file's rows with its numbers written as {@link #rows} writes them (no
		 * trailing zeros).
		 */
		List<List<String>> normalized(List<List<String>> file) {
			return ExportTests.normalized(this.columns, file);
		}

		List<List<String>> rows(boolean csv) {
			List<List<String>> rows = new ArrayList<>();
			rows.add(this.columns.stream().map(Column::header).toList());
			for (Map<String, Object> node : this.nodes) {
				for (List<Object> row : Exporter.rows(this.list, this.columns, node)) {
					List<String> cells = new ArrayList<>();
					for (int i = 0; i < row.size(); i++) {
						cells.add(ExportClient.text(this.columns.get(i), row.get(i), csv));
					}
					rows.add(cells);
				}
			}
			return rows;
		}

	}

	@SuppressWarnings("unchecked")
	private Expected viaGraphQl(String user, ExportList list, Map<String, Object> params) {
		List<Column> columns = readableColumns(user, list);
		Map<String, Object> variables = new HashMap<>(Exporter.variables(list, params));
		String document = Exporter.document(this.source.schema(), list, variables, columns);
		variables.put("first", this.properties.pageSize());
		List<Map<String, Object>> nodes = new ArrayList<>();
		boolean none = columns.isEmpty();
		while (true) {
			Map<String, Object> answer = this.client.graphQl(token(user), document, variables);
			Map<String, Object> data = (Map<String, Object>) answer.get("data");
			Map<String, Object> connection = (data != null) ? (Map<String, Object>) data.get(list.field()) : null;
			List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.getOrDefault("errors", List.of());
			for (Map<String, Object> error : errors) {
				List<Object> path = (List<Object>) error.getOrDefault("path", List.of());
				if (path.size() <= 1 || !"FORBIDDEN".equals(classification(error))) {
					return new Expected(list, columns, nodes, classification(error));
				}
			}
			if (connection == null) {
				return new Expected(list, columns, nodes, "FORBIDDEN");
			}
			for (Map<String, Object> edge : (List<Map<String, Object>>) connection.get("edges")) {
				nodes.add((Map<String, Object>) edge.get("node"));
			}
			Map<String, Object> info = (Map<String, Object>) connection.get("pageInfo");
			if (!Boolean.TRUE.equals(info.get("hasNextPage")) || info.get("endCursor") == null) {
				// a caller that may read no column of a list GraphQL still answers (a
				// dashboard viewer's sales: no
				// rows, its row scope holds none) gets no file either: an export with no
				// column says nothing
				assertThat(!none || nodes.isEmpty()).as(user + " reads rows of " + list.name() + " but no column")
					.isTrue();
				return new Expected(list, columns, nodes, none ? "FORBIDDEN" : null);
			}
			variables.put("after", info.get("endCursor"));
		}
	}

	/**
	 * The list's columns whose fields {@code me.fieldAccess} says the user reads, all
	 * along each path.
	 */
	@SuppressWarnings("unchecked")
	private List<Column> readableColumns(String user, ExportList list) {
		Map<String, Object> me = this.client.graphQl(token(user),
				"{ me { fieldAccess { type whole masked forbidden } } }", Map.of());
		Map<String, Set<String>> forbidden = new HashMap<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Map<String, Object> type : (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) me
			.get("data")).get("me")).get("fieldAccess")) {
			String name = type.get("type").toString();
			forbidden.put(name, new TreeSet<>((List<String>) type.get("forbidden")));
			seen.put(name, ((List<String>) type.get("whole")).size() + ((List<String>) type.get("masked")).size());
		}
		GraphQLObjectType node = Exporter.nodeType(this.source.schema(), list.field());
		return list.columns().stream().filter((column) -> {
			GraphQLType at = node;
			for (String segment : column.segments()) {
				GraphQLObjectType object = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(at);
				if (forbidden.getOrDefault(object.getName(), Set.of()).contains(segment)) {
					return false;
				}
				at = object.getFieldDefinition(segment).getType();
				String target = GraphQLTypeUtil.unwrapAll(at).getName();
				if (seen.containsKey(target) && seen.get(target) == 0) {
					return false;
				}
			}
			return true;
		}).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> breakdown(Map<String, Object> answer) {
		return (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) answer.get("data"))
			.get("dashboard")).get("breakdown");
	}

	private static List<List<String>> normalized(ExportList list, List<List<String>> file) {
		return normalized(list.columns(), file);
	}

	private static List<List<String>> normalized(List<Column> columns, List<List<String>> file) {
		List<List<String>> rows = new ArrayList<>();
		for (int r = 0; r < file.size(); r++) {
			List<String> row = new ArrayList<>(file.get(r));
			for (int c = 0; r > 0 && c < row.size() && c < columns.size(); c++) {
				Column.Kind kind = columns.get(c).kind();
				if ((kind == Column.Kind.NUMBER || kind == Column.Kind.SIZE) && !row.get(c).isEmpty()) {
					row.set(c, new java.math.BigDecimal(row.get(c)).stripTrailingZeros().toPlainString());
				}
			}
			rows.add(row);
		}
		return rows;
	}

	private static List<List<String>> rows(ExportList list, List<Map<String, Object>> nodes, boolean csv) {
		return new Expected(list, list.columns(), nodes, null).rows(csv);
	}

	@SuppressWarnings("unchecked")
	private static String classification(Map<String, Object> error) {
		Map<String, Object> extensions = (Map<String, Object>) error.getOrDefault("extensions", Map.of());
		return String.valueOf(extensions.getOrDefault("classification", "UNKNOWN"));
	}

	private static GraphQLType type(GraphQLObjectType node, List<String> segments) {
		GraphQLType at = node;
		for (String segment : segments) {
			int bracket = segment.indexOf('[');
			String name = (bracket >= 0) ? segment.substring(0, bracket) : segment;
			GraphQLFieldDefinition field = ((GraphQLObjectType) GraphQLTypeUtil.unwrapAll(at)).getFieldDefinition(name);
			if (field == null) {
				return null;
			}
			at = field.getType();
		}
		return at;
	}

	private Object now() {
		return this.jdbc.queryForObject("SELECT NOW(3)", java.sql.Timestamp.class);
	}

	@SuppressWarnings("unchecked")
	private static String subjectOf(String token) {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		return ExportClient.JSON.readValue(payload, Map.class).get("sub").toString();
	}

}
