package cn.county.platform.plan;

import java.time.Clock;
import java.time.LocalDate;

import cn.county.platform.common.DomainException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The work plan as configured: which targets apply to a year, and which year a question
 * is about by default.
 */
@Component
@EnableConfigurationProperties(PlanProperties.class)
public class Plan {

	private final PlanProperties properties;

	private final Clock clock;

	Plan(PlanProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		if (properties.years().isEmpty()) {
			throw new IllegalStateException("platform.plan.years configures no plan year; the dashboard and the "
					+ "screening list need at least one year's targets");
		}
	}

	public PlanProperties properties() {
		return this.properties;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * The targets for a year; {@code field} names the input in the refusal when no
	 * configured year is at or before it.
	 */
	public PlanYear year(int year, String field) {
		PlanYear plan = PlanYear.of(this.properties, year);
		if (plan == null) {
			throw DomainException.badRequest(field,
					"no plan targets are configured for " + year + " or any earlier year (platform.plan.years)");
		}
		return plan;
	}

	/**
	 * The year a question is about when the client names none: the latest configured plan
	 * year.
	 */
	public int defaultYear() {
		return ((java.util.TreeMap<Integer, ?>) this.properties.years()).lastKey();
	}

}
