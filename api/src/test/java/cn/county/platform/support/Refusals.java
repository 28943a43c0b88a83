package cn.county.platform.support;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks every refused write gets: an error naming its field and classification (or
 * FORBIDDEN by role), and no table changed. Feature fixtures pass the tables their
 * feature writes.
 */
public final class Refusals {

	private Refusals() {
	}

	/**
	 * @param field the {@code extensions.field} the error must name, or null for a
	 * refusal without one (method security's FORBIDDEN)
	 * @param tables the tables that must be exactly as they were
	 */
	public static void assertRefused(JdbcTemplate jdbc, Supplier<GraphQlTester.Response> request, String field,
			String classification, String... tables) {
		Map<String, Object> before = DatabaseSnapshot.of(jdbc, tables);
		GraphQlTester.Response response = request.get();
		response.errors().satisfy((errors) -> {
			assertThat(errors).as("errors").isNotEmpty();
			assertThat(errors).anySatisfy((ResponseError error) -> {
				assertThat(error.getExtensions()).containsEntry("classification", classification);
				if (field != null) {
					assertThat(error.getExtensions()).containsEntry("field", field);
					assertThat(error.getMessage()).startsWith(field + ": ");
				}
			});
		});
		assertThat(DatabaseSnapshot.of(jdbc, tables)).isEqualTo(before);
	}

	/**
	 * Refused by role: one FORBIDDEN error without a field, and the tables exactly as
	 * they were.
	 */
	public static void assertForbidden(JdbcTemplate jdbc, Supplier<GraphQlTester.Response> request, String... tables) {
		Map<String, Object> before = DatabaseSnapshot.of(jdbc, tables);
		request.get()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
		assertThat(DatabaseSnapshot.of(jdbc, tables)).isEqualTo(before);
	}

}
