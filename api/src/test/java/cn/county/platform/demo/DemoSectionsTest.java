package cn.county.platform.demo;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** How the demo finds the features' sections and orders them by what they depend on. */
@Tag("fast")
class DemoSectionsTest {

	@Test
	void findsEveryFeaturesSectionWithoutAList() {
		assertThat(DemoSections.scanned()).extracting(DemoSection::name)
			.containsExactly("assistance", "courtyard", "disability", "education", "funds", "housing", "jobs", "loans",
					"measures", "medical", "sales", "visits", "water");
	}

	@Test
	void eachScanGivesNewSectionsSinceASectionKeepsStateForOneRun() {
		DemoSection first = DemoSections.scanned().get(0);
		DemoSection second = DemoSections.scanned().get(0);
		assertThat(second).isNotSameAs(first).hasSameClassAs(first);
	}

	@Test
	void aSectionRunsAfterTheSectionsItNamesAndTiesGoByName() {
		List<DemoSection> ordered = DemoSections
			.inOrder(List.of(section("c", "b"), section("a", "d"), section("b"), section("d"), section("e", "c", "a")));
		assertThat(ordered).extracting(DemoSection::name).containsExactly("b", "c", "d", "a", "e");
	}

	@Test
	void refusesASectionWaitingForOneThatDoesNotExist() {
		assertThatIllegalStateException().isThrownBy(() -> DemoSections.inOrder(List.of(section("a", "missing"))))
			.withMessageContaining("a runs after sections that do not exist: [missing]");
	}

	@Test
	void refusesSectionsThatWaitForEachOther() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DemoSections.inOrder(List.of(section("a", "b"), section("b", "a"), section("c"))))
			.withMessageContaining("cycle: [a, b]");
	}

	@Test
	void refusesTwoSectionsOfOneName() {
		assertThatIllegalStateException().isThrownBy(() -> DemoSections.inOrder(List.of(section("a"), section("a"))))
			.withMessageContaining("Two demo sections are named a");
	}

	private static DemoSection section(String name, String... after) {
		return new DemoSection() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Set<String> after() {
				return Set.of(after);
			}

			@Override
			public void accept(DemoChunk chunk, DemoContext context) {
			}

		};
	}

}
