package cn.county.platform.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an {@code Idempotency-Key} guards a mutation, and how expired keys are
 * cleared.
 *
 * @param retention how long a stored answer is replayed; after it the key counts as new,
 * and the purge deletes it
 * @param purgeCron when the purge runs (Spring cron, in {@code platform.zone}); on one
 * instance at a time
 * @param purgeBatch rows one purge statement deletes, so no statement holds locks for
 * long
 * @param purgeMaxBatches statements one purge run issues at most; what is left waits for
 * the next run
 */
@ConfigurationProperties("platform.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
		@DefaultValue("0 17 * * * *") String purgeCron, @DefaultValue("1000") int purgeBatch,
		@DefaultValue("1000") int purgeMaxBatches) {

	public IdempotencyProperties {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("platform.idempotency.retention must be positive");
		}
		if (purgeBatch < 1 || purgeMaxBatches < 1) {
			throw new IllegalArgumentException(
					"platform.idempotency.purge-batch and purge-max-batches must be positive");
		}
	}

	long retentionSeconds() {
		return Math.max(1, this.retention.toSeconds());
	}

}
