package cn.county.platform.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The work plan's targets and thresholds, per plan year, as configuration rather than
 * code: a new year's plan is a new block under {@code platform.plan.years}, not a
 * release. A year without a block uses the nearest earlier configured year, and every
 * answer that applies targets says which year's it applied.
 *
 * @param years the targets of each configured plan year
 * @param housingInspectionInterval how often each household's housing is inspected (item
 * 8: quarterly)
 * @param waterCheckInterval how often each household's water is checked (item 9: monthly)
 * @param schoolAgeFrom the first age of compulsory schooling (item 6)
 * @param schoolAgeTo the last age of compulsory schooling
 * @param smallCellThreshold village-level counts below this (and above zero) are
 * suppressed for the dashboard viewer
 */
@ConfigurationProperties("platform.plan")
public record PlanProperties(Map<Integer, YearTargets> years, @DefaultValue("P3M") Period housingInspectionInterval,
		@DefaultValue("P1M") Period waterCheckInterval, @DefaultValue("6") int schoolAgeFrom,
		@DefaultValue("15") int schoolAgeTo, @DefaultValue("5") int smallCellThreshold) {

	public PlanProperties {
		years = (years != null) ? new TreeMap<>(years) : new TreeMap<>();
	}

	/**
	 * One plan year's targets.
	 *
	 * @param monitoringLine annual per-capita net income under which a household
	 * qualifies for monitoring (item 1)
	 * @param employmentRate the share of members able and willing to work who should be
	 * employed (item 15)
	 * @param certificationRate the share of the labour force that should hold a
	 * certificate (item 15)
	 * @param certificationMilestones the dates by which a share of the certification
	 * target should be met
	 * @param demonstrationHouseholdsPerVillage approved courtyard demonstration
	 * households per village (item 14)
	 * @param demonstrationVillagesPerTown designated demonstration villages per town
	 * (item 14)
	 * @param spendingMilestones the share of the linkage funds allocated to projects that
	 * should be disbursed by each date (item 20); none configured means the work plan's
	 * 50% by 30 June, 75% by 30 September, 100% by 31 December
	 * @param industryShare the least share of the linkage funds that goes to industry
	 * (item 12)
	 * @param cardYellowMargin a project behind the spending milestone by more than this
	 * share gets a yellow card (item 19)
	 * @param cardRedMargin behind by more than this, a red card (as is a project past its
	 * planned end without acceptance)
	 */
	public record YearTargets(BigDecimal monitoringLine, @DefaultValue("1.0") BigDecimal employmentRate,
			@DefaultValue("0.40") BigDecimal certificationRate, List<Milestone> certificationMilestones,
			@DefaultValue("10") int demonstrationHouseholdsPerVillage,
			@DefaultValue("1") int demonstrationVillagesPerTown, List<Milestone> spendingMilestones,
			@DefaultValue("0.60") BigDecimal industryShare, @DefaultValue("0.10") BigDecimal cardYellowMargin,
			@DefaultValue("0.25") BigDecimal cardRedMargin) {

		public YearTargets {
			certificationMilestones = (certificationMilestones != null) ? List.copyOf(certificationMilestones)
					: List.of();
			spendingMilestones = (spendingMilestones != null) ? List.copyOf(spendingMilestones) : List.of();
			industryShare = (industryShare != null) ? industryShare : new BigDecimal("0.60");
			cardYellowMargin = (cardYellowMargin != null) ? cardYellowMargin : new BigDecimal("0.10");
			cardRedMargin = (cardRedMargin != null) ? cardRedMargin : new BigDecimal("0.25");
		}

	}

	/**
	 * A milestone on the way to a rate target.
	 *
	 * @param due the day by which it should be met
	 * @param shareOfTarget the part of the target due by then (1.0 = the whole target)
	 */
	public record Milestone(LocalDate due, BigDecimal shareOfTarget) {
	}

}
