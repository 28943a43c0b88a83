package cn.county.platform.exchange;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.Fixtures;
import cn.county.platform.support.AbstractPlatformTests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checked-in samples under {@code docs/samples/}: a dry run and an apply of each, the
 * roster first, then the warnings flowing into the screening list until the household is
 * screened through the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleFilesTests extends AbstractPlatformTests {

	private static final Path SAMPLES = Path.of("..", "docs", "samples");

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	Imports imports;

	byte[] roster;

	byte[] warnings;

	@BeforeAll
	void setUp() throws IOException {
		this.imports = new Imports(this.port);
		String town = this.jdbc.queryForObject("SELECT name FROM town WHERE code = ?", String.class, Fixtures.TOWN);
		String village = this.jdbc.queryForObject("SELECT name FROM village WHERE code = ?", String.class,
				Fixtures.VILLAGE);
		if (Boolean.getBoolean("samples.write")) {
			Files.createDirectories(SAMPLES);
			Files.write(SAMPLES.resolve(SampleFiles.ROSTER), SampleFiles.roster(town, village));
			Files.write(SAMPLES.resolve(SampleFiles.WARNINGS), SampleFiles.warnings(town, village));
		}
		this.roster = Files.readAllBytes(SAMPLES.resolve(SampleFiles.ROSTER));
		this.warnings = Files.readAllBytes(SAMPLES.resolve(SampleFiles.WARNINGS));
		assertThat(new String(this.warnings, Charset.forName("GBK")))
			.as("the checked-in warnings sample is what SampleFiles generates (-Dsamples.write=true writes it)")
			.isEqualTo(new String(SampleFiles.warnings(town, village), Charset.forName("GBK")));
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

	private int warnings() {
		return count("SELECT COUNT(*) FROM warning w JOIN member m ON m.id = w.member_id WHERE m.id_number IN (?, ?)",
				SampleFiles.WARNED_HEAD, SampleFiles.UNREGISTERED);
	}

	private List<String> onList(String reason, String householdId) {
		GraphQlTester.Response response = this.imports.graphQl("county.admin").document("""
				query($reason: ScreeningReason, $id: ID) {
				  screeningList(reason: $reason, householdId: $id, first: 10) { edges { node { householdId reason } } }
				}""").variable("reason", reason).variable("id", householdId).execute();
		response.errors().verify();
		return response.path("screeningList.edges[*].node.reason").entityList(String.class).get();
	}

	@Test
	void theSamplesImportAndTheWarningsReachTheScreeningListUntilTheHouseholdIsScreened() {
		Imports.Job dry = this.imports.run("county.admin", "roster", this.roster, SampleFiles.ROSTER, true);
		assertThat(dry.status()).as(dry.toString()).isEqualTo("SUCCEEDED");
		assertThat(dry.number("rowsApplied")).as(dry.toString()).isEqualTo(6);
		assertThat(count("SELECT COUNT(*) FROM household WHERE code = ?", SampleFiles.CODES[0])).isZero();
		Imports.Job roster = this.imports.run("county.admin", "roster", this.roster, SampleFiles.ROSTER, false);
		assertThat(roster.number("rowsApplied")).as(roster.toString()).isEqualTo(6);
		assertThat(this.jdbc.queryForObject("SELECT category FROM household WHERE code = ?", String.class,
				SampleFiles.CODES[2]))
			.isEqualTo("ORDINARY");

		Imports.Job dryWarnings = this.imports.run("county.admin", "warnings", this.warnings, SampleFiles.WARNINGS,
				true);
		assertThat(dryWarnings.status()).as(dryWarnings.toString()).isEqualTo("SUCCEEDED");
		assertThat(dryWarnings.number("rowsApplied")).as(dryWarnings.toString()).isEqualTo(2);
		assertThat(warnings()).isZero();
		assertThat(count("SELECT COUNT(*) FROM member WHERE id_number = ?", SampleFiles.UNREGISTERED)).isZero();

		Imports.Job applied = this.imports.run("county.admin", "warnings", this.warnings, SampleFiles.WARNINGS, false);
		assertThat(applied.number("rowsApplied")).as(applied.toString()).isEqualTo(2);
		assertThat(warnings()).isEqualTo(2);
		Map<String, Object> warned = this.jdbc.queryForMap(
				"SELECT CAST(id AS CHAR) AS id, warning_source, warning_received_on FROM household WHERE code = ?",
				SampleFiles.CODES[0]);
		assertThat(warned).containsEntry("warning_source", "MEDICAL_INSURANCE");
		String warnedId = (String) warned.get("id");
		assertThat(onList("WARNING_NOT_SCREENED", warnedId)).containsExactly("WARNING_NOT_SCREENED");

		Map<String, Object> registered = this.jdbc.queryForMap("SELECT CAST(h.id AS CHAR) AS id, h.category,"
				+ " h.village_code FROM household h JOIN member m ON m.household_id = h.id WHERE m.id_number = ?",
				SampleFiles.UNREGISTERED);
		assertThat(registered).containsEntry("category", "ORDINARY").containsEntry("village_code", Fixtures.VILLAGE);
		String registeredId = (String) registered.get("id");
		assertThat(onList(null, registeredId)).containsExactlyInAnyOrder("UNDER_LINE_NOT_MONITORED",
				"WARNING_NOT_SCREENED");

		GraphQlTester.Response warningsRead = this.imports.graphQl("county.admin")
			.document("""
					query($id: ID!) { household(id: $id) { warnings { department kind warnedOn } } }""")
			.variable("id", warnedId)
			.execute();
		warningsRead.errors().verify();
		assertThat(warningsRead.path("household.warnings[0].kind").entity(String.class).get()).isEqualTo("大额医疗支出");

		int version = count("SELECT version FROM household WHERE id = ?", Long.parseLong(warnedId));
		this.imports.graphQl("county.admin")
			.document(
					"""
							mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { household { screenedOn } } }""")
			.variable("input",
					Map.of("id", warnedId, "version", version, "screenedOn", LocalDate.now(this.clock).toString()))
			.execute()
			.errors()
			.verify();
		assertThat(onList("WARNING_NOT_SCREENED", warnedId)).isEmpty();

		Imports.Job again = this.imports.run("county.admin", "warnings", this.warnings, SampleFiles.WARNINGS, false);
		assertThat(again.number("rowsApplied")).isZero();
		assertThat(again.number("rowsUnchanged")).isEqualTo(2);
		assertThat(warnings()).isEqualTo(2);
		assertThat(onList("WARNING_NOT_SCREENED", warnedId)).isEmpty();
	}

}
