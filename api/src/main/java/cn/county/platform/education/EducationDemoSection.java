package cn.county.platform.education;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import cn.county.platform.demo.DemoChunk;
import cn.county.platform.demo.DemoContext;
import cn.county.platform.demo.DemoHousehold;
import cn.county.platform.demo.DemoMember;
import cn.county.platform.demo.DemoSection;
import cn.county.platform.demo.DemoTable;
import cn.county.platform.demo.DemoTown;
import cn.county.platform.demo.DemoVillage;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Schooling histories and education aid that agree with the members' recorded schooling:
 * every pupil enrolled at the usual age (primary at 6, high school or vocational at 15,
 * college at 18), some transferred since; severely disabled children of compulsory age
 * mostly taught at home; each drop-out enrolled first and dropped out within the last
 * year (so the schooling rule finds them); a few children dropped out and returned.
 * Pupils of monitored and policy-supported households receive the aid of their level for
 * the two terms of the demo's year.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public final class EducationDemoSection implements DemoSection {

	static final double TRANSFERRED_SHARE = 0.08;

	static final double RETURNED_SHARE = 0.01;

	static final double AID_SHARE = 0.8;

	private final Map<String, String> townNames = new HashMap<>();

	@Override
	public String name() {
		return "education";
	}

	@Override
	public void begin(DemoContext context) {
		for (DemoTown town : context.geography().towns()) {
			this.townNames.put(town.code(), town.name());
		}
	}

	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		DemoTable records = context.table("schooling_record", "id", "member_id", "household_id", "status", "level",
				"school", "effective_on", "recorded_by");
		DemoTable aid = context.table("education_aid", "id", "member_id", "household_id", "kind", "amount",
				"school_year", "term", "granted_on", "recorded_by");
		SplittableRandom random = context.random();
		LocalDate asOf = context.asOf();
		Map<String, DemoVillage> villages = new HashMap<>();
		chunk.villages().forEach((village) -> villages.put(village.code(), village));
		for (DemoHousehold household : chunk.households()) {
			String town = this.townNames.getOrDefault(household.townCode(), "");
			DemoVillage village = villages.get(household.villageCode());
			String primary = ((village != null) ? village.name() : town) + "小学";
			String recorder = "education.officer";
			boolean supported = household.isMonitored() || household.policySupport();
			for (DemoMember member : household.members()) {
				int born = member.birthDate().getYear();
				switch (member.schooling()) {
					case "COMPULSORY" -> {
						LocalDate enrolled = LocalDate.of(born + 6, 9, 1);
						boolean severe = "DISABLED".equals(member.health()) && member.disabilityGrade() != null
								&& member.disabilityGrade() <= 2;
						if (severe && random.nextDouble() < 0.6) {
							records.row(context.ids().nextId(), member.id(), household.id(), "HOME_TAUGHT",
									"COMPULSORY", "县特殊教育学校", enrolled, recorder);
						}
						else if (member.age() >= 10 && random.nextDouble() < RETURNED_SHARE) {
							records.row(context.ids().nextId(), member.id(), household.id(), "ENROLLED", "COMPULSORY",
									primary, enrolled, recorder);
							LocalDate dropped = asOf.minusDays(200 + random.nextInt(300));
							records.row(context.ids().nextId(), member.id(), household.id(), "DROPPED_OUT", null,
									primary, dropped, "town.official");
							records.row(context.ids().nextId(), member.id(), household.id(), "RETURNED", "COMPULSORY",
									primary, dropped.plusDays(30 + random.nextInt(120)), "town.official");
						}
						else {
							records.row(context.ids().nextId(), member.id(), household.id(), "ENROLLED", "COMPULSORY",
									primary, enrolled, recorder);
							if (member.age() >= 8 && random.nextDouble() < TRANSFERRED_SHARE) {
								records.row(context.ids().nextId(), member.id(), household.id(), "TRANSFERRED",
										"COMPULSORY", town + "中心小学", between(enrolled.plusYears(1), asOf, random),
										recorder);
							}
						}
					}
					case "HIGH_SCHOOL" -> records.row(context.ids().nextId(), member.id(), household.id(), "ENROLLED",
							"HIGH_SCHOOL", "县第一高级中学", LocalDate.of(born + 15, 9, 1), recorder);
					case "VOCATIONAL" -> records.row(context.ids().nextId(), member.id(), household.id(), "ENROLLED",
							"VOCATIONAL", "县职业教育中心", LocalDate.of(born + 15, 9, 1), recorder);
					case "COLLEGE" -> records.row(context.ids().nextId(), member.id(), household.id(), "ENROLLED",
							"COLLEGE", "河南省某职业技术学院", LocalDate.of(born + 18, 9, 1), recorder);
					case "DROPPED_OUT" -> {
						if (member.age() > 18) {
							continue;
						}
						boolean compulsory = member.age() <= 15;
						LocalDate enrolled = LocalDate.of(born + (compulsory ? 6 : 15), 9, 1);
						String school = compulsory ? primary : "县第一高级中学";
						records.row(context.ids().nextId(), member.id(), household.id(), "ENROLLED",
								compulsory ? "COMPULSORY" : "HIGH_SCHOOL", school, enrolled, recorder);
						LocalDate from = enrolled.plusDays(30).isAfter(asOf.minusYears(1)) ? enrolled.plusDays(30)
								: asOf.minusYears(1);
						records.row(context.ids().nextId(), member.id(), household.id(), "DROPPED_OUT", null, school,
								between(from, asOf, random), "town.official");
					}
					default -> {
						continue;
					}
				}
				if (supported && random.nextDouble() < AID_SHARE) {
					grant(aid, context, member, household.id(), asOf, random);
				}
			}
		}
	}

	/**
	 * The aid of the member's level for the spring and autumn terms of the demo's year.
	 */
	private static void grant(DemoTable aid, DemoContext context, DemoMember member, long householdId, LocalDate asOf,
			SplittableRandom random) throws SQLException {
		String kind;
		int amount;
		switch (member.schooling()) {
			case "COMPULSORY" -> {
				kind = "LIVING_ALLOWANCE";
				amount = (random.nextBoolean()) ? 625 : 500;
			}
			case "HIGH_SCHOOL" -> {
				kind = "NATIONAL_GRANT";
				amount = 1000;
			}
			case "VOCATIONAL" -> {
				kind = "RAIN_DEW_PLAN";
				amount = 1500;
			}
			case "COLLEGE" -> {
				kind = "NATIONAL_GRANT";
				amount = 1650;
			}
			default -> {
				return;
			}
		}
		int year = asOf.getYear();
		// the spring term only for pupils already at school the autumn before
		if (member.age() >= 7) {
			aid.row(context.ids().nextId(), member.id(), householdId, kind, BigDecimal.valueOf(amount), year - 1, 2,
					LocalDate.of(year, 3, 10).plusDays(random.nextInt(30)), "education.officer");
		}
		aid.row(context.ids().nextId(), member.id(), householdId, kind, BigDecimal.valueOf(amount), year, 1,
				LocalDate.of(year, 10, 10).plusDays(random.nextInt(30)), "education.officer");
	}

	/**
	 * A day from {@code from} to {@code to}, both included; {@code from} when after it.
	 */
	static LocalDate between(LocalDate from, LocalDate to, SplittableRandom random) {
		long days = ChronoUnit.DAYS.between(from, to);
		return (days <= 0) ? from : from.plusDays(random.nextLong(days + 1));
	}

}
