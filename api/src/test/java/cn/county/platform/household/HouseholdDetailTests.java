package cn.county.platform.household;

import java.util.Map;

import cn.county.platform.common.SqlStatementCounter;
import cn.county.platform.support.GraphQlClients;
import cn.county.platform.support.PlatformTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The household detail a cadre's phone asks for on a visit (members with jobs, trainings and certificates, measures,
 * visits, courtyard, loans with their events) costs the same SQL statements for a household with a
 * handful of records as for one with many: every nested list is one batched statement, never one per row.
 */
@PlatformTest
class HouseholdDetailTests {

	/** Rows beneath a household, counted the way the detail shows them. */
	private static final String ROWS = "(SELECT COUNT(*) FROM member m WHERE m.household_id = h.id)"
			+ " + (SELECT COUNT(*) FROM assistance_measure a WHERE a.household_id = h.id)"
			+ " + (SELECT COUNT(*) FROM household_visit v WHERE v.household_id = h.id)"
			+ " + (SELECT COUNT(*) FROM loan_event e JOIN loan l ON l.id = e.loan_id WHERE l.household_id = h.id)"
			+ " + (SELECT COUNT(*) FROM job j JOIN member jm ON jm.id = j.member_id WHERE jm.household_id = h.id)";

	/** Households with at least one loan, so every nested list, loan events included, is asked for. */
	private static final String WITH_LOANS = "SELECT h.id, " + ROWS + " AS row_count FROM household h"
			+ " WHERE EXISTS (SELECT 1 FROM loan l WHERE l.household_id = h.id)"
			+ " AND EXISTS (SELECT 1 FROM assistance_measure a WHERE a.household_id = h.id)"
			+ " AND EXISTS (SELECT 1 FROM household_visit v WHERE v.household_id = h.id)";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlStatementCounter statements;

	@Test
	void theDetailCostsTheSameStatementsForASmallAndALargeHousehold() {
		Map<String, Object> small = this.jdbc.queryForMap(WITH_LOANS + " ORDER BY row_count ASC, h.id LIMIT 1");
		Map<String, Object> large = this.jdbc.queryForMap(WITH_LOANS + " ORDER BY row_count DESC, h.id LIMIT 1");
		assertThat(((Number) large.get("row_count")).longValue())
			.as("the demo data has households of different sizes")
			.isGreaterThan(((Number) small.get("row_count")).longValue() * 2);
		HttpGraphQlTester cadre = new GraphQlClients(this.port).as("county.admin");
		long forSmall = statementsFor(cadre, small.get("id"));
		long forLarge = statementsFor(cadre, large.get("id"));
		assertThat(forLarge).isEqualTo(forSmall);
		// the household, then one statement per nested list: members, their jobs, trainings and certificates,
		// measures, visits, courtyard, loans, borrowers, loan events
		assertThat(forSmall).isLessThanOrEqualTo(11);
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
