package cn.county.platform.exchange.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How imports run: how many at once and how many may wait (more is refused with 503), how
 * many households or rows one transaction writes, how many refused rows a job keeps for
 * its report, when a job whose runner stopped is declared failed, and POI's zip-bomb
 * guards. The upload size is Spring's {@code spring.servlet.multipart.max-file-size}.
 *
 * @param workers imports running at the same time
 * @param queued imports waiting for a worker
 * @param chunkUnits units (households, warnings) per transaction
 * @param maxStoredRefusals refused rows kept per job (all are counted)
 * @param abandonedAfter a QUEUED or RUNNING job with no progress for this long has lost
 * its runner
 * @param minInflateRatio POI's {@code ZipSecureFile} minimum inflate ratio
 * @param maxEntryBytes POI's {@code ZipSecureFile} largest inflated entry
 */
@ConfigurationProperties("platform.exchange.imports")
public record ImportProperties(@DefaultValue("2") int workers, @DefaultValue("8") int queued,
		@DefaultValue("200") int chunkUnits, @DefaultValue("10000") int maxStoredRefusals,
		@DefaultValue("2m") Duration abandonedAfter, @DefaultValue("0.01") double minInflateRatio,
		@DefaultValue("2147483648") long maxEntryBytes) {
}
