package cn.county.platform.exchange.export;

import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.KeycloakServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project library and its ledgers download like every list: a row per project, or per
 * ledger entry, of the caller's area; refused to dashboard viewers and partners as their
 * GraphQL query is.
 */
class FundsExportTests extends AbstractPlatformTests {

	@LocalServerPort
	int port;

	@Test
	void projectsAndTheirLedgersExportAsTheRowsOfTheCallersArea() throws Exception {
		ExportClient client = new ExportClient(this.port);
		String admin = KeycloakServer.shared().passwordToken("county.admin");
		String official = KeycloakServer.shared().passwordToken("town.official");
		Map<String, Object> params = Map.of("year", 2023, "townCode", Fixtures.TOWN);
		List<List<String>> projects = client.get(admin, "/exports/projects.csv", params).csv();
		assertThat(projects.get(0)).contains("项目名称", "项目状态", "已支出(元)");
		assertThat(projects)
			.hasSize(1 + this.jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE year = 2023 AND town_code = ?",
					Integer.class, Fixtures.TOWN));
		List<List<String>> ledger = client.get(official, "/exports/disbursements.csv", Map.of("year", 2023)).csv();
		// one row per entry, and one for each project without any
		int entries = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM disbursement d JOIN project p"
						+ " ON p.id = d.project_id WHERE p.year = 2023 AND p.town_code = ?",
				Integer.class, Fixtures.TOWN);
		int without = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM project p WHERE p.year = 2023 AND p.town_code = ?"
						+ " AND NOT EXISTS (SELECT 1 FROM disbursement d WHERE d.project_id = p.id)",
				Integer.class, Fixtures.TOWN);
		assertThat(ledger).hasSize(1 + entries + without);
		assertThat(
				client.get(KeycloakServer.shared().passwordToken("dashboard.viewer"), "/exports/projects.csv", Map.of())
					.status())
			.isIn(400, 403);
		assertThat(client
			.get(KeycloakServer.shared().clientCredentialsToken("partner-insurer", "partner-insurer-dev-secret"),
					"/exports/disbursements.csv", Map.of())
			.status()).isIn(400, 403);
	}

}
