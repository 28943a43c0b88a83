package cn.county.platform.demo;

import java.util.SplittableRandom;

/**
 * Weighted draws for {@link DemoSection}s, so that every section shapes its shares the
 * same way: a section that wants "mostly A, some B, a few C" gives the weights and draws
 * from its own {@link DemoContext#random()}. A draw takes exactly one {@code nextInt}
 * from the stream, so replacing a hand-written draw with this one keeps the data of a
 * seed unchanged.
 */
public final class DemoDraws {

	private DemoDraws() {
	}

	/**
	 * The index of one of {@code weights}, each with a chance in proportion to its
	 * weight.
	 */
	public static int pick(int[] weights, SplittableRandom random) {
		int total = 0;
		for (int weight : weights) {
			total += weight;
		}
		int roll = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			roll -= weights[i];
			if (roll < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

}
