package cn.county.platform.common;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Primary keys for every table: 63-bit positive numbers made of 8 random "bucket" bits,
 * 41 bits of milliseconds and 14 random bits. The bucket bits spread new rows over 256
 * ranges, so that a distributed MySQL-protocol engine (TiDB, Vitess) does not send every
 * insert to the one node that owns the newest range, while each range still grows in time
 * order, which keeps InnoDB page splits rare. No coordination between API instances is
 * needed.
 */
public final class IdGenerator {

	private static final long EPOCH_MILLIS = 1_672_531_200_000L; // 2023-01-01T00:00:00Z

	private final LongSupplier clock;

	private final SplittableRandom random;

	public IdGenerator(LongSupplier clock, long seed) {
		this.clock = clock;
		this.random = new SplittableRandom(seed);
	}

	public static IdGenerator system() {
		return new IdGenerator(System::currentTimeMillis, new java.security.SecureRandom().nextLong());
	}

	/**
	 * The millisecond of the ids last given, and their random bits: ids of the same
	 * millisecond never repeat. One write draws a few ids a millisecond and would rarely
	 * meet the same 22 random bits twice, but a batch (an import's thousand rows) draws
	 * hundreds in the same millisecond, where a repeat is likely without this check.
	 */
	private long lastMillis = -1;

	private final java.util.Set<Long> drawn = new java.util.HashSet<>();

	public synchronized long nextId() {
		long millis = Math.max(0, this.clock.getAsLong() - EPOCH_MILLIS) & ((1L << 41) - 1);
		if (millis != this.lastMillis) {
			this.lastMillis = millis;
			this.drawn.clear();
		}
		long bucket;
		long low;
		do {
			bucket = this.random.nextInt(256);
			low = this.random.nextInt(1 << 14);
		}
		while (!this.drawn.add((bucket << 14) | low) && this.drawn.size() < (1 << 22));
		return (bucket << 55) | (millis << 14) | low;
	}

}
