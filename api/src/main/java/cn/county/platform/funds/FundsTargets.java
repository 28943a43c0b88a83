package cn.county.platform.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.county.platform.plan.PlanProperties.Milestone;
import cn.county.platform.plan.PlanYear;

/**
 * The linkage funds' targets for one year, from the plan's configuration
 * ({@code platform.plan.years.<year>}, like the other targets): the spending milestones
 * moved to the year asked (a year without its own block uses an earlier one's), or the
 * work plan's own when none are configured (item 20: 50% by 30 June, 75% by 30 September,
 * 100% by 31 December); the industry share (item 12) and the cards' margins (item 19).
 */
public record FundsTargets(List<Milestone> milestones, BigDecimal industryShare, BigDecimal yellowMargin,
		BigDecimal redMargin) {

	public static FundsTargets of(PlanYear plan) {
		int year = plan.year();
		List<Milestone> configured = plan.targets().spendingMilestones();
		List<Milestone> milestones = configured.isEmpty()
				? List.of(new Milestone(LocalDate.of(year, 6, 30), new BigDecimal("0.50")),
						new Milestone(LocalDate.of(year, 9, 30), new BigDecimal("0.75")),
						new Milestone(LocalDate.of(year, 12, 31), BigDecimal.ONE))
				: configured.stream().map((m) -> new Milestone(m.due().withYear(year), m.shareOfTarget())).toList();
		return new FundsTargets(milestones, plan.targets().industryShare(), plan.targets().cardYellowMargin(),
				plan.targets().cardRedMargin());
	}

	/** The last milestone due on or before {@code date}, or null before the first. */
	public Milestone dueBy(LocalDate date) {
		Milestone due = null;
		for (Milestone milestone : this.milestones) {
			if (!milestone.due().isAfter(date)) {
				due = milestone;
			}
		}
		return due;
	}

	/** The first milestone due on or after {@code date}, or null past the last. */
	public Milestone next(LocalDate date) {
		return this.milestones.stream().filter((m) -> !m.due().isBefore(date)).findFirst().orElse(null);
	}

}
