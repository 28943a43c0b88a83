package cn.county.platform.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which area, small-cell suppression for the dashboard viewer, and refusals
 * naming their field.
 */
class DashboardAccessTests extends AbstractPlatformTests {

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> villages(HttpGraphQlTester client) {
		return client.documentName("dashboardBreakdown")
			.fragmentName("allFigures")
			.variable("period", Map.of("year", 2023))
			.variable("town", Fixtures.TOWN)
			.variable("by", "VILLAGE")
			.execute()
			.path("dashboard.breakdown")
			.entityList(Map.class)
			.get()
			.stream()
			.map((m) -> (Map<String, Object>) m)
			.toList();
	}

	@Test
	void theDashboardViewerSeesVillageCountsUnderFiveSuppressedAndEverythingElseAsTheAdminDoes() {
		List<Map<String, Object>> admin = villages(this.admin);
		List<Map<String, Object>> viewer = villages(this.clients.dashboardViewer());
		assertThat(viewer).hasSameSizeAs(admin)
			.hasSize(this.jdbc.queryForObject("SELECT COUNT(*) FROM village WHERE town_code = ?", Integer.class,
					Fixtures.TOWN));
		int suppressed = 0;
		int shown = 0;
		for (int i = 0; i < admin.size(); i++) {
			Map<String, BigDecimal> all = DashboardOracle.flatten(admin.get(i));
			Map<String, BigDecimal> seen = DashboardOracle.flatten(viewer.get(i));
			for (Map.Entry<String, BigDecimal> figure : all.entrySet()) {
				if (figure.getKey().endsWith(".amount")) {
					continue;
				}
				long count = figure.getValue().longValueExact();
				if (count < 5) {
					suppressed++;
					assertThat(seen).as(figure.getKey()).doesNotContainKey(figure.getKey());
					assertThat(seen).as(figure.getKey()).doesNotContainKey(figure.getKey() + ".amount");
				}
				else if (seen.containsKey(figure.getKey())) {
					shown++;
					assertThat(seen.get(figure.getKey())).as(figure.getKey()).isEqualTo(figure.getValue());
				}
				else {
					// withheld as a complement of a small cell (SmallCells,
					// DashboardComplementTests): marked as
					// withheld, never shown as another value
					assertThat(DashboardComplementTests.cells(viewer.get(i)).get(figure.getKey())).as(figure.getKey())
						.containsEntry("suppressed", true)
						.containsEntry("count", null);
				}
			}
			assertThat(seen.keySet()).isSubsetOf(all.keySet());
		}
		assertThat(suppressed).as("small cells in the demo's villages").isPositive();
		assertThat(shown).isPositive();
		// and each withheld count says so
		assertThat(viewer).anySatisfy((village) -> assertThat(village.toString()).contains("suppressed=true"));
		assertThat(admin).allSatisfy((village) -> assertThat(village.toString()).doesNotContain("suppressed=true"));
	}

	@Test
	void theDashboardViewerSeesTownAndCountyCountsWhole() {
		Map<String, Object> admin = this.admin.documentName("dashboardBreakdown")
			.fragmentName("allFigures")
			.variable("period", Map.of("year", 2023))
			.variable("by", "TOWN")
			.execute()
			.path("dashboard")
			.entity(Map.class)
			.get();
		Map<String, Object> viewer = this.clients.dashboardViewer()
			.documentName("dashboardBreakdown")
			.fragmentName("allFigures")
			.variable("period", Map.of("year", 2023))
			.variable("by", "TOWN")
			.execute()
			.path("dashboard")
			.entity(Map.class)
			.get();
		assertThat(viewer).isEqualTo(admin);
	}

	@Test
	void aVillageCadreSeesItsOwnVillage() {
		this.clients.villageCadre()
			.documentName("dashboard")
			.fragmentName("allFigures")
			.execute()
			.path("dashboard.area")
			.entity(Map.class)
			.satisfies((area) -> assertThat(area).containsEntry("level", "VILLAGE")
				.containsEntry("code", Fixtures.VILLAGE))
			.path("dashboard.period.year")
			.entity(Integer.class)
			.isEqualTo(2023)
			.path("dashboard.figures.households.total.count")
			.entity(Long.class)
			.isEqualTo(this.jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE village_code = ?", Long.class,
					Fixtures.VILLAGE));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-",
			value = { "town.official   | 411024101 | -            | town    | FORBIDDEN",
					"village.cadre   | 411024100 | -            | town    | FORBIDDEN",
					"village.cadre   | -         | 411024100202 | village | FORBIDDEN",
					"county.admin    | 999999999 | -            | town    | NOT_FOUND",
					"county.admin    | -         | 999999999999 | village | NOT_FOUND",
					"county.admin    | 411024101 | 411024100201 | village | BAD_REQUEST" })
	void anAreaOutsideTheCallersOwnOrUnknownIsRefusedNamingTheArgument(String user, String town, String village,
			String field, String classification) {
		assertRefused(this.clients.as(user)
			.documentName("dashboardHouseholdTotal")
			.variable("period", Map.of("year", 2023))
			.variable("town", town)
			.variable("village", village)
			.execute(), field, classification);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "{\"year\":2019}|period.year", "{\"year\":2099}|period.year",
					"{\"year\":2023,\"quarter\":5}|period.quarter", "{\"year\":2023,\"month\":0}|period.month",
					"{\"year\":2023,\"quarter\":1,\"month\":2}|period.month" })
	void aBadPeriodIsRefusedNamingItsField(String periodJson, String field) throws Exception {
		Map<String, Object> period = new tools.jackson.databind.json.JsonMapper().readValue(periodJson, Map.class);
		assertRefused(this.admin.documentName("dashboardHouseholdTotal").variable("period", period).execute(), field,
				"BAD_REQUEST");
	}

	@Test
	void aBreakdownMustGoBelowTheArea() {
		assertRefused(this.clients.townOfficial()
			.documentName("dashboardBreakdown")
			.fragmentName("allFigures")
			.variable("by", "TOWN")
			.execute(), "by", "BAD_REQUEST");
	}

	@Test
	void partnersGetNoDashboard() {
		assertRefused(this.clients.insurer().documentName("dashboardHouseholdTotal").execute(), "dashboard",
				"FORBIDDEN");
	}

	private static void assertRefused(GraphQlTester.Response response, String field, String classification) {
		response.errors().satisfy((errors) -> assertThat(errors).anySatisfy((ResponseError error) -> {
			assertThat(error.getExtensions()).containsEntry("classification", classification)
				.containsEntry("field", field);
			assertThat(error.getMessage()).startsWith(field + ": ");
		}));
	}

}
