package cn.county.platform.funds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.county.platform.plan.Plan;
import cn.county.platform.plan.PlanProperties.Milestone;
import cn.county.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Red and yellow cards (item 19) for any date: a funded project of the year, not yet
 * accepted, whose disbursed share of its allocation by that date is behind the spending
 * milestone then due (item 20) by more than the year's yellow margin gets a yellow card,
 * by more than the red margin a red one; past its planned end without acceptance, a red
 * card whatever it spent. Each card names the project, the milestone and the gap.
 */
@Service
public class ProgressService {

	private final ProjectMapper projects;

	private final LedgerService ledger;

	private final Plan plan;

	private final Clock clock;

	ProgressService(ProjectMapper projects, LedgerService ledger, Plan plan, Clock clock) {
		this.projects = projects;
		this.ledger = ledger;
		this.plan = plan;
		this.clock = clock;
	}

	public FundsTargets targets(int year) {
		return FundsTargets.of(this.plan.year(year, "year"));
	}

	@PreAuthorize(ProjectService.READERS)
	public List<ProjectCard> cards(Caller caller, int year, LocalDate asOf) {
		LocalDate day = (asOf != null) ? asOf : LocalDate.now(this.clock);
		FundsTargets targets = targets(year);
		List<Project> carded = this.projects.selectCarded(year, ProjectService.scope(caller));
		Map<Long, List<Disbursement>> ledgers = this.ledger.ledgers(carded.stream().map(Project::id).toList());
		List<ProjectCard> cards = new ArrayList<>();
		for (Project project : carded) {
			BigDecimal paid = ledgers.getOrDefault(project.id(), List.of())
				.stream()
				.filter((entry) -> !entry.paidOn().isAfter(day))
				.map(Disbursement::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			ProjectCard card = card(project, paid, day, targets);
			if (card != null) {
				cards.add(card);
			}
		}
		return cards;
	}

	/**
	 * The card a project has on {@code day}, having paid out {@code paid} by then; null
	 * for none.
	 */
	static ProjectCard card(Project project, BigDecimal paid, LocalDate day, FundsTargets targets) {
		if (project.status().isAccepted()) {
			return null;
		}
		Milestone due = targets.dueBy(day);
		boolean pastEnd = day.isAfter(project.plannedEnd());
		Milestone named = (due != null) ? due : targets.next(day);
		if (named == null) {
			return null;
		}
		BigDecimal rate = rate(paid, project.allocated());
		BigDecimal gap = named.shareOfTarget().subtract(rate).max(BigDecimal.ZERO);
		if (pastEnd) {
			return new ProjectCard(project, CardColour.RED, CardReason.PAST_END_NOT_ACCEPTED, named, rate, gap);
		}
		if (due == null) {
			return null;
		}
		if (gap.compareTo(targets.redMargin()) > 0) {
			return new ProjectCard(project, CardColour.RED, CardReason.BEHIND_MILESTONE, due, rate, gap);
		}
		if (gap.compareTo(targets.yellowMargin()) > 0) {
			return new ProjectCard(project, CardColour.YELLOW, CardReason.BEHIND_MILESTONE, due, rate, gap);
		}
		return null;
	}

	/** Paid out over allocated, 4 decimals; zero for a project allocated nothing yet. */
	static BigDecimal rate(BigDecimal paid, BigDecimal allocated) {
		if (allocated.signum() == 0) {
			return BigDecimal.ZERO.setScale(4);
		}
		return paid.divide(allocated, 4, RoundingMode.HALF_UP);
	}

	/** Why a project is carded. */
	public enum CardReason {

		BEHIND_MILESTONE, PAST_END_NOT_ACCEPTED

	}

	/**
	 * A card: the project, its colour and why, the milestone it is measured against, its
	 * disbursed share by the day asked, and how far that is behind the milestone.
	 */
	public record ProjectCard(Project project, CardColour colour, CardReason reason, Milestone milestone,
			BigDecimal rate, BigDecimal gap) {
	}

}
