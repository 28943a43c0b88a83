package cn.county.platform.common;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("fast")
class IdGeneratorTests {

	@Test
	void idsOfTheSameMillisecondNeverRepeat() {
		// an import's batch draws thousands of ids in one millisecond: 22 random bits
		// alone repeat there (about one pair in 2,000 ids), which a batch insert meets as
		// a
		// duplicate primary key
		IdGenerator ids = new IdGenerator(() -> 1_700_000_000_000L, 42);
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < 200_000; i++) {
			assertThat(seen.add(ids.nextId())).as("id %d", i).isTrue();
		}
	}

	@Test
	void aClockThatTicksEachIdGivesTheSameIdsAsEver() {
		// the demo generator's ids depend on the seed alone
		long[] now = { 1_700_000_000_000L };
		IdGenerator ids = new IdGenerator(() -> now[0]++, 7);
		java.util.SplittableRandom random = new java.util.SplittableRandom(7);
		for (int i = 0; i < 1_000; i++) {
			long millis = (1_700_000_000_000L + i - 1_672_531_200_000L) & ((1L << 41) - 1);
			long expected = ((long) random.nextInt(256) << 55) | (millis << 14) | random.nextInt(1 << 14);
			assertThat(ids.nextId()).isEqualTo(expected);
		}
	}

}
