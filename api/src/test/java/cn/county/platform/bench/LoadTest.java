package cn.county.platform.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's arithmetic and its load generator, on requests that cost nothing but a
 * known sleep.
 */
@Tag("bench")
class LoadTest {

	@Test
	void percentilesAreNearestRankOverTheSamplesThatHappened() {
		Latencies latencies = new Latencies();
		for (int i = 100; i >= 1; i--) {
			latencies.add(i);
		}
		assertThat(latencies.percentile(50)).isEqualTo(50);
		assertThat(latencies.percentile(99)).isEqualTo(99);
		assertThat(latencies.percentile(100)).isEqualTo(100);
		assertThat(latencies.max()).isEqualTo(100);
		Latencies three = new Latencies();
		three.add(10);
		three.add(30);
		three.add(20);
		assertThat(three.percentile(50)).isEqualTo(20);
		assertThat(three.percentile(99)).isEqualTo(30);
		assertThat(new Latencies().percentile(99)).isZero();
	}

	@Test
	void anOpenLoopStartsRequestsOnScheduleAndCountsFailures() {
		AtomicInteger calls = new AtomicInteger();
		Load.Outcome outcome = Load.openLoop(200, Duration.ofMillis(250), 64, (i) -> {
			calls.incrementAndGet();
			return i % 10 != 0;
		});
		assertThat(outcome.requests()).isEqualTo(50);
		assertThat(calls.get()).isEqualTo(50);
		assertThat(outcome.errors()).isEqualTo(5);
		assertThat(outcome.latencies().size()).isEqualTo(50);
		assertThat(outcome.throughput()).isBetween(100.0, 250.0);
	}

	@Test
	void anOpenLoopCountsTheTimeARequestWaitedBehindASlowServer() {
		// one request at a time can be served, each takes 20 ms, and they are due every 5
		// ms: latency grows with the
		// queue, which a generator that waits for each answer before scheduling the next
		// would never see
		Object server = new Object();
		Load.Outcome outcome = Load.openLoop(200, Duration.ofMillis(100), 64, (i) -> {
			synchronized (server) {
				Thread.sleep(20);
			}
			return true;
		});
		assertThat(outcome.errors()).isZero();
		assertThat(outcome.latencies().percentile(99)).isGreaterThan(Duration.ofMillis(200).toNanos());
	}

	@Test
	void requestsPastTheOutstandingLimitAreErrorsNotSilentlySkipped() {
		Load.Outcome outcome = Load.openLoop(1000, Duration.ofMillis(50), 1, (i) -> {
			Thread.sleep(30);
			return true;
		});
		assertThat(outcome.requests()).isEqualTo(50);
		assertThat(outcome.errors()).isGreaterThan(40);
		assertThat(outcome.firstError()).contains("outstanding");
	}

	@Test
	void aClosedLoopKeepsEachClientBusyUntilTheEnd() {
		Load.Outcome outcome = Load.closedLoop(4, Duration.ofMillis(200), (i) -> {
			Thread.sleep(10);
			if (i == 3) {
				throw new IllegalStateException("boom");
			}
			return true;
		});
		assertThat(outcome.requests()).isBetween(40, 100);
		assertThat(outcome.errors()).isEqualTo(1);
		assertThat(outcome.firstError()).contains("boom");
		assertThat(outcome.latencies().percentile(50)).isGreaterThanOrEqualTo(Duration.ofMillis(10).toNanos());
	}

	@Test
	void sequentialRequestsRunOneAfterAnother() {
		Load.Outcome outcome = Load.closedLoopCount(3, (i) -> i != 1);
		assertThat(outcome.requests()).isEqualTo(3);
		assertThat(outcome.errors()).isEqualTo(1);
	}

}
