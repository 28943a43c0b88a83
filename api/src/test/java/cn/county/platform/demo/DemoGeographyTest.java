package cn.county.platform.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.county.platform.common.ResidentIdNumber;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@Tag("fast")
class DemoGeographyTest {

	@Test
	void demoSizeIsTwelveTownsOfAboutThirtyVillages() {
		DemoGeography geography = DemoGeography.plan(20_000, DemoDataGenerator.DEFAULT_SEED);
		assertThat(geography.towns()).extracting(DemoTown::code)
			.containsExactly("411024100", "411024101", "411024102", "411024103", "411024104", "411024105", "411024106",
					"411024107", "411024108", "411024109", "411024110", "411024111");
		assertThat(geography.towns()).extracting(DemoTown::name).containsExactly(DemoNames.DEMO_TOWNS);
		assertThat(geography.towns()).allSatisfy((town) -> assertThat(town.villages()).hasSizeBetween(28, 32));
		assertThat(geography.villages()).hasSizeBetween(350, 380);
		assertThat(geography.villages().get(0).code()).isEqualTo("411024100201");
		assertThat(geography.villages()).allSatisfy((village) -> {
			assertThat(village.code()).startsWith(village.townCode()).hasSize(12);
			assertThat(village.name()).endsWith("村");
			assertThat(village.households()).isBetween(35, 75);
			assertThat(village.cadres()).hasSizeBetween(3, 5);
		});
		assertThat(geography.villages().stream().mapToInt(DemoVillage::households).sum()).isEqualTo(20_000);
	}

	@Test
	void provinceScaleAddsTownsAndKeepsTheFirstCodes() {
		DemoGeography geography = DemoGeography.plan(1_000_000, 1);
		assertThat(geography.villages()).hasSizeBetween(17_500, 18_500);
		assertThat(geography.towns()).hasSizeBetween(580, 640);
		assertThat(geography.towns().get(0).code()).isEqualTo("411024100");
		assertThat(geography.villages().get(0).code()).isEqualTo("411024100201");
		assertThat(geography.towns().get(12).code()).isEqualTo("411024112");
		Set<String> townNames = new HashSet<>();
		geography.towns().forEach((town) -> assertThat(townNames.add(town.name())).as(town.name()).isTrue());
		assertThat(townNames).allSatisfy((name) -> assertThat(name).endsWith("镇").hasSize(3));
		assertThat(geography.villages().stream().mapToInt(DemoVillage::households).sum()).isEqualTo(1_000_000);
	}

	@Test
	void tinyRunsStillHaveTheFirstTownAndVillage() {
		DemoGeography geography = DemoGeography.plan(1, 7);
		assertThat(geography.towns()).singleElement().extracting(DemoTown::code).isEqualTo("411024100");
		assertThat(geography.villages()).singleElement().satisfies((village) -> {
			assertThat(village.code()).isEqualTo("411024100201");
			assertThat(village.households()).isEqualTo(1);
		});
	}

	@Test
	void namesDependOnTheCodeNotOnSeedOrSize() {
		Map<String, DemoVillage> large = new HashMap<>();
		DemoGeography.plan(200_000, 2).villages().forEach((village) -> large.put(village.code(), village));
		List<DemoVillage> small = DemoGeography.plan(2_000, 1).villages();
		// the small run's one town has more villages than a town of the large run; 30 or
		// so are shared
		assertThat(small.stream().filter((village) -> large.containsKey(village.code()))).hasSizeGreaterThan(25);
		for (DemoVillage village : small) {
			DemoVillage same = large.get(village.code());
			if (same != null) {
				assertThat(same.name()).as(village.code()).isEqualTo(village.name());
				assertThat(same.cadres()).as(village.code()).isEqualTo(village.cadres());
			}
		}
		assertThat(DemoGeography.plan(200_000, 2).towns().get(5).name())
			.isEqualTo(DemoGeography.plan(20_000, 9).towns().get(5).name());
	}

	@Test
	void chunksAreWholeVillages() {
		DemoGeography geography = DemoGeography.plan(20_000, 3);
		List<List<DemoVillage>> chunks = geography.chunks(1_000);
		assertThat(chunks.stream().mapToInt(List::size).sum()).isEqualTo(geography.villages().size());
		assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(
				(chunk) -> assertThat(chunk.stream().mapToInt(DemoVillage::households).sum()).isBetween(1_000, 1_100));
	}

	@Test
	void refusesMoreHouseholdsThanTheDivisionCodesHold() {
		assertThatIllegalArgumentException().isThrownBy(() -> DemoGeography.plan(50_000_000, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> DemoGeography.plan(0, 1));
	}

	@Test
	void idNumbersAreThoseOfResidentIdNumber() {
		for (LocalDate day = LocalDate.of(1925, 1, 1); day.isBefore(LocalDate.of(2024, 1, 1)); day = day.plusDays(97)) {
			for (int sequence = 1; sequence < 999; sequence += 37) {
				assertThat(HouseholdFactory.IdNumberPool.idNumber(day, sequence))
					.isEqualTo(ResidentIdNumber.of(DemoGeography.COUNTY_CODE, day, sequence));
			}
		}
	}

}
