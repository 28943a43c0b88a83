package cn.county.platform.courtyard;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.county.platform.demo.DemoChunk;
import cn.county.platform.demo.DemoContext;
import cn.county.platform.demo.DemoDraws;
import cn.county.platform.demo.DemoHousehold;
import cn.county.platform.demo.DemoSection;
import cn.county.platform.demo.DemoTable;
import cn.county.platform.demo.DemoTown;
import cn.county.platform.demo.DemoVillage;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * The courtyard economy of item 14 as of the demo's year. The programme is concentrated,
 * as it is on the ground: about one village in five takes part, and those carry the
 * county's roughly 5% of households with a courtyard record (50k for a million
 * households). Most taking part reach the target of 10 approved demonstration households,
 * some fall short; the others have at most a stray candidate. Most towns, never all, have
 * designated a demonstration village, always one that meets the target. Some approved
 * households carry an approved record of the year before.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public final class CourtyardDemoSection implements DemoSection {

	static final int TARGET = 10;

	/**
	 * Towns without a designation: this share of them, at least one when there are two
	 * towns or more.
	 */
	static final double UNDESIGNATED_TOWN_SHARE = 0.15;

	/** Villages other than demonstration villages that take part in the programme. */
	static final double TAKING_PART_SHARE = 0.17;

	/** Of those taking part, the share that falls short of {@link #TARGET}. */
	static final double SHORT_SHARE = 0.2;

	private static final String[] CATEGORIES = { "SPECIALTY_PLANTING", "SPECIALTY_BREEDING", "HANDICRAFT",
			"LEISURE_TOURISM", "ECOMMERCE_SERVICE" };

	private static final int[] CATEGORY_WEIGHTS = { 35, 30, 12, 8, 15 };

	private static final String DECIDED_BY = "county.admin";

	private enum Plan {

		DEMONSTRATION, TAKING_PART, SHORT, NONE

	}

	/** By village code; a village missing here has no plan (it is not in the run). */
	private final Map<String, Plan> plans = new HashMap<>();

	@Override
	public String name() {
		return "courtyard";
	}

	/**
	 * Which villages take part, and which town designates which, before any household
	 * exists.
	 */
	@Override
	public void begin(DemoContext context) {
		SplittableRandom random = context.random();
		List<DemoTown> towns = context.geography().towns();
		int undesignated = (towns.size() < 2) ? 0
				: Math.max(1, (int) Math.round(towns.size() * UNDESIGNATED_TOWN_SHARE));
		List<DemoTown> shuffled = new ArrayList<>(towns);
		for (int i = shuffled.size() - 1; i > 0; i--) {
			DemoTown swap = shuffled.set(random.nextInt(i + 1), shuffled.get(i));
			shuffled.set(i, swap);
		}
		List<DemoTown> withoutDesignation = shuffled.subList(0, undesignated);
		for (DemoTown town : towns) {
			List<DemoVillage> villages = town.villages();
			int demonstration = withoutDesignation.contains(town) ? -1 : random.nextInt(villages.size());
			for (int v = 0; v < villages.size(); v++) {
				Plan plan;
				if (v == demonstration) {
					plan = Plan.DEMONSTRATION;
				}
				else if (random.nextDouble() < TAKING_PART_SHARE) {
					plan = (random.nextDouble() < SHORT_SHARE) ? Plan.SHORT : Plan.TAKING_PART;
				}
				else {
					plan = Plan.NONE;
				}
				this.plans.put(villages.get(v).code(), plan);
			}
		}
		// however the draws fall, a few short villages must be there for the dashboard to
		// flag
		if (!this.plans.containsValue(Plan.SHORT)) {
			this.plans.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() == Plan.TAKING_PART)
				.map(Map.Entry::getKey)
				.max(String::compareTo)
				.ifPresent((village) -> this.plans.put(village, Plan.SHORT));
		}
	}

	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		DemoTable records = context.table("courtyard_household", "id", "household_id", "year", "category", "status",
				"area", "income", "nominated_by", "decided_by", "decided_on");
		DemoTable designations = context.table("demonstration_village", "town_code", "year", "village_code",
				"designated_by");
		SplittableRandom random = context.random();
		int year = context.asOf().getYear();
		Map<String, List<DemoHousehold>> byVillage = new HashMap<>();
		for (DemoHousehold household : chunk.households()) {
			byVillage.computeIfAbsent(household.villageCode(), (code) -> new ArrayList<>()).add(household);
		}
		for (DemoVillage village : chunk.villages()) {
			List<DemoHousehold> households = new ArrayList<>(byVillage.getOrDefault(village.code(), List.of()));
			Plan plan = this.plans.getOrDefault(village.code(), Plan.NONE);
			int approved = switch (plan) {
				case DEMONSTRATION -> TARGET + 1 + random.nextInt(5);
				case TAKING_PART -> TARGET + random.nextInt(4);
				case SHORT -> 3 + random.nextInt(TARGET - 3);
				case NONE -> 0;
			};
			int candidates = (plan == Plan.NONE) ? ((random.nextInt(10) == 0) ? 1 : 0) : 1 + random.nextInt(3);
			int revoked = (plan == Plan.NONE) ? 0 : random.nextInt(2);
			String nominatedBy = village.cadres().get(0);
			shuffle(households, random);
			int next = 0;
			for (int i = 0; i < approved && next < households.size(); i++) {
				DemoHousehold household = households.get(next++);
				String category = CATEGORIES[DemoDraws.pick(CATEGORY_WEIGHTS, random)];
				BigDecimal area = area(random);
				BigDecimal income = yuan(3000 + random.nextInt(27001));
				records.row(context.ids().nextId(), household.id(), year, category, "APPROVED", area, income,
						nominatedBy, DECIDED_BY, LocalDate.of(year, 5, 1).plusDays(random.nextInt(150)));
				if (random.nextInt(100) < 30) {
					BigDecimal before = yuan(income.intValue() * (70 + random.nextInt(26)) / 100);
					records.row(context.ids().nextId(), household.id(), year - 1, category, "APPROVED", area, before,
							nominatedBy, DECIDED_BY, LocalDate.of(year - 1, 5, 1).plusDays(random.nextInt(150)));
				}
			}
			for (int i = 0; i < candidates + revoked && next < households.size(); i++) {
				DemoHousehold household = households.get(next++);
				boolean isRevoked = i >= candidates;
				records.row(context.ids().nextId(), household.id(), year,
						CATEGORIES[DemoDraws.pick(CATEGORY_WEIGHTS, random)], isRevoked ? "REVOKED" : "CANDIDATE",
						area(random), yuan(random.nextInt(12001)), nominatedBy, isRevoked ? DECIDED_BY : null,
						isRevoked ? LocalDate.of(year, 6, 1).plusDays(random.nextInt(180)) : null);
			}
			if (plan == Plan.DEMONSTRATION) {
				designations.row(village.townCode(), year, village.code(), DECIDED_BY);
			}
		}
	}

	/** Square metres, to the half: 30 to 400. */
	private static BigDecimal area(SplittableRandom random) {
		return BigDecimal.valueOf(60 + random.nextInt(741), 1).multiply(BigDecimal.valueOf(5));
	}

	/** Yuan in round tens. */
	private static BigDecimal yuan(int yuan) {
		return BigDecimal.valueOf(yuan / 10 * 10L);
	}

	private static <T> void shuffle(List<T> list, SplittableRandom random) {
		for (int i = list.size() - 1; i > 0; i--) {
			T swap = list.set(random.nextInt(i + 1), list.get(i));
			list.set(i, swap);
		}
	}

}
