package cn.county.platform.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The harness every full-stack test class extends: the application of
 * {@link PlatformTest}, the API as every role through {@link #clients} (testers built
 * once per context, not per test), the county admin as {@link #admin}, and the database
 * behind the application as {@link #jdbc}, for setting up rows and checking what a
 * request wrote. Inputs and records to work with come from {@link Fixtures}.
 */
@PlatformTest
public abstract class AbstractPlatformTests {

	/**
	 * The API as each role: {@code clients.townOfficial()}, {@code clients.insurer()},
	 * {@code clients.as(user)}.
	 */
	@Autowired
	protected GraphQlClients clients;

	/** The database the application reads and writes. */
	@Autowired
	protected JdbcTemplate jdbc;

	/**
	 * The county admin, who may do everything; most tests set up their data as this user.
	 */
	protected HttpGraphQlTester admin;

	@Autowired
	void connectAsAdmin(GraphQlClients clients) {
		this.admin = clients.admin();
	}

}
