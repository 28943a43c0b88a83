package cn.county.platform.measure;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import cn.county.platform.demo.DemoChunk;
import cn.county.platform.demo.DemoContext;
import cn.county.platform.demo.DemoDraws;
import cn.county.platform.demo.DemoHousehold;
import cn.county.platform.demo.DemoMember;
import cn.county.platform.demo.DemoSection;
import cn.county.platform.demo.DemoTable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Assistance measures, about two per household (2M for a million households), weighted
 * toward monitored households (three to six each, the first ones answering their risk
 * causes) over alleviated ones (none to four). Dates run from 2021 into early 2024 and
 * the status follows them as of the demo's day. Every monitored household whose risk is
 * not eliminated has help under way, except a few planted on purpose with none open: the
 * households item 4 says must not exist, for the dashboard to find.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public final class MeasureDemoSection implements DemoSection {

	/**
	 * The planted fault: a monitored household, risk not eliminated, with no PLANNED or
	 * IN_PROGRESS measure.
	 */
	public static final String FAULT = "MONITORED_AT_RISK_WITHOUT_ACTIVE_MEASURE";

	static final double FAULT_RATE = 0.04;

	private static final LocalDate FIRST_START = LocalDate.of(2021, 1, 1);

	private static final LocalDate LAST_START = LocalDate.of(2024, 3, 31);

	/** Measures per alleviated household: none to four, 1.7 on average. */
	private static final int[] ALLEVIATED_COUNT_WEIGHTS = { 15, 30, 30, 20, 5 };

	private static final MeasureCategory[] CATEGORIES = MeasureCategory.values();

	/**
	 * How often each category is chosen when no risk cause points to one, in the order of
	 * {@link MeasureCategory}.
	 */
	private static final int[] CATEGORY_WEIGHTS = { 20, 18, 6, 10, 12, 4, 3, 3, 5, 8, 6, 4, 1 };

	@Override
	public String name() {
		return "measures";
	}

	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		DemoTable table = context.table("assistance_measure", "id", "household_id", "category", "description",
				"responsible_department", "start_date", "end_date", "status", "amount", "recorded_by");
		SplittableRandom random = context.random();
		for (DemoHousehold household : chunk.households()) {
			boolean atRisk = household.isMonitored() && "NOT_ELIMINATED".equals(household.riskStatus());
			boolean fault = atRisk && random.nextDouble() < FAULT_RATE;
			int count = household.isMonitored() ? 3 + random.nextInt(4)
					: DemoDraws.pick(ALLEVIATED_COUNT_WEIGHTS, random);
			if (fault) {
				count = random.nextInt(3);
				context.fault(FAULT);
			}
			List<MeasureCategory> categories = categories(household, count, random);
			List<Draft> drafts = new ArrayList<>(count);
			for (MeasureCategory category : categories) {
				drafts.add(draft(category, random, context.asOf()));
			}
			if (fault) {
				drafts.replaceAll((draft) -> closed(draft, random, context.asOf()));
			}
			else if (atRisk && drafts.stream().noneMatch((draft) -> draft.status() == MeasureStatus.IN_PROGRESS)) {
				drafts.set(0, underWay(drafts.get(0), random, context.asOf()));
			}
			String recordedBy = (household.assignedCadre() != null) ? household.assignedCadre() : "county.admin";
			for (Draft draft : drafts) {
				table.row(context.ids().nextId(), household.id(), draft.category().name(),
						description(draft.category(), random), department(draft.category()), draft.start(), draft.end(),
						draft.status().name(), draft.amount(), recordedBy);
			}
		}
	}

	/**
	 * The categories of a household's measures: its risk causes and members first, then
	 * the usual mix.
	 */
	private static List<MeasureCategory> categories(DemoHousehold household, int count, SplittableRandom random) {
		List<MeasureCategory> pointed = new ArrayList<>();
		for (String cause : household.riskCauses()) {
			pointed.add(forCause(cause, random));
		}
		for (DemoMember member : household.members()) {
			if ("DISABLED".equals(member.health())) {
				pointed.add(MeasureCategory.DISABILITY);
			}
			if ("COMPULSORY".equals(member.schooling()) || "HIGH_SCHOOL".equals(member.schooling())
					|| "VOCATIONAL".equals(member.schooling())) {
				pointed.add(MeasureCategory.EDUCATION);
			}
			// item 4: public-welfare posts go first to those with weak or half labour
			// capacity
			if ("WEAK".equals(member.labourCapacity()) && member.age() >= 18 && member.age() < 65) {
				pointed.add(MeasureCategory.PUBLIC_WELFARE_POST);
			}
		}
		List<MeasureCategory> categories = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			boolean fromHousehold = i < pointed.size() && (household.isMonitored() || random.nextInt(100) < 60);
			categories.add(fromHousehold ? pointed.get(i) : CATEGORIES[DemoDraws.pick(CATEGORY_WEIGHTS, random)]);
		}
		return categories;
	}

	private static MeasureCategory forCause(String cause, SplittableRandom random) {
		return switch (cause) {
			case "ILLNESS" -> MeasureCategory.MEDICAL;
			case "DISABILITY" -> MeasureCategory.DISABILITY;
			case "SCHOOLING" -> MeasureCategory.EDUCATION;
			case "DISASTER" -> random.nextBoolean() ? MeasureCategory.HOUSING : MeasureCategory.INSURANCE;
			case "ACCIDENT" -> random.nextBoolean() ? MeasureCategory.INSURANCE : MeasureCategory.MEDICAL;
			case "LACK_OF_LABOUR" ->
				random.nextBoolean() ? MeasureCategory.PUBLIC_WELFARE_POST : MeasureCategory.SOCIAL_SECURITY;
			case "UNSTABLE_EMPLOYMENT" -> MeasureCategory.EMPLOYMENT;
			case "HIGH_RIGID_EXPENSES" -> MeasureCategory.SOCIAL_SECURITY;
			default -> random.nextBoolean() ? MeasureCategory.INDUSTRY : MeasureCategory.OTHER;
		};
	}

	private static Draft draft(MeasureCategory category, SplittableRandom random, LocalDate asOf) {
		LocalDate start = day(FIRST_START, LAST_START, random);
		// social-security support runs until reviewed; everything else has a planned end
		LocalDate end = (category == MeasureCategory.SOCIAL_SECURITY && random.nextInt(100) < 40) ? null
				: start.plusMonths(1 + random.nextInt(24));
		MeasureStatus status;
		if (start.isAfter(asOf)) {
			status = MeasureStatus.PLANNED;
		}
		else if (end != null && !end.isAfter(asOf)) {
			status = (random.nextInt(100) < 92) ? MeasureStatus.COMPLETED : MeasureStatus.CANCELLED;
		}
		else {
			int roll = random.nextInt(100);
			status = (roll < 90) ? MeasureStatus.IN_PROGRESS
					: (roll < 95) ? MeasureStatus.PLANNED : MeasureStatus.CANCELLED;
		}
		return new Draft(category, start, end, status, amount(category, random));
	}

	/**
	 * The same help, finished before the demo's day: all that a household of the planted
	 * fault has.
	 */
	private static Draft closed(Draft draft, SplittableRandom random, LocalDate asOf) {
		LocalDate start = day(FIRST_START, asOf.minusMonths(3), random);
		LocalDate end = day(start, asOf.minusDays(1), random);
		MeasureStatus status = (random.nextInt(100) < 80) ? MeasureStatus.COMPLETED : MeasureStatus.CANCELLED;
		return new Draft(draft.category(), start, end, status, draft.amount());
	}

	/** The same help, started in the demo's year and running into the next. */
	private static Draft underWay(Draft draft, SplittableRandom random, LocalDate asOf) {
		LocalDate start = day(asOf.withDayOfYear(1), asOf, random);
		return new Draft(draft.category(), start, asOf.plusMonths(1 + random.nextInt(12)), MeasureStatus.IN_PROGRESS,
				draft.amount());
	}

	/**
	 * Yuan in round tens, in a range typical of the category; null for help that moves no
	 * money.
	 */
	private static BigDecimal amount(MeasureCategory category, SplittableRandom random) {
		int[] range = switch (category) {
			case INDUSTRY -> new int[] { 1000, 10000 };
			case EMPLOYMENT -> (random.nextInt(100) < 40) ? null : new int[] { 300, 2000 };
			case PUBLIC_WELFARE_POST -> new int[] { 3600, 9600 };
			case EDUCATION -> new int[] { 1000, 5000 };
			case MEDICAL -> new int[] { 500, 30000 };
			case HOUSING -> new int[] { 5000, 40000 };
			case DRINKING_WATER -> new int[] { 200, 3000 };
			case DISABILITY -> new int[] { 600, 2400 };
			case SOCIAL_SECURITY -> new int[] { 2000, 8000 };
			case FINANCE -> new int[] { 500, 3000 };
			case INSURANCE -> new int[] { 50, 300 };
			case CONSUMPTION -> (random.nextInt(100) < 50) ? null : new int[] { 500, 5000 };
			case OTHER -> (random.nextInt(100) < 60) ? null : new int[] { 100, 2000 };
		};
		if (range == null) {
			return null;
		}
		int tens = (range[0] + random.nextInt(range[1] - range[0] + 1)) / 10;
		return BigDecimal.valueOf(tens * 10L);
	}

	private static String description(MeasureCategory category, SplittableRandom random) {
		String[] choices = switch (category) {
			case INDUSTRY -> new String[] { "发放产业奖补资金（养殖）", "扶持发展庭院特色种植", "入股村集体合作社分红", "提供种苗和技术指导" };
			case EMPLOYMENT -> new String[] { "发放跨省务工交通补贴", "推荐到县产业园区就业", "组织参加职业技能培训", "落实一次性创业补贴" };
			case PUBLIC_WELFARE_POST -> new String[] { "安排村级公益性岗位（保洁员）", "安排镇级公益性岗位（护林员）", "安排村级公益性岗位（水管员）" };
			case EDUCATION -> new String[] { "落实雨露计划职业教育补助", "落实义务教育阶段生活补助", "发放高中阶段国家助学金", "控辍保学劝返复学" };
			case MEDICAL -> new String[] { "资助参加城乡居民医保", "大病保险和医疗救助报销", "家庭医生签约服务", "慢性病门诊报销" };
			case HOUSING -> new String[] { "危房改造补助", "住房安全鉴定和维修加固" };
			case DRINKING_WATER -> new String[] { "入户自来水管网改造", "水质检测和净水设备安装" };
			case DISABILITY -> new String[] { "落实困难残疾人生活补贴和重度残疾人护理补贴", "适配辅助器具", "残疾人康复服务" };
			case SOCIAL_SECURITY -> new String[] { "纳入农村低保", "纳入特困供养", "发放临时救助金" };
			case FINANCE -> new String[] { "扶贫小额信贷贴息", "协调办理小额信贷续贷" };
			case INSURANCE -> new String[] { "代缴防贫保保费", "防贫保理赔" };
			case CONSUMPTION -> new String[] { "帮助通过农购网销售农产品", "组织参加消费帮扶展销会" };
			case OTHER -> new String[] { "协调解决生产生活困难", "人居环境整治帮扶" };
		};
		return choices[random.nextInt(choices.length)];
	}

	private static String department(MeasureCategory category) {
		return switch (category) {
			case INDUSTRY -> "县农业农村局";
			case EMPLOYMENT, PUBLIC_WELFARE_POST -> "县人社局";
			case EDUCATION -> "县教育局";
			case MEDICAL -> "县医保局";
			case HOUSING -> "县住建局";
			case DRINKING_WATER -> "县水利局";
			case DISABILITY -> "县残联";
			case SOCIAL_SECURITY -> "县民政局";
			case FINANCE, INSURANCE -> "县乡村振兴局";
			case CONSUMPTION -> "县商务局";
			case OTHER -> "镇人民政府";
		};
	}

	private static LocalDate day(LocalDate from, LocalDate to, SplittableRandom random) {
		long days = to.toEpochDay() - from.toEpochDay();
		return (days <= 0) ? from : from.plusDays(random.nextLong(days + 1));
	}

	private record Draft(MeasureCategory category, LocalDate start, LocalDate end, MeasureStatus status,
			BigDecimal amount) {
	}

}
