package cn.county.platform.region;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many towns and villages the county has, counted in the region tables once the
 * application is ready (after the migrations and any demo load) and again every
 * {@code platform.limits.measure-refresh} (default an hour), on a background thread: the
 * query cost model reads these numbers as the bounds of the region lists, so it needs no
 * SQL of its own inside a request. Until the first count succeeds (or while the database
 * is down at start-up) every size is unknown and the cost model uses the declared ceiling
 * of the list instead.
 * <p>
 * Towns and villages change only through migrations and the demo loader, so the counts
 * are exact between refreshes; a list found longer than its count anyway is cut to it
 * (the cost model is never optimistic) and asks for a recount through {@link #recount()}.
 */
@Component
public class RegionSizes {

	private static final Logger log = LoggerFactory.getLogger(RegionSizes.class);

	private final RegionMapper regions;

	private final AtomicBoolean counting = new AtomicBoolean();

	private volatile Sizes sizes;

	RegionSizes(RegionMapper regions) {
		this.regions = regions;
	}

	/** Towns of the county, if counted. */
	public OptionalInt towns() {
		Sizes current = this.sizes;
		return (current != null) ? OptionalInt.of(current.towns()) : OptionalInt.empty();
	}

	/** Villages of the county, if counted. */
	public OptionalInt villages() {
		Sizes current = this.sizes;
		return (current != null) ? OptionalInt.of(current.villages()) : OptionalInt.empty();
	}

	/** The most villages one town has, if counted. */
	public OptionalInt villagesPerTown() {
		Sizes current = this.sizes;
		return (current != null) ? OptionalInt.of(current.villagesPerTown()) : OptionalInt.empty();
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${platform.limits.measure-refresh:1h}",
			initialDelayString = "${platform.limits.measure-refresh:1h}")
	void count() {
		if (!this.counting.compareAndSet(false, true)) {
			return;
		}
		try {
			this.sizes = new Sizes(this.regions.countTowns(), this.regions.countVillages(),
					this.regions.maxVillagesPerTown());
		}
		catch (RuntimeException ex) {
			log.warn("Could not count the towns and villages (the list bounds stay as they were): {}", ex.getMessage());
		}
		finally {
			this.counting.set(false);
		}
	}

	/**
	 * Counts again soon, off the caller's thread (a region list was longer than its
	 * count).
	 */
	public void recount() {
		CompletableFuture.runAsync(this::count);
	}

	private record Sizes(int towns, int villages, int villagesPerTown) {
	}

}
