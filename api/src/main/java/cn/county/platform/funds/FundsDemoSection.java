package cn.county.platform.funds;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * A year of linkage funds as of the demo's day: about 15 projects per town, most of them
 * industry (item 12), each funded from one of the four levels' allocations, with monthly
 * payments along a curve that meets the spending milestones (item 20) for most projects.
 * Some projects are behind it (their payments run at about half the pace: cards at the
 * milestones), a few are past their planned end without acceptance (red cards), and a few
 * never got funded (proposed, rejected, in the library). Households of villages with an
 * industry project benefit from it (jobs, dividends, land rent, purchases), and villages
 * record their collective income.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public final class FundsDemoSection implements DemoSection {

	static final int PROJECTS_PER_TOWN = 15;

	private static final String BY = "county.admin";

	private static final ProjectCategory[] CATEGORIES = ProjectCategory.values();

	/** INDUSTRY first: about 62% of projects, more of the money (they are larger). */
	private static final int[] CATEGORY_WEIGHTS = { 62, 14, 5, 4, 3, 4, 6, 2 };

	private static final FundSource[] SOURCES = FundSource.values();

	private static final int[] SOURCE_WEIGHTS = { 45, 30, 10, 15 };

	private static final BenefitKind[] KINDS = BenefitKind.values();

	private static final int[] KIND_WEIGHTS = { 40, 25, 20, 15 };

	private enum Pace {

		ON_TRACK, BEHIND, PAST_END

	}

	/** Industry projects by village, for the benefits. */
	private final Map<String, List<Long>> industryByVillage = new HashMap<>();

	/** Rows of fund_split and disbursement, written with the first chunk. */
	private final List<Object[]> splits = new ArrayList<>();

	private final List<Object[]> disbursements = new ArrayList<>();

	/** Funded projects by village, for the collective income. */
	private final Map<String, Long> fundedByVillage = new HashMap<>();

	@Override
	public String name() {
		return "funds";
	}

	@Override
	public void begin(DemoContext context) throws SQLException {
		SplittableRandom random = context.random();
		LocalDate asOf = context.asOf();
		int year = asOf.getYear();
		DemoTable allocations = context.table("fund_allocation", "id", "year", "source", "document_number", "title",
				"amount", "split", "allocated_on", "recorded_by");
		DemoTable projects = context.table("project", "id", "year", "name", "town_code", "village_code", "category",
				"budget", "owner_department", "planned_start", "planned_end", "status", "proposed_by", "reviewed_by",
				"reviewed_on", "review_verdict", "review_note", "status_on", "allocated", "disbursed");
		long[] allocationIds = new long[SOURCES.length];
		BigDecimal[] allocationSplit = new BigDecimal[SOURCES.length];
		for (int s = 0; s < SOURCES.length; s++) {
			allocationIds[s] = context.ids().nextId();
			allocationSplit[s] = BigDecimal.ZERO;
		}
		for (DemoTown town : context.geography().towns()) {
			List<DemoVillage> villages = town.villages();
			for (int i = 0; i < PROJECTS_PER_TOWN; i++) {
				long id = context.ids().nextId();
				DemoVillage village = (random.nextInt(10) == 0) ? null : villages.get(random.nextInt(villages.size()));
				ProjectCategory category = CATEGORIES[DemoDraws.pick(CATEGORY_WEIGHTS, random)];
				int thousands = (category == ProjectCategory.INDUSTRY) ? 300 + random.nextInt(1700)
						: 150 + random.nextInt(850);
				BigDecimal budget = BigDecimal.valueOf(thousands * 1000L);
				LocalDate start = LocalDate.of(year, 2, 1).plusDays(random.nextInt(90));
				LocalDate end = LocalDate.of(year, 9, 15).plusDays(random.nextInt(100));
				String name = ((village != null) ? village.name() : town.name()) + label(category) + "项目";
				// the first three of a town never got money: proposed, rejected, in the
				// library
				ProjectStatus status;
				Pace pace = null;
				if (i == 0) {
					status = ProjectStatus.PROPOSED;
				}
				else if (i == 1) {
					status = ProjectStatus.REJECTED;
				}
				else if (i == 2) {
					status = ProjectStatus.IN_LIBRARY;
				}
				else {
					int draw = random.nextInt(100);
					pace = (draw < 72) ? Pace.ON_TRACK : (draw < 90) ? Pace.BEHIND : Pace.PAST_END;
					if (pace == Pace.PAST_END) {
						end = LocalDate.of(year, 9, 15).plusDays(random.nextInt(60));
					}
					status = status(pace, start, end, asOf, random);
				}
				boolean reviewed = status != ProjectStatus.PROPOSED;
				boolean funded = pace != null;
				BigDecimal allocated = funded ? budget : BigDecimal.ZERO;
				BigDecimal paid = BigDecimal.ZERO;
				if (funded) {
					int source = DemoDraws.pick(SOURCE_WEIGHTS, random);
					this.splits.add(new Object[] { allocationIds[source], id, allocated });
					allocationSplit[source] = allocationSplit[source].add(allocated);
					paid = payments(this.disbursements, context, id, allocated, start, end, pace, asOf, random);
					this.fundedByVillage.putIfAbsent((village != null) ? village.code() : "", id);
					if (category == ProjectCategory.INDUSTRY && village != null) {
						this.industryByVillage.computeIfAbsent(village.code(), (code) -> new ArrayList<>()).add(id);
					}
				}
				LocalDate reviewedOn = start.minusDays(20 + random.nextInt(20));
				projects.row(id, year, name, town.code(), (village != null) ? village.code() : null, category.name(),
						budget, department(category), start, end, status.name(), BY, reviewed ? BY : null,
						reviewed ? reviewedOn : null,
						reviewed ? ((status == ProjectStatus.REJECTED) ? "REJECTED" : "PASSED") : null,
						(status == ProjectStatus.REJECTED) ? "效益测算不充分" : null,
						reviewed ? reviewedOn.plusDays(10) : start.minusDays(40), allocated, paid);
			}
		}
		for (int s = 0; s < SOURCES.length; s++) {
			// each level keeps a reserve of about 5% not yet split
			BigDecimal amount = allocationSplit[s].multiply(new BigDecimal("1.05")).setScale(0, RoundingMode.CEILING);
			if (amount.signum() == 0) {
				amount = BigDecimal.valueOf(100000);
			}
			allocations.row(allocationIds[s], year, SOURCES[s].name(), document(SOURCES[s], year),
					year + "年" + sourceLabel(SOURCES[s]) + "衔接推进乡村振兴补助资金", amount, allocationSplit[s],
					LocalDate.of(year, 1, 10).plusDays(s * 12L), BY);
		}
	}

	/**
	 * The splits and the ledgers go out with the first chunk, once the projects and
	 * allocations they name are committed (rows of one commit are not written in the
	 * order of their tables).
	 */
	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		if (!this.splits.isEmpty() || !this.disbursements.isEmpty()) {
			DemoTable splitTable = context.table("fund_split", "allocation_id", "project_id", "amount");
			for (Object[] row : this.splits) {
				splitTable.row(row);
			}
			DemoTable ledger = context.table("disbursement", "id", "project_id", "paid_on", "amount", "voucher_number",
					"corrects_id", "note", "recorded_by");
			for (Object[] row : this.disbursements) {
				ledger.row(row);
			}
			this.splits.clear();
			this.disbursements.clear();
		}
		DemoTable benefits = context.table("project_benefit", "id", "project_id", "household_id", "year", "kind",
				"amount", "recorded_by");
		SplittableRandom random = context.random();
		int year = context.asOf().getYear();
		for (DemoHousehold household : chunk.households()) {
			List<Long> projects = this.industryByVillage.get(household.villageCode());
			if (projects == null || random.nextInt(100) >= 12) {
				continue;
			}
			long project = projects.get(random.nextInt(projects.size()));
			BenefitKind kind = KINDS[DemoDraws.pick(KIND_WEIGHTS, random)];
			int yuan = switch (kind) {
				case JOBS -> 3000 + random.nextInt(15000);
				case DIVIDENDS -> 300 + random.nextInt(1500);
				case LAND_RENT -> 500 + random.nextInt(3000);
				case PURCHASES -> 800 + random.nextInt(6000);
			};
			benefits.row(context.ids().nextId(), project, household.id(), year, kind.name(),
					BigDecimal.valueOf(yuan / 10 * 10L), BY);
		}
	}

	@Override
	public void end(DemoContext context) throws SQLException {
		DemoTable income = context.table("village_collective_income", "village_code", "year", "source", "amount",
				"project_id", "recorded_by");
		SplittableRandom random = context.random();
		int year = context.asOf().getYear();
		for (DemoTown town : context.geography().towns()) {
			for (DemoVillage village : town.villages()) {
				Long project = this.fundedByVillage.get(village.code());
				income.row(village.code(), year, IncomeSource.OPERATIONS.name(),
						BigDecimal.valueOf((20 + random.nextInt(180)) * 1000L), project, BY);
				if (random.nextBoolean()) {
					income.row(village.code(), year, IncomeSource.LEASING.name(),
							BigDecimal.valueOf((5 + random.nextInt(60)) * 1000L), null, BY);
				}
			}
		}
	}

	/**
	 * Monthly payments on the 20th from the start's month: the share paid by a day
	 * follows the milestone curve (55% by 30 June, 80% by 30 September, all by the
	 * planned end), about half as fast for projects behind, a third for those past their
	 * end. One payment in about fifteen projects is corrected by a negative entry.
	 */
	private static BigDecimal payments(List<Object[]> disbursements, DemoContext context, long project,
			BigDecimal allocated, LocalDate start, LocalDate end, Pace pace, LocalDate asOf, SplittableRandom random) {
		double factor = switch (pace) {
			case ON_TRACK -> 1.0;
			case BEHIND -> 0.45 + random.nextDouble() * 0.15;
			case PAST_END -> 0.25 + random.nextDouble() * 0.15;
		};
		BigDecimal paid = BigDecimal.ZERO;
		boolean correct = random.nextInt(15) == 0;
		int n = 0;
		for (LocalDate day = start.withDayOfMonth(20); !day.isAfter(asOf); day = day.plusMonths(1)) {
			if (day.isBefore(start)) {
				continue;
			}
			double share = Math.min(1.0, curve(day, start, end) * factor);
			BigDecimal due = allocated.multiply(BigDecimal.valueOf(share)).setScale(0, RoundingMode.FLOOR);
			BigDecimal amount = due.subtract(paid);
			if (amount.signum() <= 0) {
				continue;
			}
			long id = context.ids().nextId();
			n++;
			disbursements
				.add(new Object[] { id, project, day, amount, "记-" + project % 100000 + "-" + n, null, null, BY });
			paid = paid.add(amount);
			if (correct && amount.compareTo(BigDecimal.valueOf(2000)) > 0) {
				correct = false;
				disbursements.add(new Object[] { context.ids().nextId(), project, day.plusDays(3),
						BigDecimal.valueOf(-1000), "记-" + project % 100000 + "-" + n + "冲", id, "凭证金额有误，冲减", BY });
				paid = paid.subtract(BigDecimal.valueOf(1000));
			}
		}
		return paid;
	}

	/** The share of a project's money due paid by {@code day}. */
	static double curve(LocalDate day, LocalDate start, LocalDate end) {
		LocalDate june = LocalDate.of(start.getYear(), 6, 30);
		LocalDate september = LocalDate.of(start.getYear(), 9, 30);
		if (!day.isAfter(june)) {
			return 0.55 * fraction(start, june, day);
		}
		if (!day.isAfter(september) && september.isBefore(end)) {
			return 0.55 + 0.25 * fraction(june, september, day);
		}
		LocalDate from = september.isBefore(end) ? september : june;
		double base = september.isBefore(end) ? 0.80 : 0.55;
		return (day.isBefore(end)) ? base + (1 - base) * fraction(from, end, day) : 1.0;
	}

	private static double fraction(LocalDate from, LocalDate to, LocalDate day) {
		double whole = to.toEpochDay() - from.toEpochDay();
		return (whole <= 0) ? 1.0 : Math.max(0, Math.min(1, (day.toEpochDay() - from.toEpochDay()) / whole));
	}

	private static ProjectStatus status(Pace pace, LocalDate start, LocalDate end, LocalDate asOf,
			SplittableRandom random) {
		if (asOf.isBefore(start)) {
			return ProjectStatus.APPROVED;
		}
		if (!asOf.isAfter(end)) {
			return ProjectStatus.UNDER_CONSTRUCTION;
		}
		return switch (pace) {
			case ON_TRACK -> random.nextBoolean() ? ProjectStatus.ACCEPTED : ProjectStatus.HANDED_OVER;
			case BEHIND -> ProjectStatus.COMPLETED;
			case PAST_END -> ProjectStatus.UNDER_CONSTRUCTION;
		};
	}

	private static String department(ProjectCategory category) {
		return switch (category) {
			case INDUSTRY, INFRASTRUCTURE, OTHER -> "AGRICULTURE";
			case EMPLOYMENT -> "HRSS";
			case EDUCATION -> "EDUCATION";
			case HEALTH -> "HEALTH";
			case HOUSING -> "HOUSING";
			case WATER -> "WATER";
		};
	}

	private static String label(ProjectCategory category) {
		return switch (category) {
			case INDUSTRY -> "产业发展";
			case INFRASTRUCTURE -> "基础设施";
			case EMPLOYMENT -> "就业帮扶";
			case EDUCATION -> "教育帮扶";
			case HEALTH -> "健康帮扶";
			case HOUSING -> "住房保障";
			case WATER -> "饮水安全";
			case OTHER -> "综合";
		};
	}

	private static String sourceLabel(FundSource source) {
		return switch (source) {
			case CENTRAL -> "中央";
			case PROVINCIAL -> "省级";
			case MUNICIPAL -> "市级";
			case COUNTY -> "县级";
		};
	}

	private static String document(FundSource source, int year) {
		return switch (source) {
			case CENTRAL -> "财农〔" + year + "〕12号";
			case PROVINCIAL -> "豫财农〔" + year + "〕5号";
			case MUNICIPAL -> "市财农〔" + year + "〕8号";
			case COUNTY -> "县财〔" + year + "〕3号";
		};
	}

}
