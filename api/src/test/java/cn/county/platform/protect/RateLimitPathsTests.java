package cn.county.platform.protect;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which request paths count against the request rate limit: the API's, by their shape.
 */
@Tag("fast")
class RateLimitPathsTests {

	@Test
	void graphQlUploadsReportsAndExportsAreLimited() {
		assertThat(RateLimitFilter.limited("/graphql")).isTrue();
		assertThat(RateLimitFilter.limited("/imports/roster")).isTrue();
		assertThat(RateLimitFilter.limited("/imports/6271038162923796858/report")).isTrue();
		assertThat(RateLimitFilter.limited("/exports/households.xlsx")).isTrue();
		assertThat(RateLimitFilter.limited("/exports/missing-sales-reports.csv")).isTrue();
	}

	@Test
	void pathsThatOnlyContainTheWordsAreNot() {
		assertThat(RateLimitFilter.limited("/actuator/health")).isFalse();
		assertThat(RateLimitFilter.limited("/docs/imports")).isFalse();
		assertThat(RateLimitFilter.limited("/static/imports/x.js")).isFalse();
		assertThat(RateLimitFilter.limited("/graphiql")).isFalse();
		assertThat(RateLimitFilter.limited("/a/exports/households.xlsx")).isFalse();
	}

}
