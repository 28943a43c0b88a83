package cn.county.platform.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.county.platform.funds.FundsTargets;
import cn.county.platform.plan.PlanProperties;
import cn.county.platform.plan.PlanYear;
import cn.county.platform.plan.ReportingPeriod;

/**
 * Everything a section's SQL needs, computed once in Java so that the mapper XML holds no
 * date arithmetic.
 *
 * @param level how rows are grouped ({@code COUNTY}, {@code TOWN}, {@code VILLAGE})
 * @param townCode only this town, when set
 * @param villageCode only this village, when set
 * @param townCodes only these towns, when set (the rollup computes its towns a batch at a
 * time)
 * @param joinHousehold whether a table keyed by household must join household to find its
 * area
 * @param from the period's first day
 * @param to the period's last day
 * @param asOf the day states are judged on
 * @param year the period's year
 * @param yearStart January 1 of that year
 * @param schoolBornAfter members of school age were born after this day ...
 * @param schoolBornBy ... and on or before this day
 * @param housingDue a housing inspection before this day is overdue
 * @param waterDue a water check before this day is overdue
 * @param maturing the horizons of "maturing within N days"
 * @param milestones the certification milestones of the year, each judged on min(due,
 * asOf)
 * @param salesFromMonth the first month of the year, {@code YYYY-01}
 * @param salesToMonth the period's last month
 * @param reportMonths the months whose seller reports are due by asOf
 * @param demonstrationTarget approved courtyard households per village
 * @param spendingDue the share of the allocated linkage funds due disbursed by asOf (the
 * last spending milestone passed; 0 before the first)
 * @param cardYellowMargin a project behind {@code spendingDue} by more than this is
 * carded yellow
 * @param cardRedMargin by more than this, red (as is one past its planned end, not
 * accepted)
 */
record SectionQuery(String level, String townCode, String villageCode, List<String> townCodes, boolean joinHousehold,
		LocalDate from, LocalDate to, LocalDate asOf, int year, LocalDate yearStart, LocalDate schoolBornAfter,
		LocalDate schoolBornBy, LocalDate housingDue, LocalDate waterDue, List<Horizon> maturing,
		List<Horizon> milestones, String salesFromMonth, String salesToMonth, List<Horizon> reportMonths,
		int demonstrationTarget, BigDecimal spendingDue, BigDecimal cardYellowMargin, BigDecimal cardRedMargin) {

	/** Without the funds' parameters: the work plan's margins, nothing due. */
	SectionQuery(String level, String townCode, String villageCode, List<String> townCodes, boolean joinHousehold,
			LocalDate from, LocalDate to, LocalDate asOf, int year, LocalDate yearStart, LocalDate schoolBornAfter,
			LocalDate schoolBornBy, LocalDate housingDue, LocalDate waterDue, List<Horizon> maturing,
			List<Horizon> milestones, String salesFromMonth, String salesToMonth, List<Horizon> reportMonths,
			int demonstrationTarget) {
		this(level, townCode, villageCode, townCodes, joinHousehold, from, to, asOf, year, yearStart, schoolBornAfter,
				schoolBornBy, housingDue, waterDue, maturing, milestones, salesFromMonth, salesToMonth, reportMonths,
				demonstrationTarget, BigDecimal.ZERO, new BigDecimal("0.10"), new BigDecimal("0.25"));
	}

	/** A key and the day it stands for. */
	record Horizon(String key, LocalDate day) {
	}

	static SectionQuery of(Area area, AreaLevel level, ReportingPeriod period, PlanYear plan,
			PlanProperties properties) {
		LocalDate asOf = period.asOf();
		List<Horizon> maturing = List.of(new Horizon("30", asOf.plusDays(30)), new Horizon("60", asOf.plusDays(60)),
				new Horizon("90", asOf.plusDays(90)));
		List<Horizon> milestones = new ArrayList<>();
		for (PlanProperties.Milestone milestone : plan.targets().certificationMilestones()) {
			LocalDate due = milestone.due().withYear(period.year());
			milestones.add(new Horizon(due.toString(), due.isBefore(asOf) ? due : asOf));
		}
		List<Horizon> reportMonths = new ArrayList<>();
		for (YearMonth month = YearMonth.of(period.year(), 1); !month.atEndOfMonth().isAfter(asOf)
				&& month.getYear() == period.year(); month = month.plusMonths(1)) {
			reportMonths.add(new Horizon(month.toString(), month.atEndOfMonth()));
		}
		String townCode = (area.level() == AreaLevel.TOWN) ? area.code() : area.townCode();
		FundsTargets funds = FundsTargets.of(plan);
		PlanProperties.Milestone spending = funds.dueBy(asOf);
		return new SectionQuery(level.name(), townCode, area.villageCode(), null,
				level != AreaLevel.COUNTY || townCode != null, period.from(), period.to(), asOf, period.year(),
				LocalDate.of(period.year(), 1, 1), asOf.minusYears(properties.schoolAgeTo() + 1L),
				asOf.minusYears(properties.schoolAgeFrom()), asOf.minus(properties.housingInspectionInterval()),
				asOf.minus(properties.waterCheckInterval()), maturing, milestones,
				YearMonth.of(period.year(), 1).toString(), YearMonth.from(period.to()).toString(), reportMonths,
				plan.targets().demonstrationHouseholdsPerVillage(),
				(spending != null) ? spending.shareOfTarget() : BigDecimal.ZERO, funds.yellowMargin(),
				funds.redMargin());
	}

	/** The same figures for these towns, a row per town: what the rollup stores. */
	SectionQuery forTowns(List<String> towns) {
		return new SectionQuery(AreaLevel.TOWN.name(), null, null, List.copyOf(towns), true, this.from, this.to,
				this.asOf, this.year, this.yearStart, this.schoolBornAfter, this.schoolBornBy, this.housingDue,
				this.waterDue, this.maturing, this.milestones, this.salesFromMonth, this.salesToMonth,
				this.reportMonths, this.demonstrationTarget, this.spendingDue, this.cardYellowMargin,
				this.cardRedMargin);
	}

	/**
	 * A text that identifies the query for a cache key: every parameter that changes the
	 * rows.
	 */
	String cacheKey() {
		return String.join("|", this.level, String.valueOf(this.townCode), String.valueOf(this.villageCode),
				paramsKey());
	}

	/**
	 * Every parameter that changes the rows apart from the area and the level: the
	 * rollup's key.
	 */
	String paramsKey() {
		return String.join("|", this.from.toString(), this.to.toString(), this.asOf.toString(),
				String.valueOf(this.demonstrationTarget), this.housingDue.toString(), this.waterDue.toString(),
				this.schoolBornAfter.toString(), this.schoolBornBy.toString(), this.milestones.toString(),
				this.spendingDue.toPlainString(), this.cardYellowMargin.toPlainString(),
				this.cardRedMargin.toPlainString());
	}

	static BigDecimal zeroIfNull(BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO;
	}

}
