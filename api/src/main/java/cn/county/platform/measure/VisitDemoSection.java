package cn.county.platform.measure;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
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
import cn.county.platform.demo.DemoVillage;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Visits of assistance day (item 21): every one on a Tuesday of the demo's year, four to
 * twelve to each monitored household and a visit or two to most others, by the
 * household's assigned cadre or now and then by another cadre of the village. About 1.7
 * per household (1.7M for a million households).
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public final class VisitDemoSection implements DemoSection {

	/** Visits per household that is not monitored: none to two, 0.8 on average. */
	private static final int[] ALLEVIATED_COUNT_WEIGHTS = { 40, 40, 20 };

	private static final String[] NOTES = { "了解家庭收入和务工情况，宣传防返贫监测政策", "查看住房安全和饮水情况，户容户貌整洁", "核实家庭成员变化情况，更新帮扶手册",
			"宣传小额信贷和产业奖补政策", "帮助整理庭院，指导发展庭院种植", "了解子女上学情况，宣传雨露计划", "了解务工就业意愿，推荐就业岗位" };

	private static final Map<String, String> NOTES_BY_CAUSE = Map.of("ILLNESS", "了解患病成员治疗和医疗报销情况", "DISABILITY",
			"核实残疾人两项补贴发放情况", "SCHOOLING", "了解子女教育支出，落实教育资助", "DISASTER", "查看灾后房屋修缮进度", "ACCIDENT", "了解意外伤害后续治疗和理赔情况",
			"LACK_OF_LABOUR", "了解公益性岗位履职情况", "UNSTABLE_EMPLOYMENT", "了解务工稳定情况，推荐县内就业岗位", "HIGH_RIGID_EXPENSES",
			"核实刚性支出，协助申请临时救助");

	private static final String[] FOLLOW_UPS = { "协调镇卫生院上门随访", "提交镇里研判是否纳入监测", "协助申请临时救助", "联系人社所推荐岗位", "督促维修房屋漏雨问题",
			"跟进医疗报销进度" };

	@Override
	public String name() {
		return "visits";
	}

	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		DemoTable table = context.table("household_visit", "id", "household_id", "cadre", "visited_on", "notes",
				"follow_up", "follow_up_on", "recorded_by");
		SplittableRandom random = context.random();
		List<LocalDate> tuesdays = tuesdays(context.asOf().getYear());
		Map<String, DemoVillage> villages = new HashMap<>();
		for (DemoVillage village : chunk.villages()) {
			villages.put(village.code(), village);
		}
		for (DemoHousehold household : chunk.households()) {
			int count = household.isMonitored() ? 4 + random.nextInt(9)
					: DemoDraws.pick(ALLEVIATED_COUNT_WEIGHTS, random);
			List<String> cadres = villages.get(household.villageCode()).cadres();
			for (LocalDate visitedOn : distinct(tuesdays, count, random)) {
				String cadre = (household.assignedCadre() == null || random.nextInt(100) < 15)
						? cadres.get(random.nextInt(cadres.size())) : household.assignedCadre();
				String notes = notes(household, random);
				boolean followUp = random.nextInt(100) < (household.isMonitored() ? 25 : 8);
				table.row(context.ids().nextId(), household.id(), cadre, visitedOn, notes,
						followUp ? FOLLOW_UPS[random.nextInt(FOLLOW_UPS.length)] : null,
						followUp ? visitedOn.plusDays(7 + random.nextInt(24)) : null, cadre);
			}
		}
	}

	private static String notes(DemoHousehold household, SplittableRandom random) {
		if (!household.riskCauses().isEmpty() && random.nextBoolean()) {
			String cause = household.riskCauses().get(random.nextInt(household.riskCauses().size()));
			return NOTES_BY_CAUSE.getOrDefault(cause, NOTES[0]);
		}
		// a tenth of the visits are recorded without notes, as the mobile app allows
		return (random.nextInt(10) == 0) ? null : NOTES[random.nextInt(NOTES.length)];
	}

	private static List<LocalDate> tuesdays(int year) {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = LocalDate.of(year, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)); day
			.getYear() == year; day = day.plusWeeks(1)) {
			days.add(day);
		}
		return days;
	}

	/** {@code count} different days, in calendar order. */
	private static List<LocalDate> distinct(List<LocalDate> days, int count, SplittableRandom random) {
		BitSet chosen = new BitSet(days.size());
		while (chosen.cardinality() < Math.min(count, days.size())) {
			chosen.set(random.nextInt(days.size()));
		}
		List<LocalDate> picked = new ArrayList<>(count);
		for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
			picked.add(days.get(i));
		}
		return picked;
	}

}
