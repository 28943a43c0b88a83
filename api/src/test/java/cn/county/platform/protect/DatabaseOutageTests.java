package cn.county.platform.protect;

import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.TestServers;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With the database gone the API says so clearly, writes nothing, and recovers by itself
 * when it returns.
 */
class DatabaseOutageTests extends AbstractPlatformTests {

	@Test
	void whileTheDatabaseIsDownRequestsAreUnavailableAndAfterItReturnsTheyWork() throws Exception {
		// A database from DB_URL or a container is not this JVM's to stop; the embedded
		// one (what CI uses) is.
		assumeTrue(TestServers.databaseIsEmbedded(), "the database is not owned by this test run");
		HttpGraphQlTester admin = this.admin;
		admin.documentName("householdCount")
			.execute()
			.path("households.totalCount")
			.entity(Long.class)
			.satisfies((count) -> assertThat(count).isPositive());
		Map<String, Object> input = Fixtures.household();
		TestServers.stopDatabase();
		try {
			admin.documentName("householdCount").execute().errors().satisfy((errors) -> {
				assertThat(errors).isNotEmpty();
				assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAVAILABLE");
				assertThat(errors.get(0).getMessage()).doesNotContain("jdbc", "SQL", "Exception");
			});
			admin.documentName("createHousehold")
				.fragmentName("householdFields")
				.variable("input", input)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("classification",
						"UNAVAILABLE"));
		}
		finally {
			TestServers.startDatabaseAgain();
		}
		long recovered = -1;
		for (int attempt = 0; attempt < 30 && recovered < 0; attempt++) {
			try {
				recovered = admin.documentName("householdCount")
					.execute()
					.path("households.totalCount")
					.entity(Long.class)
					.get();
			}
			catch (AssertionError stillRecovering) {
				Thread.sleep(1000);
			}
		}
		assertThat(recovered).as("answers again after the database returns").isPositive();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE code = ?", Long.class,
				input.get("code")))
			.as("the write attempted during the outage left nothing")
			.isZero();
	}

}
