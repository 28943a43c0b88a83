package cn.county.platform.water;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.SplittableRandom;

import cn.county.platform.demo.DemoChunk;
import cn.county.platform.demo.DemoContext;
import cn.county.platform.demo.DemoSection;
import cn.county.platform.demo.DemoTable;
import cn.county.platform.demo.DemoVillage;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Drinking-water supply points: one piped scheme per village, and a well or cistern in
 * about one village in four, each with a facility check every month of the last year and
 * a quality test every half year; about one point in twenty failed its newest check. The
 * demo's households are not linked to points (their water fields stay as generated), so
 * the household figures are those of the household section.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public final class WaterDemoSection implements DemoSection {

	@Override
	public String name() {
		return "water";
	}

	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		DemoTable points = context.table("water_supply_point", "id", "town_code", "village_code", "name", "kind",
				"population_served", "safe", "last_checked_on", "last_tested_on", "recorded_by");
		DemoTable checks = context.table("water_check", "id", "point_id", "kind", "checked_on", "passed", "findings",
				"recorded_by");
		SplittableRandom random = context.random();
		LocalDate asOf = context.asOf();
		for (DemoVillage village : chunk.villages()) {
			int count = (random.nextInt(4) == 0) ? 2 : 1;
			for (int p = 0; p < count; p++) {
				long id = context.ids().nextId();
				boolean piped = p == 0;
				boolean failed = random.nextInt(20) == 0;
				LocalDate lastCheck = asOf.minusDays(random.nextInt(40));
				LocalDate lastTest = asOf.minusDays(random.nextInt(180));
				points.row(id, village.townCode(), village.code(), village.name() + (piped ? "集中供水站" : "水井"),
						piped ? "CENTRALIZED" : "WELL", village.households() * (piped ? 3 : 1), !failed, lastCheck,
						lastTest, "water.officer");
				String cadre = village.cadres().get(0);
				for (int m = 0; m < 12; m++) {
					checks.row(context.ids().nextId(), id, "FACILITY_CHECK", lastCheck.minusMonths(m),
							m != 0 || !failed, (m == 0 && failed) ? "管网破损" : null, cadre);
				}
				checks.row(context.ids().nextId(), id, "QUALITY_TEST", lastTest, true, null, "water.officer");
				checks.row(context.ids().nextId(), id, "QUALITY_TEST", lastTest.minusMonths(6), true, null,
						"water.officer");
			}
		}
	}

}
