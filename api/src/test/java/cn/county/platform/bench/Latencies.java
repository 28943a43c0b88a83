package cn.county.platform.bench;

import java.util.Arrays;

/**
 * Latencies of one phase in nanoseconds, and their percentiles by nearest rank: p99 of
 * 100 samples is the 99th smallest, never an interpolation between two requests that
 * happened.
 */
final class Latencies {

	private long[] samples = new long[1024];

	private int size;

	synchronized void add(long nanos) {
		if (this.size == this.samples.length) {
			this.samples = Arrays.copyOf(this.samples, this.size * 2);
		}
		this.samples[this.size++] = nanos;
	}

	synchronized int size() {
		return this.size;
	}

	/**
	 * The smallest sample that at least {@code percent}% of the samples do not exceed; 0
	 * when there are none.
	 */
	synchronized long percentile(double percent) {
		if (this.size == 0) {
			return 0;
		}
		long[] sorted = Arrays.copyOf(this.samples, this.size);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	synchronized long max() {
		long max = 0;
		for (int i = 0; i < this.size; i++) {
			max = Math.max(max, this.samples[i]);
		}
		return max;
	}

}
