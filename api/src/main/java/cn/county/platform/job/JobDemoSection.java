package cn.county.platform.job;

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
 * Jobs, subsidies, trainings and certificates in proportion to households, shaped after
 * item 15 so the dashboard has something to show. The demo households have about two
 * members able and willing to work each, so "most of them employed" means about 1.8 jobs
 * per household (about 1.8 million at the benchmark's million households):
 * <ul>
 * <li>most members able and willing to work hold a job, but each village has its own
 * employment rate and about one village in eight lags well behind the 100% target; the
 * rest are counted as {@value #WITHOUT_JOB}, the "labour with no job record" finding of
 * item 3;</li>
 * <li>public-welfare posts go mostly to weak labour (item 4), never two overlapping posts
 * for one member;</li>
 * <li>about one labourer in five has trained, and each town certifies between 30% and 45%
 * of its labour against the 40% target, with issue dates spread over 2023 so that the
 * end-of-September and end-of-November milestones differ.</li>
 * </ul>
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public final class JobDemoSection implements DemoSection {

	/**
	 * The fault counted for a member able and willing to work with no job record at all.
	 */
	public static final String WITHOUT_JOB = "LABOUR_WITHOUT_JOB_RECORD";

	private static final LocalDate EARLIEST_START = LocalDate.of(2017, 3, 1);

	private static final LocalDate YEAR_START = LocalDate.of(2023, 1, 1);

	private static final String[] OUT_OF_PROVINCE_PLACES = { "广东省深圳市", "广东省东莞市", "广东省佛山市", "浙江省宁波市", "浙江省义乌市", "江苏省苏州市",
			"江苏省昆山市", "上海市", "北京市", "福建省晋江市", "天津市", "山东省青岛市" };

	private static final String[] OUT_OF_PROVINCE_EMPLOYERS = { "电子科技有限公司", "精密制造有限公司", "物流有限公司", "建筑劳务有限公司", "服装有限公司",
			"食品有限公司", "家具制造有限公司", "汽车零部件有限公司", "物业服务有限公司", "餐饮管理有限公司" };

	private static final String[] IN_PROVINCE_PLACES = { "河南省郑州市", "河南省许昌市", "河南省洛阳市", "河南省新乡市", "河南省长葛市", "河南省禹州市",
			"河南省开封市" };

	private static final String[] IN_PROVINCE_EMPLOYERS = { "发制品有限公司", "建设集团有限公司", "客车股份有限公司", "机械制造有限公司", "化工有限公司",
			"商贸有限公司", "快递服务有限公司" };

	private static final String[] LOCAL_EMPLOYERS = { "花木产业基地", "就业帮扶车间", "食品加工厂", "蔬菜种植合作社", "服装加工厂", "养殖专业合作社",
			"产业园包装厂" };

	private static final String[] SELF_EMPLOYED = { "个体种植", "个体养殖", "个体餐饮", "个体运输", "网店经营", "个体理发", "个体便利店" };

	/** Course, certificate name and kind. */
	private static final String[][] COURSES = { { "电工技能培训", "低压电工作业", "SPECIAL_OPERATION" },
			{ "焊工技能培训", "熔化焊接与热切割作业", "SPECIAL_OPERATION" }, { "中式烹调师培训", "中式烹调师（五级）", "VOCATIONAL_SKILL" },
			{ "育婴员培训", "育婴员（五级）", "VOCATIONAL_SKILL" }, { "养老护理员培训", "养老护理员（五级）", "VOCATIONAL_SKILL" },
			{ "家政服务员培训", "家政服务员（五级）", "VOCATIONAL_SKILL" }, { "花卉园艺工培训", "花卉园艺师（四级）", "VOCATIONAL_SKILL" },
			{ "挖掘机操作培训", "挖掘机驾驶员（五级）", "VOCATIONAL_SKILL" }, { "美发技能培训", "美发师（五级）", "VOCATIONAL_SKILL" },
			{ "电子商务培训", "电子商务培训合格证", "OTHER" } };

	private static final String[] PROVIDERS = { "县职业教育中心", "县就业训练中心", "县技工学校", "市职业技能培训学校", "县农业广播电视学校" };

	private static final int[] TRANSPORT_AMOUNTS = { 300, 500, 600, 800, 1000 };

	private static final int[] VILLAGE_POST_INCOMES = { 500, 600, 800 };

	/**
	 * How 2023's certificates spread over its months: a push before the September and
	 * November milestones.
	 */
	private static final int[] MONTH_WEIGHTS = { 3, 4, 8, 9, 10, 10, 11, 13, 12, 9, 8, 3 };

	private final Map<String, Double> employmentRate = new HashMap<>();

	private final Map<String, Double> certificationRate = new HashMap<>();

	private final Map<String, String> townNames = new HashMap<>();

	private final Map<String, String> villageNames = new HashMap<>();

	@Override
	public String name() {
		return "jobs";
	}

	@Override
	public void begin(DemoContext context) {
		SplittableRandom random = context.random();
		for (DemoTown town : context.geography().towns()) {
			this.townNames.put(town.code(), town.name());
			this.certificationRate.put(town.code(), 0.30 + 0.15 * random.nextDouble());
			for (DemoVillage village : town.villages()) {
				this.villageNames.put(village.code(), village.name());
				boolean lagging = random.nextDouble() < 0.125;
				this.employmentRate.put(village.code(),
						lagging ? 0.55 + 0.2 * random.nextDouble() : 0.84 + 0.15 * random.nextDouble());
			}
		}
	}

	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		Writer writer = new Writer(context);
		for (DemoHousehold household : chunk.households()) {
			for (DemoMember member : household.members()) {
				if (!"NONE".equals(member.labourCapacity())) {
					writer.labourer(household, member);
				}
			}
		}
	}

	/**
	 * The rows of one chunk; every draw comes from the section's own stream, in household
	 * and member order.
	 */
	private final class Writer {

		private final DemoContext context;

		private final SplittableRandom random;

		private final LocalDate asOf;

		private final DemoTable jobs;

		private final DemoTable subsidies;

		private final DemoTable trainings;

		private final DemoTable certificates;

		Writer(DemoContext context) {
			this.context = context;
			this.random = context.random();
			this.asOf = context.asOf();
			this.jobs = context.table("job", "id", "member_id", "household_id", "type", "welfare_post_level",
					"employer", "place", "start_date", "end_date", "monthly_income");
			this.subsidies = context.table("job_subsidy", "id", "job_id", "member_id", "household_id", "kind", "amount",
					"paid_on");
			this.trainings = context.table("training", "id", "member_id", "household_id", "course", "provider",
					"start_date", "end_date", "completed");
			this.certificates = context.table("certificate", "id", "member_id", "household_id", "training_id", "name",
					"kind", "issued_on", "certificate_number");
		}

		void labourer(DemoHousehold household, DemoMember member) throws SQLException {
			LocalDate workingAge = member.birthDate().plusYears(JobRules.MINIMUM_WORKING_AGE);
			boolean employed = member.willingToWork() && chance(employmentRate.get(household.villageCode()));
			LocalDate currentStart = null;
			String currentType = null;
			if (employed) {
				currentType = type(member);
				currentStart = laterOf(workingAge, daysBefore(this.asOf, skewedDays(2_400)));
				job(household, member, currentType, currentStart, null);
			}
			// an earlier job that has ended, before the current one if there is one
			boolean earlier = chance(employed ? 0.06 : member.willingToWork() ? 0.2 : 0.08);
			if (earlier) {
				LocalDate end = (currentStart != null) ? currentStart.minusDays(1 + this.random.nextInt(60))
						: this.asOf.minusDays(30 + this.random.nextInt(700));
				LocalDate start = laterOf(workingAge, end.minusDays(60 + this.random.nextInt(1_400)));
				if (!start.isAfter(end)) {
					job(household, member, type(member), start, end);
				}
			}
			else if (!employed && member.willingToWork()) {
				this.context.fault(WITHOUT_JOB);
			}
			skills(household, member, (currentType != null) ? currentType : "");
		}

		private void job(DemoHousehold household, DemoMember member, String type, LocalDate start, LocalDate end)
				throws SQLException {
			String level = null;
			String employer;
			String place;
			BigDecimal income;
			String town = townNames.get(household.townCode());
			String village = villageNames.get(household.villageCode());
			switch (type) {
				case "OUT_OF_PROVINCE" -> {
					place = pick(OUT_OF_PROVINCE_PLACES);
					String city = place.substring(place.length() - 3, place.length() - 1);
					employer = city + pick(OUT_OF_PROVINCE_EMPLOYERS);
					income = yuan(3_500, 7_500, 10);
				}
				case "IN_PROVINCE" -> {
					place = pick(IN_PROVINCE_PLACES);
					employer = place.substring(3, 5) + pick(IN_PROVINCE_EMPLOYERS);
					income = yuan(2_800, 5_500, 10);
				}
				case "LOCAL_ENTERPRISE" -> {
					employer = town.substring(0, town.length() - 1) + pick(LOCAL_EMPLOYERS);
					place = town;
					income = yuan(1_800, 4_000, 10);
				}
				case "SELF_EMPLOYED" -> {
					employer = pick(SELF_EMPLOYED);
					place = town + village;
					income = yuan(1_500, 6_000, 100);
				}
				default -> {
					double draw = this.random.nextDouble();
					level = (draw < 0.65) ? "VILLAGE" : (draw < 0.9) ? "TOWN" : "COUNTY";
					switch (level) {
						case "VILLAGE" -> {
							employer = village + "村民委员会";
							place = town + village;
							int pick = this.random.nextInt(VILLAGE_POST_INCOMES.length);
							income = BigDecimal.valueOf(VILLAGE_POST_INCOMES[pick]);
						}
						case "TOWN" -> {
							employer = town + "人民政府";
							place = town;
							income = yuan(800, 1_200, 100);
						}
						default -> {
							employer = "县人力资源和社会保障局";
							place = town;
							income = yuan(1_000, 1_800, 100);
						}
					}
				}
			}
			long id = this.context.ids().nextId();
			this.jobs.row(id, member.id(), household.id(), type, level, employer, place, start, end, income);
			if (end == null) {
				subsidies(id, household, member, type, start);
			}
		}

		/**
		 * Transport subsidies for many working out of the province; a start-up subsidy
		 * for some self-employed.
		 */
		private void subsidies(long jobId, DemoHousehold household, DemoMember member, String type, LocalDate start)
				throws SQLException {
			if ("OUT_OF_PROVINCE".equals(type)) {
				for (int year = 2022; year <= 2023; year++) {
					LocalDate from = laterOf(start, LocalDate.of(year, 1, 10));
					LocalDate to = LocalDate.of(year, 12, 20);
					if (from.isBefore(to) && chance((year == 2023) ? 0.55 : 0.35)) {
						int amount = TRANSPORT_AMOUNTS[this.random.nextInt(TRANSPORT_AMOUNTS.length)];
						this.subsidies.row(this.context.ids().nextId(), jobId, member.id(), household.id(),
								"CROSS_PROVINCE_TRANSPORT", BigDecimal.valueOf(amount), between(from, to));
					}
				}
			}
			else if (chance("SELF_EMPLOYED".equals(type) ? 0.35 : "LOCAL_ENTERPRISE".equals(type) ? 0.03 : 0)) {
				LocalDate paid = start.plusDays(180 + this.random.nextInt(220));
				if (!paid.isAfter(this.asOf)) {
					this.subsidies.row(this.context.ids().nextId(), jobId, member.id(), household.id(),
							"ONE_TIME_STARTUP", BigDecimal.valueOf(chance(0.7) ? 5_000 : 10_000), paid);
				}
			}
		}

		/**
		 * One labourer in five trains; most who complete a course get its certificate.
		 * Others hold certificates from elsewhere, as many as it takes for the town's
		 * certification rate.
		 */
		private void skills(DemoHousehold household, DemoMember member, String jobType) throws SQLException {
			LocalDate workingAge = member.birthDate().plusYears(JobRules.MINIMUM_WORKING_AGE);
			double rate = certificationRate.get(household.townCode());
			boolean certified = false;
			if (chance(0.2)) {
				String[] course = COURSES[this.random.nextInt(COURSES.length)];
				LocalDate start = laterOf(workingAge, between(LocalDate.of(2021, 3, 1), LocalDate.of(2023, 12, 1)));
				LocalDate end = start.plusDays(6 + this.random.nextInt(25));
				boolean completed = !end.isAfter(this.asOf) && chance(0.9);
				long trainingId = this.context.ids().nextId();
				this.trainings.row(trainingId, member.id(), household.id(), course[0], pick(PROVIDERS), start, end,
						completed);
				LocalDate issued = end.plusDays(7 + this.random.nextInt(40));
				if (completed && !issued.isAfter(this.asOf) && chance(0.75)) {
					certificate(household, member, trainingId, course[1], course[2], issued);
					certified = true;
				}
			}
			if (!certified && chance(Math.max(0, (rate - 0.15) / 0.8))) {
				String[] course = COURSES[this.random.nextInt(COURSES.length)];
				LocalDate issued = chance(0.35)
						? laterOf(workingAge, between(LocalDate.of(2016, 1, 1), LocalDate.of(2022, 12, 31)))
						: laterOf(workingAge, in2023());
				if (!issued.isAfter(this.asOf)) {
					certificate(household, member, null, course[1], course[2], issued);
				}
			}
		}

		private void certificate(DemoHousehold household, DemoMember member, Long trainingId, String name, String kind,
				LocalDate issued) throws SQLException {
			String number = switch (kind) {
				case "SPECIAL_OPERATION" -> "T4110" + digits(13);
				case "VOCATIONAL_SKILL" -> "S" + issued.getYear() + "4110" + digits(8);
				default -> "PX" + issued.getYear() + digits(6);
			};
			this.certificates.row(this.context.ids().nextId(), member.id(), household.id(), trainingId, name, kind,
					issued, number);
		}

		/**
		 * A job type: weak labour goes first to public-welfare posts (item 4); older full
		 * labour mostly stays near home; younger full labour mostly leaves the county.
		 */
		private String type(DemoMember member) {
			double draw = this.random.nextDouble();
			if ("WEAK".equals(member.labourCapacity())) {
				return (draw < 0.6) ? "PUBLIC_WELFARE_POST" : (draw < 0.8) ? "LOCAL_ENTERPRISE"
						: (draw < 0.9) ? "SELF_EMPLOYED" : (draw < 0.97) ? "IN_PROVINCE" : "OUT_OF_PROVINCE";
			}
			if (member.age() >= 55) {
				return (draw < 0.35) ? "LOCAL_ENTERPRISE" : (draw < 0.55) ? "SELF_EMPLOYED"
						: (draw < 0.75) ? "IN_PROVINCE" : (draw < 0.9) ? "OUT_OF_PROVINCE" : "PUBLIC_WELFARE_POST";
			}
			return (draw < 0.4) ? "OUT_OF_PROVINCE" : (draw < 0.65) ? "IN_PROVINCE"
					: (draw < 0.85) ? "LOCAL_ENTERPRISE" : (draw < 0.97) ? "SELF_EMPLOYED" : "PUBLIC_WELFARE_POST";
		}

		private LocalDate in2023() {
			int total = 0;
			for (int weight : MONTH_WEIGHTS) {
				total += weight;
			}
			int pick = this.random.nextInt(total);
			int month = 0;
			while (pick >= MONTH_WEIGHTS[month]) {
				pick -= MONTH_WEIGHTS[month];
				month++;
			}
			LocalDate first = YEAR_START.plusMonths(month);
			return first.plusDays(this.random.nextInt(first.lengthOfMonth()));
		}

		/**
		 * More recent starts are likelier: a day count up to {@code max}, skewed towards
		 * 0.
		 */
		private int skewedDays(int max) {
			double draw = this.random.nextDouble();
			return (int) (draw * draw * max);
		}

		private LocalDate daysBefore(LocalDate day, int days) {
			LocalDate result = day.minusDays(days);
			return result.isBefore(EARLIEST_START) ? EARLIEST_START : result;
		}

		private LocalDate between(LocalDate from, LocalDate to) {
			return from.plusDays(this.random.nextLong(ChronoUnit.DAYS.between(from, to) + 1));
		}

		private BigDecimal yuan(int from, int to, int step) {
			return BigDecimal.valueOf((from + this.random.nextInt(to - from + 1)) / step * step);
		}

		private String digits(int count) {
			StringBuilder digits = new StringBuilder(count);
			for (int i = 0; i < count; i++) {
				digits.append((char) ('0' + this.random.nextInt(10)));
			}
			return digits.toString();
		}

		private String pick(String[] values) {
			return values[this.random.nextInt(values.length)];
		}

		private boolean chance(double probability) {
			return this.random.nextDouble() < probability;
		}

		private static LocalDate laterOf(LocalDate a, LocalDate b) {
			return a.isAfter(b) ? a : b;
		}

	}

}
