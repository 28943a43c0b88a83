package cn.county.platform.assistance;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;

import cn.county.platform.demo.DemoChunk;
import cn.county.platform.demo.DemoContext;
import cn.county.platform.demo.DemoHousehold;
import cn.county.platform.demo.DemoSection;
import cn.county.platform.demo.DemoTable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Social assistance as of the demo's day, consistent with the households' flags (which
 * the API derives from these records): every household flagged on the minimum allowance
 * or extreme-poverty support has a running enrolment of that kind, started one to six
 * years ago, paid every month of the demo's year so far; about one household in ten of
 * the others had an allowance that has ended; about 3% of households received temporary
 * relief within the last eighteen months.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public final class AssistanceDemoSection implements DemoSection {

	private static final String RECORDED_BY = "civil-affairs.officer";

	private DemoTable enrolments;

	private DemoTable payments;

	@Override
	public String name() {
		return "assistance";
	}

	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		this.enrolments = context.table("assistance_enrolment", "id", "household_id", "kind", "start_date", "end_date",
				"monthly_amount", "one_off_amount", "reason", "recorded_by");
		this.payments = context.table("assistance_payment", "enrolment_id", "month", "household_id", "kind", "amount",
				"paid_by");
		SplittableRandom random = context.random();
		LocalDate asOf = context.asOf();
		for (DemoHousehold household : chunk.households()) {
			if (household.minimumAllowance()) {
				monthly(context, household, AssistanceKind.MINIMUM_ALLOWANCE, yuan(280 + random.nextInt(450)),
						asOf.minusDays(365 + random.nextInt(5 * 365)), null);
			}
			else if (random.nextInt(10) == 0) {
				LocalDate start = asOf.minusDays(3 * 365 + random.nextInt(3 * 365));
				monthly(context, household, AssistanceKind.MINIMUM_ALLOWANCE, yuan(280 + random.nextInt(450)), start,
						start.plusDays(180 + random.nextInt(720)));
			}
			if (household.extremePoverty()) {
				monthly(context, household, AssistanceKind.EXTREME_POVERTY_SUPPORT, yuan(700 + random.nextInt(500)),
						asOf.minusDays(365 + random.nextInt(5 * 365)), null);
			}
			if (random.nextInt(100) < 3) {
				LocalDate granted = asOf.minusDays(random.nextInt(540));
				BigDecimal amount = yuan(500 + random.nextInt(4501));
				long id = context.ids().nextId();
				this.enrolments.row(id, household.id(), AssistanceKind.TEMPORARY_RELIEF.name(), granted, granted, null,
						amount, "因病临时救助", RECORDED_BY);
				this.payments.row(id, YearMonth.from(granted).toString(), household.id(),
						AssistanceKind.TEMPORARY_RELIEF.name(), amount, RECORDED_BY);
			}
		}
	}

	/**
	 * An enrolment and its payment months, from its start (or January of last year) to
	 * its end or today.
	 */
	private void monthly(DemoContext context, DemoHousehold household, AssistanceKind kind, BigDecimal amount,
			LocalDate start, LocalDate end) throws SQLException {
		LocalDate asOf = context.asOf();
		LocalDate last = (end != null && end.isBefore(asOf)) ? end : asOf;
		long id = context.ids().nextId();
		this.enrolments.row(id, household.id(), kind.name(), start, (end != null && end.isBefore(asOf)) ? end : null,
				amount, null, null, RECORDED_BY);
		YearMonth first = YearMonth.from(start);
		YearMonth since = YearMonth.of(asOf.getYear() - 1, 1);
		for (YearMonth month = first.isBefore(since) ? since : first; !month
			.isAfter(YearMonth.from(last)); month = month.plusMonths(1)) {
			this.payments.row(id, month.toString(), household.id(), kind.name(), amount, RECORDED_BY);
		}
	}

	private static BigDecimal yuan(int yuan) {
		return BigDecimal.valueOf(yuan / 10 * 10L);
	}

}
