package cn.county.platform.medical;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import cn.county.platform.demo.DemoChunk;
import cn.county.platform.demo.DemoContext;
import cn.county.platform.demo.DemoHousehold;
import cn.county.platform.demo.DemoMember;
import cn.county.platform.demo.DemoSection;
import cn.county.platform.demo.DemoTable;
import cn.county.platform.demo.DemoTown;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Medical care as of the demo's year, agreeing with the members' recorded health: every
 * member enrolled in basic insurance for the year (380 yuan, collected the autumn
 * before), the government paying all of it for extreme-poverty households, 70% for
 * monitored and minimum-allowance ones, half for other policy-supported ones; members of
 * monitored and assisted households also in medical assistance. Each CHRONIC member has a
 * chronic identification, each SERIOUS_ILLNESS member a special one, some disabled
 * members a chronic one too. Members who are ill, disabled, 65 or older, or of monitored
 * households mostly have a family doctor for the year.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public final class MedicalDemoSection implements DemoSection {

	static final BigDecimal PREMIUM = new BigDecimal("380");

	static final double CONTRACT_SHARE = 0.85;

	private static final String[] CHRONIC = { "高血压", "糖尿病", "冠心病", "慢性阻塞性肺疾病", "类风湿关节炎", "脑梗死后遗症" };

	private static final String[] SPECIAL = { "恶性肿瘤", "尿毒症", "器官移植术后", "再生障碍性贫血", "血友病" };

	private static final String[] DOCTORS = { "王医生", "李医生", "张医生", "刘医生", "陈医生", "杨医生" };

	private final Map<String, String> townNames = new HashMap<>();

	@Override
	public String name() {
		return "medical";
	}

	@Override
	public void begin(DemoContext context) {
		for (DemoTown town : context.geography().towns()) {
			this.townNames.put(town.code(), town.name());
		}
	}

	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		DemoTable enrolments = context.table("insurance_enrolment", "id", "member_id", "household_id", "year", "scheme",
				"premium", "government_share", "enrolled_on", "recorded_by");
		DemoTable illnesses = context.table("illness_identification", "id", "member_id", "household_id", "kind",
				"disease", "identified_on", "recorded_by");
		DemoTable contracts = context.table("family_doctor_contract", "id", "member_id", "household_id", "doctor",
				"clinic", "signed_on", "ends_on", "recorded_by");
		SplittableRandom random = context.random();
		LocalDate asOf = context.asOf();
		int year = asOf.getYear();
		for (DemoHousehold household : chunk.households()) {
			BigDecimal share = (household.extremePoverty()) ? PREMIUM
					: (household.isMonitored() || household.minimumAllowance()) ? new BigDecimal("266.00")
							: household.policySupport() ? new BigDecimal("190.00") : BigDecimal.ZERO;
			boolean assisted = household.isMonitored() || household.minimumAllowance() || household.extremePoverty();
			String clinic = this.townNames.getOrDefault(household.townCode(), "") + "卫生院";
			for (DemoMember member : household.members()) {
				LocalDate collected = LocalDate.of(year - 1, 10, 1).plusDays(random.nextInt(90));
				if (collected.isBefore(member.birthDate())) {
					collected = member.birthDate().plusDays(1);
				}
				if (collected.isAfter(asOf)) {
					continue;
				}
				enrolments.row(context.ids().nextId(), member.id(), household.id(), year, "BASIC", PREMIUM, share,
						collected, "medical-insurance.officer");
				if (assisted) {
					enrolments.row(context.ids().nextId(), member.id(), household.id(), year, "MEDICAL_ASSISTANCE",
							BigDecimal.ZERO, BigDecimal.ZERO, collected, "medical-insurance.officer");
				}
				String health = member.health();
				if ("CHRONIC".equals(health) || ("DISABLED".equals(health) && random.nextDouble() < 0.2)) {
					illnesses.row(context.ids().nextId(), member.id(), household.id(), "CHRONIC",
							CHRONIC[random.nextInt(CHRONIC.length)], identified(member, asOf, random),
							"medical-insurance.officer");
				}
				else if ("SERIOUS_ILLNESS".equals(health)) {
					illnesses.row(context.ids().nextId(), member.id(), household.id(), "SPECIAL",
							SPECIAL[random.nextInt(SPECIAL.length)], identified(member, asOf, random),
							"medical-insurance.officer");
				}
				boolean priority = !"HEALTHY".equals(health) || member.age() >= 65 || household.isMonitored();
				if (priority && random.nextDouble() < CONTRACT_SHARE) {
					LocalDate signed = LocalDate.of(year, 1, 5).plusDays(random.nextInt(150));
					if (signed.isAfter(member.birthDate())) {
						contracts.row(context.ids().nextId(), member.id(), household.id(),
								DOCTORS[random.nextInt(DOCTORS.length)], clinic, signed,
								signed.plusYears(1).minusDays(1), "health.officer");
					}
				}
			}
		}
	}

	/** One to six years ago, and not before the member's first birthday. */
	private static LocalDate identified(DemoMember member, LocalDate asOf, SplittableRandom random) {
		LocalDate on = asOf.minusDays(365 + random.nextInt(365 * 5));
		LocalDate earliest = member.birthDate().plusYears(1);
		return on.isBefore(earliest) ? (earliest.isAfter(asOf) ? asOf : earliest) : on;
	}

}
