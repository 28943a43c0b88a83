package cn.county.platform.common;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Identical cold computations run once: the first request for a key computes it, and
 * every request for the same key that comes while it runs waits for that result instead
 * of computing it again. Nothing is kept once the computation ends (failed or not): the
 * results live in Redis or the rollup table, under keys carrying the versions that writes
 * increment, so a key that includes those versions never joins a computation started
 * before a write it must see.
 * <p>
 * A waiting request waits at most {@code wait} (the request timeout); past it, it gets
 * UNAVAILABLE naming {@code field}, while the computation goes on and stores its result
 * for the next request. The computing request itself is bounded by the statement timeout.
 * <p>
 * <b>Within one instance only.</b> Each API instance has its own flights, so with N
 * instances up to N identical computations may run at once (one per instance); the first
 * to finish stores its result and later requests on every instance read it. A lock across
 * instances (Redis {@code SET NX} with a lease) would need its holder's death detected
 * and its waiters woken over the network, for a cost bounded by the number of instances;
 * not built.
 * <p>
 * Why not Caffeine's {@code AsyncCache}, which also joins concurrent loads: it keeps the
 * result after the load, so it would be a second cache with its own invalidation to get
 * right; here the map holds a key only while its computation runs, which takes a dozen
 * lines.
 *
 * @param <V> what the computation returns
 */
public final class SingleFlight<V> {

	private final ConcurrentHashMap<String, CompletableFuture<V>> flights = new ConcurrentHashMap<>();

	private final String field;

	private final AtomicLong started = new AtomicLong();

	private final AtomicLong joined = new AtomicLong();

	/**
	 * @param field what a waiting request that times out names in its error
	 */
	public SingleFlight(String field) {
		this.field = field;
	}

	/**
	 * Computes the value in the calling thread, unless the same key is being computed
	 * already: then waits up to {@code wait} for that computation's value (or its
	 * failure).
	 */
	public V run(String key, Duration wait, Supplier<V> work) {
		CompletableFuture<V> mine = new CompletableFuture<>();
		CompletableFuture<V> running = this.flights.putIfAbsent(key, mine);
		if (running != null) {
			this.joined.incrementAndGet();
			return await(running, wait);
		}
		this.started.incrementAndGet();
		try {
			V value = work.get();
			mine.complete(value);
			return value;
		}
		catch (RuntimeException | Error ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.flights.remove(key, mine);
		}
	}

	/**
	 * Starts an asynchronous computation, unless the same key is being computed already:
	 * then returns a future of that computation's value that fails with UNAVAILABLE if it
	 * takes longer than {@code wait} from now. The future returned may be completed or
	 * cancelled by its holder without touching anyone else's.
	 */
	public CompletableFuture<V> start(String key, Duration wait, Supplier<CompletableFuture<V>> work) {
		CompletableFuture<V> mine = new CompletableFuture<>();
		CompletableFuture<V> flight = this.flights.putIfAbsent(key, mine);
		if (flight == null) {
			this.started.incrementAndGet();
			mine.whenComplete((value, failure) -> this.flights.remove(key, mine));
			// started outside the map's lock: a busy pool may run the work in this thread
			try {
				work.get().whenComplete((value, failure) -> {
					if (failure == null) {
						mine.complete(value);
					}
					else {
						mine.completeExceptionally(
								(failure instanceof CompletionException && failure.getCause() != null)
										? failure.getCause() : failure);
					}
				});
			}
			catch (RuntimeException | Error ex) {
				mine.completeExceptionally(ex);
			}
			return mine.copy();
		}
		this.joined.incrementAndGet();
		return flight.copy().orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).handle((value, failure) -> {
			if (failure == null) {
				return value;
			}
			Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
			if (cause instanceof TimeoutException) {
				throw timedOut(wait);
			}
			throw (failure instanceof CompletionException completion) ? completion : new CompletionException(cause);
		});
	}

	/** Computations this instance started. */
	public long started() {
		return this.started.get();
	}

	/** Requests that waited for a computation another request had started. */
	public long joined() {
		return this.joined.get();
	}

	private V await(CompletableFuture<V> running, Duration wait) {
		try {
			return running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw timedOut(wait);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new CompletionException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw timedOut(wait);
		}
	}

	private DomainException timedOut(Duration wait) {
		return new DomainException(
				new Violation(
						this.field, "the same figures are being computed for another request"
								+ " and were not ready within " + wait.toMillis() + " ms; try again shortly",
						ErrorClassification.UNAVAILABLE));
	}

}
