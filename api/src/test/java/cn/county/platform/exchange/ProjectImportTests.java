package cn.county.platform.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.KeycloakServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project library uploads in the layout of its export: each new row proposed through
 * the library's own rules and scope, a row already stored as it says left alone, so the
 * same file (or an export uploaded back) changes nothing the second time.
 */
class ProjectImportTests extends AbstractPlatformTests {

	private static final String HEADER = "\uFEFF项目编号,年度,项目名称,乡镇,村,项目类别,预算(元),实施单位,计划开工,计划完工\r\n";

	private static final AtomicLong sequence = new AtomicLong(System.nanoTime() % 1_000_000);

	@LocalServerPort
	int port;

	@Test
	void adminImportsProjectsOnceRefusingBadRowsByColumnAndCorrectsABudget() {
		Imports imports = new Imports(this.port);
		String town = townName(Fixtures.TOWN);
		String village = this.jdbc.queryForObject("SELECT name FROM village WHERE code = ?", String.class,
				Fixtures.VILLAGE);
		String water = name();
		String road = name();
		String unknownTown = name();
		String noBudget = name();
		String badCategory = name();
		String good = ",2023," + water + "," + town + "," + village + ",饮水,500000,WATER,2023-03-01,2023-11-30\r\n"
				+ ",2023," + road + "," + Fixtures.TOWN + ",,基础设施,1200000.50,HOUSING,2023-04-01,2023-12-31\r\n";
		String bad = ",2023," + unknownTown + ",不存在镇,,饮水,1000,WATER,2023-03-01,2023-11-30\r\n" + ",2023," + noBudget
				+ "," + town + ",,饮水,,WATER,2023-03-01,2023-11-30\r\n" + ",2023," + badCategory + "," + town
				+ ",,修路,1000,WATER,2023-03-01,2023-11-30\r\n";
		byte[] file = (HEADER + good + bad).getBytes(StandardCharsets.UTF_8);
		Imports.Job dry = imports.run("county.admin", "projects", file, "projects.csv", true);
		assertThat(dry.status()).as(dry.toString()).isEqualTo("SUCCEEDED");
		assertThat(dry.number("rowsApplied")).as(dry.toString()).isEqualTo(2);
		assertThat(named(water, road)).isZero();
		Imports.Job applied = imports.run("county.admin", "projects", file, "projects.csv", false);
		assertThat(applied.number("rowsApplied")).as(applied.toString()).isEqualTo(2);
		assertThat(applied.number("rowsRefused")).isEqualTo(3);
		assertRefused(applied, 4, "乡镇");
		assertRefused(applied, 5, "预算(元)");
		assertRefused(applied, 6, "项目类别");
		assertThat(named(unknownTown, noBudget, badCategory)).isZero();
		assertThat(this.jdbc.queryForList("SELECT status FROM project WHERE name IN (?, ?)", String.class, water, road))
			.containsExactly("PROPOSED", "PROPOSED");
		assertThat(this.jdbc.queryForObject("SELECT village_code FROM project WHERE name = ?", String.class, water))
			.isEqualTo(Fixtures.VILLAGE);
		assertThat(proposals(water, road)).isEqualTo(2);
		Imports.Job again = imports.run("county.admin", "projects", file, "projects.csv", false);
		assertThat(again.number("rowsUnchanged")).as(again.toString()).isEqualTo(2);
		assertThat(again.number("rowsApplied")).isZero();
		assertThat(named(water, road)).isEqualTo(2);
		assertThat(proposals(water, road)).isEqualTo(2);
		long id = this.jdbc.queryForObject("SELECT id FROM project WHERE name = ?", Long.class, water);
		byte[] corrected = (HEADER + id + ",2023," + water + "," + town + "," + village
				+ ",饮水,450000,WATER,2023-03-01,2023-11-30\r\n")
			.getBytes(StandardCharsets.UTF_8);
		Imports.Job correction = imports.run("finance.officer", "projects", corrected, "projects.csv", false);
		assertThat(correction.number("rowsApplied")).as(correction.toString()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT budget FROM project WHERE id = ?", Long.class, id))
			.isEqualTo(450_000);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'Project'"
				+ " AND entity_id = ? AND operation = 'updateProject'", Long.class, id))
			.isEqualTo(1);
		Imports.Job officialCorrects = imports.run("town.official", "projects",
				(HEADER + id + ",2023," + water + "," + town + "," + village + ",饮水,1,WATER,2023-03-01,2023-11-30\r\n")
					.getBytes(StandardCharsets.UTF_8),
				"projects.csv", false);
		assertThat(officialCorrects.number("rowsRefused")).as(officialCorrects.toString()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT budget FROM project WHERE id = ?", Long.class, id))
			.isEqualTo(450_000);
	}

	@Test
	void aTownOfficialProposesInTheOwnTownOnlyAndHrssMayNotUpload() {
		Imports imports = new Imports(this.port);
		String own = name();
		String other = name();
		byte[] file = (HEADER + ",2023," + own + "," + townName(Fixtures.TOWN)
				+ ",,产业发展,80000,AGRICULTURE,2023-03-01,2023-10-31\r\n" + ",2023," + other + ","
				+ townName(Fixtures.OTHER_TOWN) + ",,产业发展,80000,AGRICULTURE,2023-03-01,2023-10-31\r\n")
			.getBytes(StandardCharsets.UTF_8);
		Imports.Job applied = imports.run("town.official", "projects", file, "projects.csv", false);
		assertThat(applied.number("rowsApplied")).as(applied.toString()).isEqualTo(1);
		assertRefused(applied, 3, "乡镇");
		assertThat(named(own)).isEqualTo(1);
		assertThat(named(other)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT proposed_by FROM project WHERE name = ?", String.class, own))
			.isEqualTo("town.official");
		Imports.Refused hrss = imports.refused("hrss.officer", "projects", file, "projects.csv");
		assertThat(hrss.status()).isEqualTo(403);
		assertThat(named(own)).isEqualTo(1);
	}

	@Test
	void anExportOfProjectsImportedBackChangesNothing() throws Exception {
		Imports imports = new Imports(this.port);
		String water = name();
		imports.run("county.admin", "projects",
				(HEADER + ",2023," + water + "," + Fixtures.TOWN + ",,饮水,300000,WATER,2023-03-01,2023-11-30\r\n")
					.getBytes(StandardCharsets.UTF_8),
				"projects.csv", false);
		String token = KeycloakServer.shared().passwordToken("county.admin");
		HttpResponse<byte[]> export = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(
						"http://localhost:" + this.port + "/exports/projects.csv?year=2023&townCode=" + Fixtures.TOWN))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(export.statusCode()).isEqualTo(200);
		int projects = this.jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE year = 2023 AND town_code = ?",
				Integer.class, Fixtures.TOWN);
		String before = snapshot();
		Imports.Job back = imports.run("county.admin", "projects", export.body(), "projects.csv", false);
		assertThat(back.status()).as(back.toString()).isEqualTo("SUCCEEDED");
		assertThat(back.number("rowsRefused")).as(back.toString()).isZero();
		assertThat(back.number("rowsApplied")).isZero();
		assertThat(back.number("rowsUnchanged")).isEqualTo(projects);
		assertThat(snapshot()).isEqualTo(before);
	}

	private String snapshot() {
		List<String> rows = this.jdbc.queryForList(
				"SELECT CONCAT(id, '|', name, '|', budget, '|', version) FROM project ORDER BY id", String.class);
		return rows.size() + ":" + String.join(";", rows) + ":"
				+ this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'Project'", Long.class);
	}

	private static void assertRefused(Imports.Job job, int row, String column) {
		assertThat(job.refusals()).as(job.toString()).anySatisfy((refusal) -> {
			assertThat(refusal.get("row")).isEqualTo(row);
			assertThat(refusal.get("column")).isEqualTo(column);
			assertThat((String) refusal.get("reason")).isNotBlank();
		});
	}

	private String townName(String code) {
		return this.jdbc.queryForObject("SELECT name FROM town WHERE code = ?", String.class, code);
	}

	private long named(String... names) {
		long count = 0;
		for (String name : names) {
			count += this.jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE name = ?", Long.class, name);
		}
		return count;
	}

	private long proposals(String... names) {
		long count = 0;
		for (String name : names) {
			count += this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM audit_log a JOIN project p ON p.id = a.entity_id"
							+ " WHERE a.entity_type = 'Project' AND a.operation = 'proposeProject' AND p.name = ?",
					Long.class, name);
		}
		return count;
	}

	private static String name() {
		return "导入项目" + sequence.incrementAndGet();
	}

}
