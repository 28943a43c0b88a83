package cn.county.platform.exchange.export;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How exports run ({@code platform.exports.*}).
 * <p>
 * The page size is the {@code first} of each GraphQL page the export reads. It is not
 * larger than the largest page any list accepts ({@code platform.max-page-size}, 100), on
 * purpose: the cost limit, the response size limit and the list bounds are calibrated on
 * that page (a page of 100 households with up to 30 members of 10 fields each costs about
 * 37,000 of the 50,000 allowed), and an export is the same query as a client's, under the
 * same limits, so that it can never return what the same caller could not page through
 * itself.
 *
 * @param pageSize rows asked of GraphQL per page
 * @param perCaller exports one caller (user, or partner client) may start per
 * {@code window}
 * @param window the window of {@code perCaller}
 * @param maxConcurrent exports running at once on this instance; one more is refused with
 * 503 until one ends
 */
@ConfigurationProperties("platform.exports")
public record ExportProperties(@DefaultValue("100") int pageSize, @DefaultValue("30") int perCaller,
		@DefaultValue("1h") Duration window, @DefaultValue("4") int maxConcurrent) {
}
