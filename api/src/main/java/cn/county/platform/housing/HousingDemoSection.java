package cn.county.platform.housing;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
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
 * Housing inspections consistent with the households' grades (which the API derives from
 * the latest inspection): every graded household's latest inspection is its grade on its
 * inspection day, with one to three earlier quarterly inspections before it (a C or D
 * house was often graded the same before). About four in five D houses and one in three C
 * houses have a renovation project, most of them open; the rest are what the data-quality
 * rule on D houses finds.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public final class HousingDemoSection implements DemoSection {

	private static final String[] STATUSES = { "PLANNED", "APPROVED", "UNDER_CONSTRUCTION", "COMPLETED" };

	@Override
	public String name() {
		return "housing";
	}

	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		DemoTable inspections = context.table("housing_inspection", "id", "household_id", "inspected_on", "inspector",
				"grade", "findings", "recorded_by");
		DemoTable projects = context.table("renovation_project", "id", "household_id", "priority_group", "status",
				"description", "subsidy", "planned_on", "status_on", "status_by", "completed_on", "recorded_by");
		SplittableRandom random = context.random();
		for (DemoHousehold household : chunk.households()) {
			if (household.housingGrade() == null || household.housingInspectedOn() == null) {
				continue;
			}
			String grade = household.housingGrade();
			LocalDate last = household.housingInspectedOn();
			String inspector = "住建局鉴定员" + (1 + random.nextInt(12));
			int earlier = 1 + random.nextInt(3);
			for (int i = earlier; i >= 1; i--) {
				String before = ("C".equals(grade) || "D".equals(grade)) && random.nextBoolean() ? grade
						: (random.nextInt(4) == 0 ? "B" : "A");
				inspections.row(context.ids().nextId(), household.id(), last.minusMonths(3L * i), inspector, before,
						null, "housing.officer");
			}
			inspections.row(context.ids().nextId(), household.id(), last, inspector, grade,
					"D".equals(grade) ? "墙体开裂, 屋面渗漏" : "C".equals(grade) ? "局部危险" : null, "housing.officer");
			int share = "D".equals(grade) ? 80 : "C".equals(grade) ? 33 : 0;
			if (random.nextInt(100) < share) {
				String status = STATUSES[random.nextInt(STATUSES.length)];
				LocalDate planned = last.plusDays(random.nextInt(30));
				if (planned.isAfter(context.asOf())) {
					planned = context.asOf();
				}
				LocalDate changed = planned.plusDays(random.nextInt(60));
				if (changed.isAfter(context.asOf())) {
					changed = context.asOf();
				}
				projects.row(context.ids().nextId(), household.id(), group(household), status, "危房改造(加固)",
						BigDecimal.valueOf(15000 + random.nextInt(20) * 1000L), planned, changed, "housing.officer",
						"COMPLETED".equals(status) ? changed : null, "housing.officer");
			}
		}
	}

	private static String group(DemoHousehold household) {
		if (household.extremePoverty()) {
			return PriorityGroup.EXTREME_POVERTY.name();
		}
		if (household.minimumAllowance()) {
			return PriorityGroup.MINIMUM_ALLOWANCE.name();
		}
		return household.isMonitored() ? PriorityGroup.MONITORED.name() : PriorityGroup.OTHER_ALLEVIATED.name();
	}

}
