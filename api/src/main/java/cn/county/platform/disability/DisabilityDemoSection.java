package cn.county.platform.disability;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.SplittableRandom;

import cn.county.platform.demo.DemoChunk;
import cn.county.platform.demo.DemoContext;
import cn.county.platform.demo.DemoDraws;
import cn.county.platform.demo.DemoHousehold;
import cn.county.platform.demo.DemoMember;
import cn.county.platform.demo.DemoSection;
import cn.county.platform.demo.DemoTable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Disability certificates agreeing with the members' recorded disability: each DISABLED
 * member holds one certificate in force with the recorded grade, issued one to eight
 * years ago; some hold an earlier certificate of a milder grade that the current one
 * replaced. Services in proportion: home adaptations for a quarter of the severely
 * disabled (grades 1-2), assistive devices for a third of the disabled, rehabilitation in
 * the demo's year for most disabled children.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public final class DisabilityDemoSection implements DemoSection {

	private static final String[] KINDS = { "PHYSICAL", "VISUAL", "HEARING", "SPEECH", "INTELLECTUAL", "MENTAL",
			"MULTIPLE" };

	private static final int[] KIND_WEIGHTS = { 35, 12, 15, 3, 12, 15, 8 };

	private static final String[] DEVICES = { "轮椅", "助听器", "助行器", "盲杖", "坐便椅", "假肢" };

	private static final String FEDERATION = "disabled-federation.officer";

	@Override
	public String name() {
		return "disability";
	}

	@Override
	public void accept(DemoChunk chunk, DemoContext context) throws SQLException {
		DemoTable certificates = context.table("disability_certificate", "id", "member_id", "household_id", "kind",
				"grade", "issued_on", "revoked_on", "recorded_by");
		DemoTable services = context.table("disability_service", "id", "member_id", "household_id", "kind",
				"description", "provided_on", "amount", "recorded_by");
		SplittableRandom random = context.random();
		LocalDate asOf = context.asOf();
		for (DemoHousehold household : chunk.households()) {
			for (DemoMember member : household.members()) {
				if (!"DISABLED".equals(member.health()) || member.disabilityGrade() == null) {
					continue;
				}
				int grade = member.disabilityGrade();
				String kind = KINDS[DemoDraws.pick(KIND_WEIGHTS, random)];
				LocalDate earliest = member.birthDate().plusYears(1);
				LocalDate issued = asOf.minusDays(365 + random.nextInt(365 * 7));
				if (issued.isBefore(earliest)) {
					issued = earliest.isAfter(asOf) ? asOf : earliest;
				}
				LocalDate before = issued.minusYears(4 + random.nextInt(3));
				if (grade < 4 && random.nextDouble() < 0.1 && before.isAfter(earliest)) {
					certificates.row(context.ids().nextId(), member.id(), household.id(), kind, grade + 1, before,
							issued, FEDERATION);
				}
				certificates.row(context.ids().nextId(), member.id(), household.id(), kind, grade, issued, null,
						FEDERATION);
				if (grade <= 2 && random.nextDouble() < 0.25) {
					services.row(context.ids().nextId(), member.id(), household.id(), "HOME_ADAPTATION", "卫生间扶手与坡道改造",
							asOf.minusDays(random.nextInt(700)), BigDecimal.valueOf(3000 + 100L * random.nextInt(50)),
							FEDERATION);
				}
				if (random.nextDouble() < 0.33) {
					services.row(context.ids().nextId(), member.id(), household.id(), "ASSISTIVE_DEVICE",
							DEVICES[random.nextInt(DEVICES.length)], asOf.minusDays(random.nextInt(700)),
							BigDecimal.valueOf(300 + 50L * random.nextInt(54)), FEDERATION);
				}
				if (member.age() < DisabilityServiceKind.CHILD_AGE_LIMIT && random.nextDouble() < 0.7) {
					LocalDate provided = asOf.minusDays(random.nextInt(300));
					if (provided.isAfter(member.birthDate())) {
						services.row(context.ids().nextId(), member.id(), household.id(), "CHILD_REHABILITATION",
								"残疾儿童康复训练", provided, BigDecimal.valueOf(10000 + 500L * random.nextInt(21)),
								FEDERATION);
					}
				}
			}
		}
	}

}
