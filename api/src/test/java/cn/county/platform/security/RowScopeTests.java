package cn.county.platform.security;

import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Town officials reach only their town and village cadres only their village, on every
 * path.
 */
class RowScopeTests extends AbstractPlatformTests {

	@Test
	void townOfficialListsAndCountsOnlyTheirTown() {
		long inTown = count("town_code = ?", Fixtures.TOWN);
		HttpGraphQlTester official = this.clients.townOfficial();
		official.documentName("householdCount")
			.execute()
			.path("households.totalCount")
			.entity(Long.class)
			.isEqualTo(inTown);
		official.documentName("householdCount")
			.variable("filter", Map.of("townCode", Fixtures.OTHER_TOWN))
			.execute()
			.path("households.totalCount")
			.entity(Long.class)
			.isEqualTo(0L);
		official.documentName("householdIds")
			.variable("first", 100)
			.execute()
			.path("households.edges[*].node.id")
			.entityList(Long.class)
			.satisfies((ids) -> ids.forEach((id) -> assertThat(townOf(id)).isEqualTo(Fixtures.TOWN)));
	}

	@Test
	void townOfficialCannotFetchOrUpdateAHouseholdOfAnotherTown() {
		assertOutOfScope(this.clients.townOfficial(), "town_code = ?", Fixtures.OTHER_TOWN);
	}

	@Test
	void villageCadreListsAndCountsOnlyTheirVillage() {
		long inVillage = count("village_code = ?", Fixtures.VILLAGE);
		HttpGraphQlTester cadre = this.clients.villageCadre();
		cadre.documentName("householdCount")
			.execute()
			.path("households.totalCount")
			.entity(Long.class)
			.isEqualTo(inVillage);
		cadre.documentName("householdCount")
			.variable("filter", Map.of("townCode", Fixtures.TOWN))
			.execute()
			.path("households.totalCount")
			.entity(Long.class)
			.isEqualTo(inVillage);
	}

	@Test
	void villageCadreCannotFetchOrChangeAHouseholdOfAnotherVillageInTheirTown() {
		assertOutOfScope(this.clients.villageCadre(), "town_code = ? AND village_code <> '" + Fixtures.VILLAGE + "'",
				Fixtures.TOWN);
	}

	@Test
	void villageCadreCannotRegisterAHouseholdAndTownOfficialCannotRegisterOneElsewhere() {
		this.clients.villageCadre()
			.documentName("createHousehold")
			.fragmentName("householdFields")
			.variable("input", Fixtures.household())
			.execute()
			.errors()
			.satisfy(
					(errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		this.clients.townOfficial()
			.documentName("createHousehold")
			.fragmentName("householdFields")
			.variable("input", Fixtures.with(Fixtures.household(), "villageCode", Fixtures.OTHER_TOWN_VILLAGE))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN")
				.containsEntry("field", "input.villageCode"));
	}

	private void assertOutOfScope(HttpGraphQlTester caller, String where, String value) {
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT h.id, h.code, m.id AS member_id FROM household h JOIN member m ON m.household_id = h.id AND m.relation <> 'HEAD' WHERE "
						+ where + " ORDER BY h.code LIMIT 1",
				value);
		caller.documentName("household")
			.fragmentName("householdFields")
			.variable("id", row.get("id"))
			.execute()
			.path("household")
			.valueIsNull();
		caller.documentName("householdByCode")
			.fragmentName("householdFields")
			.variable("code", row.get("code"))
			.execute()
			.path("householdByCode")
			.valueIsNull();
		caller.documentName("householdCount")
			.variable("filter", Map.of("search", row.get("code")))
			.execute()
			.path("households.totalCount")
			.entity(Long.class)
			.isEqualTo(0L);
		int version = this.jdbc.queryForObject("SELECT version FROM household WHERE id = ?", Integer.class,
				row.get("id"));
		GraphQlTester.Response update = caller.documentName("updateHousehold")
			.fragmentName("householdFields")
			.variable("input", Map.of("id", row.get("id"), "address", "改了"))
			.execute();
		update.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions().get("classification")).isIn("NOT_FOUND",
					"FORBIDDEN"));
		caller.documentName("removeMember")
			.variable("input", Map.of("id", row.get("member_id")))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions().get("classification")).isIn("NOT_FOUND",
					"FORBIDDEN"));
		assertThat(this.jdbc.queryForObject("SELECT version FROM household WHERE id = ?", Integer.class, row.get("id")))
			.isEqualTo(version);
		assertThat(count("id = ?", row.get("member_id").toString(), "member")).isEqualTo(1);
	}

	private long count(String where, String value) {
		return count(where, value, "household");
	}

	private long count(String where, String value, String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Long.class, value);
	}

	private String townOf(long id) {
		return this.jdbc.queryForObject("SELECT town_code FROM household WHERE id = ?", String.class, id);
	}

}
