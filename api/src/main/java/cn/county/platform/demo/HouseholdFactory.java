package cn.county.platform.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.ResidentIdNumber;

/**
 * Makes households and their members, village by village, from one random stream: the
 * same seed always gives the same people. Shares follow the brief of the demo data set
 * (about 12% monitored, income spread around the 7,500-yuan line, and so on); the rare
 * planted faults are counted in the map handed in.
 */
final class HouseholdFactory {

	static final long LINE_CENTS = 750_000L;

	static final int INCOME_YEAR = 2023;

	private static final LocalDate AS_OF = DemoDataGenerator.AS_OF;

	private static final String[] MONITORING_TYPES = { "UNSTABLE_ALLEVIATED", "MARGINAL", "SUDDEN_HARDSHIP" };

	private static final String[] WARNING_SOURCES = { "MEDICAL_INSURANCE", "HOUSING", "CIVIL_AFFAIRS",
			"DISABLED_FEDERATION", "EDUCATION" };

	private static final String[] CAUSES = { "ILLNESS", "DISABILITY", "SCHOOLING", "DISASTER", "ACCIDENT",
			"LACK_OF_LABOUR", "UNSTABLE_EMPLOYMENT", "HIGH_RIGID_EXPENSES", "OTHER" };

	private static final int[] CAUSE_WEIGHTS = { 30, 18, 10, 5, 6, 14, 12, 6, 3 };

	/** Household sizes 1-7; the shares give 3.5 members on average. */
	private static final double[] SIZE_SHARES = { 0.10, 0.18, 0.23, 0.23, 0.16, 0.07, 0.03 };

	private static final String[] MOBILE_PREFIXES = { "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "50",
			"51", "52", "53", "55", "56", "57", "58", "59", "76", "77", "78", "80", "81", "82", "83", "84", "85", "86",
			"87", "88", "89", "98", "99" };

	// Fault rates are per candidate; with the family shapes below each comes to about
	// 0.3% of households.
	private static final double WRONG_CHECK_DIGIT_RATE = 0.001;

	private static final double BIRTH_DATE_MISMATCH_RATE = 0.0013;

	private static final double SCHOOL_AGE_FAULT_RATE = 0.0095;

	private static final double DUPLICATE_ID_RATE = 0.003;

	private static final double ELIMINATED_UNDER_LINE_RATE = 0.046;

	private final SplittableRandom random;

	private final IdGenerator ids;

	private final IdNumberPool idNumbers = new IdNumberPool();

	private final Map<String, Long> faults;

	/**
	 * A clean adult of an earlier household, who the next duplicate-ID fault registers a
	 * second time.
	 */
	private Draft duplicateSource;

	HouseholdFactory(long seed, Map<String, Long> faults) {
		this.random = new SplittableRandom(seed);
		this.ids = new IdGenerator(DemoDataGenerator.syntheticClock(), seed);
		this.faults = faults;
		for (DemoFault fault : DemoFault.values()) {
			faults.putIfAbsent(fault.name(), 0L);
		}
	}

	List<DemoHousehold> households(DemoVillage village) {
		List<DemoHousehold> households = new ArrayList<>(village.households());
		int groups = Math.min(12, 3 + village.households() / 15);
		for (int seq = 1; seq <= village.households(); seq++) {
			int group = 1 + (seq - 1) * groups / village.households();
			households.add(household(village, seq, group));
		}
		return households;
	}

	private DemoHousehold household(DemoVillage village, int seq, int group) {
		long id = this.ids.nextId();
		String code = village.code() + pad(seq, 4);
		boolean monitored = chance(0.12);
		List<Draft> family = family(size());
		describe(family, monitored);
		plantMemberFaults(family);

		String monitoringType = null;
		String riskStatus = null;
		LocalDate riskEliminatedOn = null;
		String identifiedVia = null;
		LocalDate identifiedOn = null;
		List<String> causes = List.of();
		long incomeCents;
		if (monitored) {
			monitoringType = pickShare(MONITORING_TYPES, 0.4, 0.4);
			causes = causes(family);
			boolean eliminated = chance(0.6);
			riskStatus = eliminated ? "ELIMINATED" : "NOT_ELIMINATED";
			identifiedVia = pickShare(new String[] { "SELF_REPORT", "CADRE_SCREENING", "DEPARTMENT_WARNING" }, 0.35,
					0.45);
			identifiedOn = eliminated ? day(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 6, 30))
					: day(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 15));
			if (eliminated) {
				LocalDate earliest = identifiedOn.plusDays(60);
				if (earliest.isBefore(LocalDate.of(2023, 1, 1))) {
					earliest = LocalDate.of(2023, 1, 1);
				}
				riskEliminatedOn = day(earliest, AS_OF);
				// Risk counts as eliminated only above the line; the exceptions are the
				// planted fault.
				incomeCents = incomeAtLeast(7_700, 0.12, LINE_CENTS);
				if (chance(ELIMINATED_UNDER_LINE_RATE)) {
					incomeCents = 600_000 + this.random.nextLong(LINE_CENTS - 600_000);
					fault(DemoFault.RISK_ELIMINATED_UNDER_LINE);
				}
			}
			else {
				incomeCents = income(6_000, 0.22);
			}
		}
		else {
			incomeCents = income(11_000, 0.21);
		}

		boolean policySupport = chance(monitored ? 0.85 : 0.92);
		boolean minimumAllowance = chance(monitored ? 0.22 : 0.06);
		boolean extremePoverty = chance(monitored ? 0.055 : 0.015);

		String warningSource = null;
		LocalDate warningReceivedOn = null;
		LocalDate screenedOn = null;
		if ("DEPARTMENT_WARNING".equals(identifiedVia)) {
			warningSource = pick(WARNING_SOURCES);
			warningReceivedOn = identifiedOn.minusDays(5 + this.random.nextInt(36));
			screenedOn = identifiedOn;
		}
		else if (chance(0.03)) {
			// This quarter's warning data: about half already screened, the rest waiting
			// on the screening list.
			warningSource = pick(WARNING_SOURCES);
			warningReceivedOn = day(LocalDate.of(2023, 10, 1), LocalDate.of(2023, 12, 19));
			if (chance(0.55)) {
				screenedOn = day(warningReceivedOn.plusDays(3), AS_OF);
			}
		}

		String cadre = village.cadres().get(this.random.nextInt(village.cadres().size()));
		double gradeDraw = this.random.nextDouble();
		String housingGrade = (gradeDraw < 0.005) ? "D" : (gradeDraw < 0.035) ? "C" : (gradeDraw < 0.40) ? "B" : "A";
		// Clear of any reading of "quarterly" and "monthly": recent ones are well inside
		// the last quarter or month,
		// overdue ones well outside it.
		LocalDate housingInspectedOn = chance(0.94) ? day(LocalDate.of(2023, 10, 15), AS_OF)
				: day(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 7, 31));
		boolean waterSafe = chance(0.98);
		LocalDate waterCheckedOn = chance(0.95) ? day(LocalDate.of(2023, 12, 5), AS_OF)
				: day(LocalDate.of(2023, 7, 1), LocalDate.of(2023, 10, 31));
		String phone = chance(0.97) ? phone() : null;
		String address = village.name() + group + "组" + (1 + this.random.nextInt(60)) + "号";

		plantDuplicate(family);
		List<DemoMember> members = new ArrayList<>(family.size());
		for (Draft draft : family) {
			members.add(draft.toMember(this.ids.nextId(), id));
		}
		DemoMember head = members.get(0);
		return new DemoHousehold(id, code, village.townCode(), village.code(), address, head.name(), head.idNumber(),
				phone, monitored ? "MONITORED" : "ALLEVIATED", monitoringType, riskStatus, riskEliminatedOn,
				policySupport, BigDecimal.valueOf(incomeCents, 2), INCOME_YEAR, minimumAllowance, extremePoverty,
				identifiedVia, identifiedOn, warningSource, warningReceivedOn, screenedOn, cadre, housingGrade,
				housingInspectedOn, waterSafe, waterCheckedOn, causes, List.copyOf(members));
	}

	private int size() {
		double draw = this.random.nextDouble();
		for (int i = 0; i < SIZE_SHARES.length; i++) {
			draw -= SIZE_SHARES[i];
			if (draw < 0) {
				return i + 1;
			}
		}
		return SIZE_SHARES.length;
	}

	/**
	 * Relations, genders and ages that fit together: children 20-35 years younger than
	 * the head, and so on.
	 */
	private List<Draft> family(int size) {
		List<Draft> family = new ArrayList<>(size + 1);
		int headAge = (size == 1) ? 45 + this.random.nextInt(46)
				: clamp((int) Math.round(54 + 12 * this.random.nextGaussian()), 24, 90);
		Draft head = new Draft("HEAD", chance(0.8), headAge);
		family.add(head);
		if (size >= 2 && chance((headAge < 80) ? 0.85 : 0.55)) {
			int gap = this.random.nextInt(7) - 1;
			family.add(new Draft("SPOUSE", !head.male, clamp(headAge + (head.male ? -gap : gap), 20, 95)));
		}
		int children = 0;
		Draft firstParent = null;
		int parents = 0;
		while (family.size() < size) {
			int childWeight = (headAge >= 20 && children < 5) ? ((headAge < 70) ? 60 : 25) : 0;
			int grandchildWeight = (headAge >= 48) ? 30 : 0;
			int parentWeight = (headAge <= 62 && parents < 2) ? 20 : 0;
			int draw = this.random.nextInt(childWeight + grandchildWeight + parentWeight + 4 + 2);
			if ((draw -= childWeight) < 0) {
				int oldest = Math.min(35, headAge);
				int age = headAge - 20 - this.random.nextInt(oldest - 19);
				family.add(new Draft("CHILD", this.random.nextBoolean(), age));
				children++;
			}
			else if ((draw -= grandchildWeight) < 0) {
				family.add(new Draft("GRANDCHILD", this.random.nextBoolean(),
						this.random.nextInt(Math.min(headAge - 45, 20) + 1)));
			}
			else if ((draw -= parentWeight) < 0) {
				boolean male = (firstParent == null) ? this.random.nextBoolean() : !firstParent.male;
				Draft parent = new Draft("PARENT", male, Math.min(98, headAge + 20 + this.random.nextInt(13)));
				firstParent = (firstParent == null) ? parent : firstParent;
				parents++;
				family.add(parent);
			}
			else if ((draw -= 4) < 0) {
				family.add(new Draft("SIBLING", this.random.nextBoolean(),
						clamp(headAge - 8 + this.random.nextInt(17), 16, 95)));
			}
			else {
				family.add(new Draft("OTHER", this.random.nextBoolean(), 5 + this.random.nextInt(70)));
			}
		}
		return family;
	}

	/** Names, birth dates, ID numbers, schooling, health and labour for each member. */
	private void describe(List<Draft> family, boolean monitored) {
		String headSurname = DemoNames.surname(this.random);
		String familySurname = headSurname;
		for (Draft draft : family) {
			if ("SPOUSE".equals(draft.relation)) {
				draft.surname = DemoNames.surname(this.random);
				if (draft.male) {
					// Children take the father's surname.
					familySurname = draft.surname;
				}
			}
		}
		for (Draft draft : family) {
			if (draft.surname == null) {
				draft.surname = switch (draft.relation) {
					case "HEAD", "SIBLING" -> headSurname;
					case "CHILD", "GRANDCHILD" -> familySurname;
					case "PARENT" -> draft.male ? headSurname : DemoNames.surname(this.random);
					default -> DemoNames.surname(this.random);
				};
			}
			draft.name = draft.surname + DemoNames.givenName(this.random, draft.male);
			this.idNumbers.issue(draft, this.random);
			draft.schooling = schooling(draft.age);
			health(draft, monitored);
			draft.labour = labour(draft);
			draft.willing = switch (draft.labour) {
				case "FULL" -> chance(0.92);
				case "WEAK" -> chance(0.65);
				default -> false;
			};
		}
	}

	private String schooling(int age) {
		if (age < 6) {
			return "NOT_SCHOOL_AGE";
		}
		if (age <= 15) {
			return "COMPULSORY";
		}
		double draw = this.random.nextDouble();
		if (age <= 18) {
			return (draw < 0.55) ? "HIGH_SCHOOL"
					: (draw < 0.85) ? "VOCATIONAL" : (draw < 0.88) ? "DROPPED_OUT" : "GRADUATED";
		}
		if (age <= 22) {
			return (draw < 0.35) ? "COLLEGE" : (draw < 0.45) ? "VOCATIONAL" : "GRADUATED";
		}
		return "GRADUATED";
	}

	private void health(Draft draft, boolean monitored) {
		double chronic;
		double serious;
		double disabled;
		if (draft.age < 16) {
			chronic = 0.015;
			serious = 0.004;
			disabled = 0.01;
		}
		else if (draft.age < 60) {
			chronic = 0.07;
			serious = 0.02;
			disabled = 0.035;
		}
		else {
			chronic = 0.28;
			serious = 0.06;
			disabled = 0.07;
		}
		// Illness and disability are what most often put a household under monitoring.
		double factor = monitored ? 1.8 : 1.0;
		double draw = this.random.nextDouble() / factor;
		if (draw < chronic) {
			draft.health = "CHRONIC";
		}
		else if (draw < chronic + serious) {
			draft.health = "SERIOUS_ILLNESS";
		}
		else if (draw < chronic + serious + disabled) {
			draft.health = "DISABLED";
			double grade = this.random.nextDouble();
			draft.disabilityGrade = (grade < 0.15) ? 1 : (grade < 0.40) ? 2 : (grade < 0.70) ? 3 : 4;
		}
		else {
			draft.health = "HEALTHY";
		}
	}

	private String labour(Draft draft) {
		if (draft.age < 16 || inSchool(draft.schooling) || "SERIOUS_ILLNESS".equals(draft.health)) {
			return "NONE";
		}
		if ("DISABLED".equals(draft.health)) {
			return (draft.disabilityGrade <= 2) ? "NONE" : "WEAK";
		}
		boolean chronic = "CHRONIC".equals(draft.health);
		double draw = this.random.nextDouble();
		if (draft.age >= 75) {
			return "NONE";
		}
		if (draft.age >= 65) {
			if (chronic) {
				return (draw < 0.5) ? "WEAK" : "NONE";
			}
			return (draw < 0.15) ? "FULL" : (draw < 0.8) ? "WEAK" : "NONE";
		}
		if (draft.age >= 60) {
			if (chronic) {
				return (draw < 0.7) ? "WEAK" : "NONE";
			}
			return (draw < 0.45) ? "FULL" : (draw < 0.95) ? "WEAK" : "NONE";
		}
		if (chronic) {
			return (draw < 0.2) ? "FULL" : (draw < 0.95) ? "WEAK" : "NONE";
		}
		return (draw < 0.96) ? "FULL" : "WEAK";
	}

	private static boolean inSchool(String schooling) {
		return switch (schooling) {
			case "COMPULSORY", "HIGH_SCHOOL", "VOCATIONAL", "COLLEGE" -> true;
			default -> false;
		};
	}

	/**
	 * One to three causes, each only where the family gives a reason for it (no illness
	 * without an ill member).
	 */
	private List<String> causes(List<Draft> family) {
		boolean ill = false;
		boolean disabled = false;
		boolean student = false;
		int fullLabour = 0;
		for (Draft draft : family) {
			ill |= "CHRONIC".equals(draft.health) || "SERIOUS_ILLNESS".equals(draft.health);
			disabled |= "DISABLED".equals(draft.health);
			student |= inSchool(draft.schooling);
			fullLabour += "FULL".equals(draft.labour) ? 1 : 0;
		}
		int[] weights = CAUSE_WEIGHTS.clone();
		weights[0] = ill ? weights[0] : 0;
		weights[1] = disabled ? weights[1] : 0;
		weights[2] = student ? weights[2] : 0;
		weights[5] = (fullLabour <= 1) ? weights[5] : 0;
		double countDraw = this.random.nextDouble();
		int count = (countDraw < 0.55) ? 1 : (countDraw < 0.88) ? 2 : 3;
		List<String> causes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int total = 0;
			for (int weight : weights) {
				total += weight;
			}
			int draw = this.random.nextInt(total);
			for (int c = 0; c < weights.length; c++) {
				if ((draw -= weights[c]) < 0) {
					causes.add(CAUSES[c]);
					weights[c] = 0;
					break;
				}
			}
		}
		return List.copyOf(causes);
	}

	/** At most one fault per member, so that every kind can be counted on its own. */
	private void plantMemberFaults(List<Draft> family) {
		for (Draft draft : family) {
			double draw = this.random.nextDouble();
			if (draw < WRONG_CHECK_DIGIT_RATE) {
				char right = draft.idNumber.charAt(17);
				char wrong;
				do {
					wrong = "0123456789X".charAt(this.random.nextInt(11));
				}
				while (wrong == right);
				draft.idNumber = draft.idNumber.substring(0, 17) + wrong;
				draft.faulty = true;
				fault(DemoFault.WRONG_CHECK_DIGIT);
			}
			else if (draft.age >= 25 && draw < WRONG_CHECK_DIGIT_RATE + BIRTH_DATE_MISMATCH_RATE) {
				// Only adults, so the shifted date (at most 400 days) cannot move anyone
				// across a school age.
				int days = 1 + this.random.nextInt(400);
				draft.birthDate = draft.birthDate.plusDays(this.random.nextBoolean() ? days : -days);
				draft.faulty = true;
				fault(DemoFault.BIRTH_DATE_MISMATCH);
			}
			else if (draft.age >= 6 && draft.age <= 15 && draw < WRONG_CHECK_DIGIT_RATE + SCHOOL_AGE_FAULT_RATE) {
				draft.schooling = chance(0.75) ? "DROPPED_OUT" : "NOT_SCHOOL_AGE";
				draft.faulty = true;
				fault(DemoFault.SCHOOL_AGE_NOT_IN_SCHOOL);
			}
		}
	}

	/**
	 * Now and then registers an adult of an earlier household here too, as happens when a
	 * daughter marries out and her old registration is never closed.
	 */
	private void plantDuplicate(List<Draft> family) {
		if (chance(DUPLICATE_ID_RATE) && this.duplicateSource != null && family.size() < 7) {
			Draft copy = this.duplicateSource.copy("OTHER");
			copy.faulty = true;
			family.add(copy);
			this.duplicateSource = null;
			fault(DemoFault.DUPLICATE_ID_ACROSS_HOUSEHOLDS);
		}
		for (Draft draft : family) {
			if (!draft.faulty && !"HEAD".equals(draft.relation) && draft.age >= 18 && draft.age <= 60) {
				this.duplicateSource = draft;
				break;
			}
		}
	}

	private long income(int medianYuan, double sigma) {
		double yuan = medianYuan * Math.exp(sigma * this.random.nextGaussian());
		return Math.max(150_000L, Math.round(yuan * 100));
	}

	private long incomeAtLeast(int medianYuan, double sigma, long minimumCents) {
		for (int i = 0; i < 50; i++) {
			long cents = income(medianYuan, sigma);
			if (cents >= minimumCents) {
				return cents;
			}
		}
		return minimumCents + this.random.nextLong(50_000);
	}

	private String phone() {
		StringBuilder phone = new StringBuilder(11).append('1').append(pick(MOBILE_PREFIXES));
		for (int i = 0; i < 8; i++) {
			phone.append((char) ('0' + this.random.nextInt(10)));
		}
		return phone.toString();
	}

	private LocalDate day(LocalDate from, LocalDate to) {
		long days = to.toEpochDay() - from.toEpochDay();
		return from.plusDays(this.random.nextLong(days + 1));
	}

	private boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	private String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

	private String pickShare(String[] values, double first, double second) {
		double draw = this.random.nextDouble();
		return (draw < first) ? values[0] : (draw < first + second) ? values[1] : values[2];
	}

	private void fault(DemoFault fault) {
		this.faults.merge(fault.name(), 1L, Long::sum);
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}

	static String pad(int value, int width) {
		String digits = Integer.toString(value);
		return "0".repeat(Math.max(0, width - digits.length())) + digits;
	}

	/** A member while the household is being made up; faults may still change it. */
	private static final class Draft {

		final String relation;

		final boolean male;

		final int age;

		String surname;

		String name;

		LocalDate birthDate;

		String idNumber;

		String schooling;

		String health;

		Integer disabilityGrade;

		String labour;

		boolean willing;

		boolean faulty;

		Draft(String relation, boolean male, int age) {
			this.relation = relation;
			this.male = male;
			this.age = age;
		}

		Draft copy(String relation) {
			Draft copy = new Draft(relation, this.male, this.age);
			copy.surname = this.surname;
			copy.name = this.name;
			copy.birthDate = this.birthDate;
			copy.idNumber = this.idNumber;
			copy.schooling = this.schooling;
			copy.health = this.health;
			copy.disabilityGrade = this.disabilityGrade;
			copy.labour = this.labour;
			copy.willing = this.willing;
			return copy;
		}

		DemoMember toMember(long id, long householdId) {
			return new DemoMember(id, householdId, this.name, this.idNumber, this.relation,
					this.male ? "MALE" : "FEMALE", this.birthDate, this.age, this.schooling, this.health,
					this.disabilityGrade, this.labour, this.willing);
		}

	}

	/**
	 * Hands out ID numbers that no one else in the run has: a bit per (birth date,
	 * gender, sequence). Sequences are 001-997 for men and 002-998 for women, so the
	 * parity of the 17th digit gives the gender as GB 11643 says.
	 */
	static final class IdNumberPool {

		private static final long FIRST_DAY = LocalDate.of(1920, 1, 1).toEpochDay();

		private static final int SEQUENCES = 499;

		private final BitSet used = new BitSet();

		void issue(Draft draft, SplittableRandom random) {
			LocalDate yearEnd = AS_OF.minusYears(draft.age);
			for (int attempt = 0; attempt < 10_000; attempt++) {
				// Any day up to 364 days back from AS_OF minus the age keeps the age
				// exact on AS_OF.
				LocalDate birth = yearEnd.minusDays(random.nextInt(365));
				int slot = random.nextInt(SEQUENCES);
				long day = birth.toEpochDay() - FIRST_DAY;
				int bit = Math.toIntExact(((day * 2 + (draft.male ? 1 : 0)) * SEQUENCES) + slot);
				if (!this.used.get(bit)) {
					this.used.set(bit);
					draft.birthDate = birth;
					draft.idNumber = idNumber(birth, draft.male ? 2 * slot + 1 : 2 * slot + 2);
					return;
				}
			}
			throw new IllegalStateException(
					"No free ID number left for people aged " + draft.age + ": too many households for one county");
		}

		static String idNumber(LocalDate birth, int sequence) {
			char[] digits = new char[18];
			DemoGeography.COUNTY_CODE.getChars(0, 6, digits, 0);
			write(digits, 6, birth.getYear(), 4);
			write(digits, 10, birth.getMonthValue(), 2);
			write(digits, 12, birth.getDayOfMonth(), 2);
			write(digits, 14, sequence, 3);
			digits[17] = ResidentIdNumber.checkCharacter(new String(digits, 0, 17));
			return new String(digits);
		}

		private static void write(char[] target, int offset, int value, int width) {
			for (int i = offset + width - 1; i >= offset; i--) {
				target[i] = (char) ('0' + value % 10);
				value /= 10;
			}
		}

	}

}
