package cn.county.platform.audit;

import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes idempotency keys older than {@code platform.idempotency.retention}, in batches
 * of {@code purge-batch} rows (each its own short statement) and at most
 * {@code purge-max-batches} of them per run. The schedule runs on every API instance;
 * ShedLock ({@code common/SchedulerLockConfiguration}) lets one of them run it at a time.
 */
@Component
public class IdempotencyPurge {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

	/** The ShedLock name of the scheduled purge. */
	public static final String LOCK = "idempotency-purge";

	private final IdempotencyMapper keys;

	private final IdempotencyProperties properties;

	IdempotencyPurge(IdempotencyMapper keys, IdempotencyProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	/**
	 * The scheduled run, under the cluster-wide lock: empty when another run (on this or
	 * another instance) holds it or held it less than {@code lockAtLeastFor} ago, which
	 * also covers instances whose clocks fire a little apart.
	 */
	@Scheduled(cron = "${platform.idempotency.purge-cron:0 17 * * * *}", zone = "${platform.zone:Asia/Shanghai}")
	@SchedulerLock(name = LOCK, lockAtMostFor = "PT30M", lockAtLeastFor = "PT10S")
	public Optional<Integer> purgeOnSchedule() {
		return Optional.of(purgeExpired());
	}

	/**
	 * Deletes expired keys now, without the lock (tests and operators); returns how many
	 * went.
	 */
	public int purgeExpired() {
		long retention = this.properties.retentionSeconds();
		int total = 0;
		for (int batch = 0; batch < this.properties.purgeMaxBatches(); batch++) {
			int deleted = this.keys.deleteExpired(retention, this.properties.purgeBatch());
			total += deleted;
			if (deleted < this.properties.purgeBatch()) {
				break;
			}
		}
		if (total > 0) {
			log.info("Deleted {} idempotency keys older than {}", total, this.properties.retention());
		}
		return total;
	}

}
