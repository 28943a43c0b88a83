package cn.county.platform.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Towns and villages of the demo county, sized so that a village keeps about 55
 * households whatever the household count: 20,000 households give the 12 demo towns of
 * about 30 villages each, 1,000,000 give about 600 towns.
 * <p>
 * Codes follow the national statistical division codes: town = county 411024 + 3 digits
 * from 100, village = town + 3 digits from 201. The first town is always 411024100 and
 * its first village 411024100201, because demo users are bound to those codes. Names
 * depend only on the code's position, not on the seed or the size, so a guide that says
 * "the cadre of 安乐镇" stays right.
 */
public final class DemoGeography {

	public static final String COUNTY_CODE = "411024";

	static final int HOUSEHOLDS_PER_VILLAGE = 55;

	static final int VILLAGES_PER_TOWN = 30;

	/** Town sequence numbers 100-999. */
	static final int MAX_TOWNS = 900;

	/** Village sequence numbers 201-999. */
	static final int MAX_VILLAGES_PER_TOWN = 799;

	/** Household sequence numbers are 4 digits. */
	static final int MAX_HOUSEHOLDS_PER_VILLAGE = 9999;

	private static final long NAME_SEED = 411024L;

	private final List<DemoTown> towns;

	private final List<DemoVillage> villages;

	private final int households;

	private DemoGeography(List<DemoTown> towns, int households) {
		this.towns = List.copyOf(towns);
		List<DemoVillage> all = new ArrayList<>();
		for (DemoTown town : towns) {
			all.addAll(town.villages());
		}
		this.villages = List.copyOf(all);
		this.households = households;
	}

	public static DemoGeography plan(int households, long seed) {
		if (households < 1) {
			throw new IllegalArgumentException("At least one household is needed, not " + households);
		}
		int villageCount = Math.max(1, (int) Math.round(households / (double) HOUSEHOLDS_PER_VILLAGE));
		int townCount = (int) Math.min(MAX_TOWNS, Math.max(1, Math.round(villageCount / (double) VILLAGES_PER_TOWN)));
		if (villageCount > townCount * MAX_VILLAGES_PER_TOWN) {
			throw new IllegalArgumentException(households + " households do not fit the county's division codes");
		}
		int[] sizes = villageSizes(households, villageCount, new SplittableRandom(seed));
		SplittableRandom townNames = new SplittableRandom(NAME_SEED);
		Set<String> usedTownNames = new HashSet<>(List.of(DemoNames.DEMO_TOWNS));
		List<DemoTown> towns = new ArrayList<>(townCount);
		int village = 0;
		for (int t = 0; t < townCount; t++) {
			String townCode = COUNTY_CODE + (100 + t);
			String townName;
			if (t < DemoNames.DEMO_TOWNS.length) {
				townName = DemoNames.DEMO_TOWNS[t];
			}
			else {
				do {
					townName = DemoNames.townName(townNames);
				}
				while (!usedTownNames.add(townName));
			}
			int villagesHere = villageCount / townCount + ((t < villageCount % townCount) ? 1 : 0);
			SplittableRandom villageNames = new SplittableRandom(Long.parseLong(townCode));
			Set<String> usedVillageNames = new HashSet<>();
			List<DemoVillage> villages = new ArrayList<>(villagesHere);
			for (int v = 0; v < villagesHere; v++) {
				String name;
				do {
					name = DemoNames.villageName(villageNames);
				}
				while (!usedVillageNames.add(name));
				int cadreCount = 3 + villageNames.nextInt(3);
				List<String> cadres = new ArrayList<>(cadreCount);
				for (int c = 0; c < cadreCount; c++) {
					cadres.add(DemoNames.person(villageNames, villageNames.nextInt(100) < 70));
				}
				villages.add(new DemoVillage(townCode + (201 + v), townCode, name, sizes[village++],
						Collections.unmodifiableList(cadres)));
			}
			towns.add(new DemoTown(townCode, townName, Collections.unmodifiableList(villages)));
		}
		return new DemoGeography(towns, households);
	}

	/**
	 * Uneven like real villages (about 40 to 70 households), adding up to exactly the
	 * requested count.
	 */
	private static int[] villageSizes(int households, int villageCount, SplittableRandom random) {
		double[] weights = new double[villageCount];
		double total = 0;
		for (int i = 0; i < villageCount; i++) {
			weights[i] = 0.7 + 0.6 * random.nextDouble();
			total += weights[i];
		}
		int[] sizes = new int[villageCount];
		int assigned = 0;
		for (int i = 0; i < villageCount; i++) {
			sizes[i] = (int) Math.floor(households * weights[i] / total);
			assigned += sizes[i];
		}
		for (int i = 0; assigned < households; i = (i + 1) % villageCount) {
			sizes[i]++;
			assigned++;
		}
		for (int size : sizes) {
			if (size > MAX_HOUSEHOLDS_PER_VILLAGE) {
				throw new IllegalArgumentException("A village would get " + size + " households");
			}
		}
		return sizes;
	}

	public List<DemoTown> towns() {
		return this.towns;
	}

	public List<DemoVillage> villages() {
		return this.villages;
	}

	public int households() {
		return this.households;
	}

	/**
	 * Whole villages, grouped until a group has {@code households} households or more
	 * (the last may have fewer).
	 */
	List<List<DemoVillage>> chunks(int households) {
		List<List<DemoVillage>> chunks = new ArrayList<>();
		List<DemoVillage> current = new ArrayList<>();
		int count = 0;
		for (DemoVillage village : this.villages) {
			current.add(village);
			count += village.households();
			if (count >= households) {
				chunks.add(current);
				current = new ArrayList<>();
				count = 0;
			}
		}
		if (!current.isEmpty()) {
			chunks.add(current);
		}
		return chunks;
	}

}
