package cn.county.platform.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.county.platform.common.Page;
import cn.county.platform.dashboard.DashboardRollup;
import cn.county.platform.plan.Plan;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Role;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screening list and every data-quality rule against {@link ScreeningOracle}, which
 * works them out again in Java from plain SELECTs, over the demo data plus
 * {@link ScreeningFixtures}' households: walking every page, with the small scan budgets
 * that make pages end early, must give exactly the oracle's rows in the oracle's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningQueryTests extends AbstractPlatformTests {

	static final BigDecimal LINE = new BigDecimal("7500");

	static final Caller ADMIN = new Caller("admin", "county.admin", Set.of(Role.COUNTY_ADMIN), null, null, null, null);

	static final Caller OFFICIAL = new Caller("official", "town.official", Set.of(Role.TOWN_OFFICIAL), Fixtures.TOWN,
			null, null, null);

	static final Caller CADRE = new Caller("cadre", "village.cadre", Set.of(Role.VILLAGE_CADRE), Fixtures.TOWN,
			Fixtures.VILLAGE, null, null);

	@Autowired
	ScreeningService screening;

	@Autowired
	Plan plan;

	@Autowired
	DashboardRollup dashboards;

	ScreeningFixtures.Planted planted;

	@BeforeAll
	void plant() {
		this.planted = ScreeningFixtures.plant(this.jdbc, this.plan.today());
		this.dashboards.invalidateAll(); // written past the API, as a bulk load would be
	}

	private List<String> oracleFindings(String town, String village) {
		return ScreeningOracle.findings(this.jdbc, town, village, this.plan.today(),
				this.plan.properties().schoolAgeFrom(), this.plan.properties().schoolAgeTo(), LINE);
	}

	/** Every page from the first to the last, asserting each page's shape on the way. */
	private List<String> walkFindings(Caller caller, DataQualityRule rule, String town, String village, int first,
			int chunk, int maxChunks) {
		List<String> all = new ArrayList<>();
		String after = null;
		for (int pages = 0; pages < 100_000; pages++) {
			Page<Finding> page = this.screening.findings(caller, rule, town, village, null, first, after, chunk,
					maxChunks);
			assertThat(page.edges()).hasSizeLessThanOrEqualTo(first);
			page.edges().forEach((edge) -> all.add(key(edge.node())));
			if (!page.pageInfo().hasNextPage()) {
				return all;
			}
			assertThat(page.pageInfo().endCursor()).isNotNull().isNotEqualTo(after);
			after = page.pageInfo().endCursor();
		}
		throw new AssertionError("the pages do not end");
	}

	private static String key(Finding finding) {
		return finding.rule() + "/" + finding.householdCode() + "/" + finding.recordId();
	}

	@Test
	void everyRuleHasHitsAndTheCountyFindingsAreExactlyTheOraclesAcrossPagesThatEndEarly() {
		List<String> expected = oracleFindings(null, null);
		for (DataQualityRule rule : DataQualityRule.values()) {
			assertThat(expected).as("hits of " + rule).anyMatch((f) -> f.startsWith(rule + "/"));
		}
		// 300 households per statement, 4 statements per request: most pages end early at
		// the 3,000-household demo
		List<String> walked = walkFindings(ADMIN, null, null, null, 37, 300, 4);
		assertThat(new HashSet<>(walked)).as("no duplicates").hasSameSizeAs(walked);
		assertThat(walked).isEqualTo(expected);
	}

	@Test
	void theDefaultBudgetGivesTheSameFindingsInFullPages() {
		List<String> walked = walkFindings(ADMIN, null, null, null, 100, ScreeningService.CHUNK_HOUSEHOLDS,
				ScreeningService.CHUNKS_PER_REQUEST);
		assertThat(walked).isEqualTo(oracleFindings(null, null));
	}

	@ParameterizedTest
	@EnumSource(DataQualityRule.class)
	void eachRuleAloneGivesTheOraclesFindingsOfThatRule(DataQualityRule rule) {
		List<String> expected = oracleFindings(null, null).stream().filter((f) -> f.startsWith(rule + "/")).toList();
		assertThat(expected).isNotEmpty();
		assertThat(walkFindings(ADMIN, rule, null, null, 7, 500, 3)).isEqualTo(expected);
	}

	@Test
	void theFixturesAreFoundUnderTheRulesTheyBreak() {
		Page<Finding> page = this.screening.findings(ADMIN, null, null, null, this.planted.underLine(), 100, null);
		assertThat(page.edges().stream().map((e) -> e.node().rule() + "/" + e.node().recordId())).containsExactly(
				"INVALID_ID_CHECK_DIGIT/" + this.planted.wrongCheckDigit(),
				"BIRTH_DATE_MISMATCH/" + this.planted.birthDateMismatch(),
				"DUPLICATE_ID_ACROSS_HOUSEHOLDS/" + this.planted.sharedIdHead(),
				"SCHOOL_AGE_NOT_IN_SCHOOL/" + this.planted.outOfSchool(),
				"ABLE_AND_WILLING_WITHOUT_JOB/" + this.planted.sharedIdHead(),
				"DROPPED_OUT_WITHOUT_RETURN/" + this.planted.droppedOut());
		Page<Finding> other = this.screening.findings(ADMIN, null, null, null, this.planted.eliminated(), 100, null);
		assertThat(other.edges().stream().map((e) -> e.node().rule() + "/" + e.node().recordId())).containsExactly(
				"DUPLICATE_ID_ACROSS_HOUSEHOLDS/" + this.planted.otherSharedIdHead(),
				"LOAN_PAST_MATURITY_ACTIVE/" + this.planted.loan(),
				"RISK_ELIMINATED_UNDER_LINE/" + this.planted.eliminated());
		Finding loan = other.edges().get(1).node();
		assertThat(loan.memberId()).isEqualTo(this.planted.otherSharedIdHead());
		assertThat(loan.loanId()).isEqualTo(this.planted.loan());
	}

	@Test
	void aTownOfficialAndAVillageCadreGetTheOraclesFindingsOfTheirOwnArea() {
		assertThat(walkFindings(OFFICIAL, null, null, null, 50, 200, 5)).isEqualTo(oracleFindings(Fixtures.TOWN, null));
		assertThat(walkFindings(CADRE, null, null, null, 5, 20, 2))
			.isEqualTo(oracleFindings(Fixtures.TOWN, Fixtures.VILLAGE))
			.isNotEmpty();
		assertThat(walkFindings(ADMIN, null, Fixtures.OTHER_TOWN, null, 30, 100, 3))
			.isEqualTo(oracleFindings(Fixtures.OTHER_TOWN, null));
	}

	@Test
	void theCountsAreTheOraclesPerRuleForTheCountyATownAndAVillage() {
		for (String[] area : new String[][] { { null, null }, { Fixtures.TOWN, null },
				{ Fixtures.TOWN, Fixtures.VILLAGE } }) {
			List<String> expected = oracleFindings(area[0], area[1]);
			ScreeningService.Counts counts = this.screening.counts(ADMIN, area[0], area[1]);
			for (DataQualityRule rule : DataQualityRule.values()) {
				assertThat(counts.byRule().get(rule)).as(rule + " in " + area[0] + "/" + area[1])
					.isEqualTo(expected.stream().filter((f) -> f.startsWith(rule + "/")).count());
			}
			assertThat(counts.total()).isEqualTo(expected.size());
		}
	}

	private List<String> walkScreening(Caller caller, ScreeningReason reason, String town, String village, int first) {
		List<String> all = new ArrayList<>();
		String after = null;
		while (true) {
			Page<ScreeningEntry> page = this.screening.screening(caller, 2023, reason, town, village, null, first,
					after);
			assertThat(page.edges()).hasSizeLessThanOrEqualTo(first);
			page.edges().forEach((edge) -> all.add(edge.node().reason() + "/" + edge.node().householdId()));
			if (!page.pageInfo().hasNextPage()) {
				return all;
			}
			assertThat(page.edges()).hasSize(first);
			after = page.pageInfo().endCursor();
		}
	}

	@Test
	void theScreeningListIsTheOraclesInEveryAreaAndPageSize() {
		List<String> county = ScreeningOracle.screening(this.jdbc, null, null, LINE);
		assertThat(county).contains("UNDER_LINE_NOT_MONITORED/" + this.planted.underLine(),
				"WARNING_NOT_SCREENED/" + this.planted.eliminated());
		assertThat(county)
			.anyMatch((r) -> r.startsWith("UNDER_LINE_NOT_MONITORED/") && !r.endsWith("/" + this.planted.underLine()));
		List<String> walked = walkScreening(ADMIN, null, null, null, 13);
		assertThat(new HashSet<>(walked)).hasSameSizeAs(walked);
		assertThat(walked).isEqualTo(county);
		assertThat(walkScreening(ADMIN, null, null, null, 100)).isEqualTo(county);
		assertThat(walkScreening(OFFICIAL, null, null, null, 7))
			.isEqualTo(ScreeningOracle.screening(this.jdbc, Fixtures.TOWN, null, LINE));
		assertThat(walkScreening(CADRE, null, null, null, 2))
			.isEqualTo(ScreeningOracle.screening(this.jdbc, Fixtures.TOWN, Fixtures.VILLAGE, LINE));
		for (ScreeningReason reason : ScreeningReason.values()) {
			assertThat(walkScreening(ADMIN, reason, Fixtures.OTHER_TOWN, null, 5))
				.isEqualTo(ScreeningOracle.screening(this.jdbc, Fixtures.OTHER_TOWN, null, LINE)
					.stream()
					.filter((r) -> r.startsWith(reason + "/"))
					.toList())
				.isNotEmpty();
		}
	}

	@Test
	void aScreeningRowSaysWhyItIsListed() {
		Map<ScreeningReason, ScreeningEntry> rows = new java.util.EnumMap<>(ScreeningReason.class);
		this.screening.screening(ADMIN, null, null, null, null, this.planted.underLine(), 10, null)
			.edges()
			.forEach((e) -> rows.put(e.node().reason(), e.node()));
		this.screening.screening(ADMIN, null, null, null, null, this.planted.eliminated(), 10, null)
			.edges()
			.forEach((e) -> rows.put(e.node().reason(), e.node()));
		assertThat(rows.get(ScreeningReason.UNDER_LINE_NOT_MONITORED).monitoringLine()).isEqualByComparingTo(LINE);
		assertThat(rows.get(ScreeningReason.UNDER_LINE_NOT_MONITORED).incomePerCapita()).isEqualByComparingTo("5000");
		assertThat(rows.get(ScreeningReason.WARNING_NOT_SCREENED).warningReceivedOn())
			.isEqualTo(LocalDate.of(2023, 11, 2));
		assertThat(rows.get(ScreeningReason.WARNING_NOT_SCREENED).householdCode())
			.isEqualTo(this.planted.eliminatedCode());
	}

}
