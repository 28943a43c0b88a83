package cn.county.platform.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The two ways a scenario is driven. <b>Open loop</b>: requests start on a fixed schedule
 * whether or not earlier ones have answered, and each latency is measured from the moment
 * the schedule said the request should start, so time spent queueing behind a slow server
 * counts (no coordinated omission). <b>Closed loop</b>: a fixed number of clients each
 * send their next request as soon as the last one answered, which finds the saturation
 * throughput.
 */
final class Load {

	/**
	 * One request; {@code i} numbers the requests of a phase so a scenario can vary its
	 * arguments.
	 */
	@FunctionalInterface
	interface Call {

		/**
		 * True when the answer was a success; false or an exception counts as an error.
		 */
		boolean call(int i) throws Exception;

	}

	/**
	 * What one phase measured.
	 *
	 * @param requests requests started
	 * @param errors requests that failed, timed out or were never sent because too many
	 * were outstanding
	 * @param elapsedNanos from the first scheduled start to the last answer
	 */
	record Outcome(int requests, int errors, long elapsedNanos, Latencies latencies, String firstError) {

		double throughput() {
			return (this.elapsedNanos > 0) ? (this.requests - this.errors) * 1e9 / this.elapsedNanos : 0;
		}

	}

	private Load() {
	}

	/**
	 * Starts {@code rate} requests a second for {@code duration}; at most
	 * {@code maxOutstanding} may be waiting for an answer, and a request that would
	 * exceed that is counted as an error instead of being sent.
	 */
	static Outcome openLoop(double rate, Duration duration, int maxOutstanding, Call call) {
		int total = Math.max(1, (int) Math.round(rate * duration.toNanos() / 1e9));
		long interval = (long) (1e9 / rate);
		Latencies latencies = new Latencies();
		AtomicInteger errors = new AtomicInteger();
		AtomicLong lastAnswer = new AtomicLong();
		StringBuffer firstError = new StringBuffer();
		Semaphore outstanding = new Semaphore(maxOutstanding);
		ExecutorService pool = Executors.newCachedThreadPool(daemon("open-loop"));
		long start = System.nanoTime() + 1_000_000;
		try {
			for (int i = 0; i < total; i++) {
				long intended = start + i * interval;
				long wait = intended - System.nanoTime();
				while (wait > 0) {
					LockSupport.parkNanos(wait);
					wait = intended - System.nanoTime();
				}
				if (!outstanding.tryAcquire()) {
					errors.incrementAndGet();
					note(firstError, "more than " + maxOutstanding + " requests outstanding");
					continue;
				}
				int index = i;
				pool.execute(() -> {
					try {
						boolean ok = run(call, index, firstError);
						long now = System.nanoTime();
						latencies.add(now - intended);
						lastAnswer.accumulateAndGet(now, Math::max);
						if (!ok) {
							errors.incrementAndGet();
						}
					}
					finally {
						outstanding.release();
					}
				});
			}
		}
		finally {
			pool.shutdown();
			awaitQuietly(pool);
		}
		long end = Math.max(lastAnswer.get(), start + (total - 1) * interval);
		return new Outcome(total, errors.get(), end - start, latencies, firstError.toString());
	}

	/**
	 * {@code clients} threads, each sending its next request when the last one answered,
	 * for {@code duration}.
	 */
	static Outcome closedLoop(int clients, Duration duration, Call call) {
		Latencies latencies = new Latencies();
		AtomicInteger requests = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		StringBuffer firstError = new StringBuffer();
		ExecutorService pool = Executors.newFixedThreadPool(clients, daemon("closed-loop"));
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		AtomicLong lastAnswer = new AtomicLong(start);
		for (int c = 0; c < clients; c++) {
			pool.execute(() -> {
				while (System.nanoTime() < deadline) {
					int index = requests.getAndIncrement();
					long sent = System.nanoTime();
					boolean ok = run(call, index, firstError);
					long now = System.nanoTime();
					latencies.add(now - sent);
					lastAnswer.accumulateAndGet(now, Math::max);
					if (!ok) {
						errors.incrementAndGet();
					}
				}
			});
		}
		pool.shutdown();
		awaitQuietly(pool);
		return new Outcome(requests.get(), errors.get(), lastAnswer.get() - start, latencies, firstError.toString());
	}

	/**
	 * {@code n} requests one after another: for requests so slow that a rate or a crowd
	 * would only queue them.
	 */
	static Outcome closedLoopCount(int n, Call call) {
		return closedLoopCount(n, (i) -> true, call);
	}

	/**
	 * As {@link #closedLoopCount(int, Call)}, with an untimed step before each call (a
	 * write, an invalidation).
	 */
	static Outcome closedLoopCount(int n, Call before, Call call) {
		Latencies latencies = new Latencies();
		int errors = 0;
		StringBuffer firstError = new StringBuffer();
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			if (!run(before, i, firstError)) {
				errors++;
				continue;
			}
			long sent = System.nanoTime();
			if (!run(call, i, firstError)) {
				errors++;
			}
			latencies.add(System.nanoTime() - sent);
		}
		return new Outcome(n, errors, System.nanoTime() - start, latencies, firstError.toString());
	}

	private static boolean run(Call call, int index, StringBuffer firstError) {
		try {
			boolean ok = call.call(index);
			if (!ok) {
				note(firstError, "request " + index + " answered with an error");
			}
			return ok;
		}
		catch (Exception ex) {
			note(firstError, ex.getClass().getSimpleName() + ": " + ex.getMessage());
			return false;
		}
	}

	private static void note(StringBuffer firstError, String message) {
		synchronized (firstError) {
			if (firstError.isEmpty()) {
				firstError.append(message);
			}
		}
	}

	private static void awaitQuietly(ExecutorService pool) {
		try {
			if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
				pool.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			pool.shutdownNow();
		}
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger n = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, name + "-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
