package cn.county.platform.household;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.county.platform.common.SqlStatementCounter;
import cn.county.platform.support.AbstractPlatformTests;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The household detail a cadre's phone asks for on a visit (members with jobs, trainings
 * and certificates, measures, visits, courtyard, loans with their events) costs the same
 * SQL statements for a household with a handful of records as for one with many: every
 * nested list is one batched statement, never one per row.
 */
class HouseholdDetailTests extends AbstractPlatformTests {

	/** Rows beneath a household, counted the way the detail shows them. */
	private static final String ROWS = "(SELECT COUNT(*) FROM member m WHERE m.household_id = h.id)"
			+ " + (SELECT COUNT(*) FROM assistance_measure a WHERE a.household_id = h.id)"
			+ " + (SELECT COUNT(*) FROM household_visit v WHERE v.household_id = h.id)"
			+ " + (SELECT COUNT(*) FROM loan_event e JOIN loan l ON l.id = e.loan_id WHERE l.household_id = h.id)"
			+ " + (SELECT COUNT(*) FROM job j JOIN member jm ON jm.id = j.member_id WHERE jm.household_id = h.id)";

	/**
	 * Households with at least one loan, so every nested list, loan events included, is
	 * asked for.
	 */
	private static final String WITH_LOANS = "SELECT h.id, " + ROWS + " AS row_count FROM household h"
			+ " WHERE EXISTS (SELECT 1 FROM loan l WHERE l.household_id = h.id)"
			+ " AND EXISTS (SELECT 1 FROM assistance_measure a WHERE a.household_id = h.id)"
			+ " AND EXISTS (SELECT 1 FROM household_visit v WHERE v.household_id = h.id)";

	@Autowired
	SqlStatementCounter statements;

	@Autowired
	MeterRegistry meters;

	@Test
	void theDetailCostsTheSameStatementsForASmallAndALargeHousehold() {
		Map<String, Object> small = this.jdbc.queryForMap(WITH_LOANS + " ORDER BY row_count ASC, h.id LIMIT 1");
		Map<String, Object> large = this.jdbc.queryForMap(WITH_LOANS + " ORDER BY row_count DESC, h.id LIMIT 1");
		assertThat(((Number) large.get("row_count")).longValue()).as("the demo data has households of different sizes")
			.isGreaterThan(((Number) small.get("row_count")).longValue() * 2);
		HttpGraphQlTester cadre = this.admin;
		long forSmall = statementsFor(cadre, small.get("id"));
		long forLarge = statementsFor(cadre, large.get("id"));
		assertThat(forLarge).isEqualTo(forSmall);
		// the household, then one statement per nested list: members, their jobs,
		// trainings and certificates,
		// measures, visits, courtyard, loans, loan events; the borrowers are among the
		// members already read (the
		// member loader's cache answers Loan.borrower), so they cost no statement of
		// their own: one fewer than 11
		assertThat(forSmall).isLessThanOrEqualTo(10);
	}

	@Test
	void theDetailCostsTheSameStatementsWithTenNestedRowsAsWithAThousand() {
		Map<String, Object> small = this.jdbc.queryForMap(WITH_LOANS + " ORDER BY row_count ASC, h.id LIMIT 1");
		long householdId = ((Number) small.get("id")).longValue();
		HttpGraphQlTester admin = this.admin;
		long forFew = statementsFor(admin, householdId);
		// visits are append-only and free of rules a fixture must satisfy: the cheapest
		// way to a household with a
		// thousand rows beneath it
		List<Object[]> visits = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			visits.add(new Object[] { -1_000_000L - i, householdId, "fixture.cadre",
					Date.valueOf(LocalDate.of(2023, 1, 1).plusDays(i % 300)), "visit " + i, "fixture.cadre" });
		}
		try {
			this.jdbc
				.batchUpdate("INSERT INTO household_visit (id, household_id, cadre, visited_on, notes, recorded_by)"
						+ " VALUES (?, ?, ?, ?, ?, ?)", visits);
			long rows = this.jdbc.queryForObject("SELECT " + ROWS + " FROM household h WHERE h.id = ?", Long.class,
					householdId);
			assertThat(rows).isGreaterThan(1_000);
			long forMany = statementsFor(admin, householdId);
			assertThat(forMany).isEqualTo(forFew);
		}
		finally {
			this.jdbc.update("DELETE FROM household_visit WHERE household_id = ? AND cadre = 'fixture.cadre'",
					householdId);
		}
	}

	@Test
	void theStatementCounterIsPublishedAsAMetricForTheBenchmark() {
		this.admin.documentName("householdDetail")
			.variable("id", this.jdbc.queryForObject("SELECT MIN(id) FROM household", Long.class))
			.execute();
		long before = this.statements.count();
		double published = this.meters.get(SqlStatementCounter.METRIC).functionCounter().count();
		assertThat(published).isGreaterThan(0).isBetween((double) before, (double) this.statements.count());
	}

	private long statementsFor(HttpGraphQlTester caller, Object householdId) {
		long before = this.statements.count();
		caller.documentName("householdDetail")
			.variable("id", householdId)
			.execute()
			.path("household.loans[0].events")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);
		return this.statements.count() - before;
	}

}
