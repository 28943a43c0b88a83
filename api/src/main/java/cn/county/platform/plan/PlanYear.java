package cn.county.platform.plan;

import java.util.Map;

import cn.county.platform.plan.PlanProperties.YearTargets;

/**
 * The targets that apply to a year: its own, or those of the nearest earlier configured
 * year.
 *
 * @param year the year asked about
 * @param targetsYear the configured year whose targets apply
 * @param targets those targets
 */
public record PlanYear(int year, int targetsYear, YearTargets targets) {

	/**
	 * The targets for {@code year}, or {@code null} when no configured year is at or
	 * before it.
	 */
	static PlanYear of(PlanProperties properties, int year) {
		Map.Entry<Integer, YearTargets> entry = ((java.util.TreeMap<Integer, YearTargets>) properties.years())
			.floorEntry(year);
		return (entry != null) ? new PlanYear(year, entry.getKey(), entry.getValue()) : null;
	}

}
