package cn.county.platform.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The shared field checks: each accepts its edge values and refuses the next ones, naming
 * the field and why.
 */
@Tag("fast")
class ViolationsTests {

	private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);

	private static final String FIELD = "input.x";

	@Test
	void requiredRefusesOnlyWhatIsLeftOut() {
		accepted((v) -> v.required("", FIELD));
		accepted((v) -> v.required(0, FIELD));
		refused((v) -> v.required(null, FIELD), "is required");
	}

	@Test
	void textTakesUpToMaxCharactersOnceStrippedAndRefusesBlanks() {
		accepted((v) -> v.text("abc", FIELD, 3));
		accepted((v) -> v.text("  abc  ", FIELD, 3));
		refused((v) -> v.text("abcd", FIELD, 3), "must be at most 3 characters");
		refused((v) -> v.text(null, FIELD, 3), "must not be blank");
		refused((v) -> v.text("", FIELD, 3), "must not be blank");
		refused((v) -> v.text(" \t", FIELD, 3), "must not be blank");
	}

	@Test
	void optionalTextMayBeLeftOutButNotBlanked() {
		accepted((v) -> v.optionalText(null, FIELD, 3));
		accepted((v) -> v.optionalText("abc", FIELD, 3));
		refused((v) -> v.optionalText("abcd", FIELD, 3), "must be at most 3 characters");
		refused((v) -> v.optionalText(" ", FIELD, 3), "must not be blank");
		// a free text that may be blank: blankToNull first
		accepted((v) -> v.optionalText(Violations.blankToNull(" "), FIELD, 3));
	}

	@Test
	void yuanTakesTwoDecimalsUpToTheLimit() {
		BigDecimal max = new BigDecimal("100.00");
		accepted((v) -> v.yuan(null, FIELD, true, max));
		accepted((v) -> v.yuan(new BigDecimal("0.01"), FIELD, true, max));
		accepted((v) -> v.yuan(new BigDecimal("100.00"), FIELD, true, max));
		// trailing zeros are not decimals
		accepted((v) -> v.yuan(new BigDecimal("1.500"), FIELD, true, max));
		refused((v) -> v.yuan(new BigDecimal("100.01"), FIELD, true, max), "must be yuan with at most 2 decimals");
		refused((v) -> v.yuan(new BigDecimal("1.005"), FIELD, true, max), "must be yuan with at most 2 decimals");
		refused((v) -> v.yuan(BigDecimal.ZERO, FIELD, true, max), "must be more than 0");
		accepted((v) -> v.yuan(BigDecimal.ZERO, FIELD, false, max));
		refused((v) -> v.yuan(new BigDecimal("-0.01"), FIELD, false, max), "must not be negative");
		refused((v) -> v.yuan(new BigDecimal("-0.01"), FIELD, true, max), "must be more than 0");
	}

	@Test
	void yuanUpToMaxYuanFitsADecimal12By2Column() {
		accepted((v) -> v.yuan(new BigDecimal("9999999999.99"), FIELD, false, Violations.MAX_YUAN));
		refused((v) -> v.yuan(new BigDecimal("10000000000"), FIELD, false, Violations.MAX_YUAN),
				"must be yuan with at most 2 decimals");
	}

	@Test
	void decimalCountsItsOwnPlacesAndGivesItsOwnReason() {
		BigDecimal max = new BigDecimal("9.999");
		accepted((v) -> v.decimal(new BigDecimal("9.999"), FIELD, true, 3, max, "too precise"));
		refused((v) -> v.decimal(new BigDecimal("1.0005"), FIELD, true, 3, max, "too precise"), "too precise");
		refused((v) -> v.decimal(new BigDecimal("10"), FIELD, true, 3, max, "too precise"), "too precise");
		refused((v) -> v.decimal(new BigDecimal("0.000"), FIELD, true, 3, max, "too precise"), "must be more than 0");
	}

	@Test
	void betweenIncludesBothEnds() {
		accepted((v) -> v.between(null, FIELD, 1, 4));
		accepted((v) -> v.between(1, FIELD, 1, 4));
		accepted((v) -> v.between(4, FIELD, 1, 4));
		refused((v) -> v.between(0, FIELD, 1, 4), "must be between 1 and 4");
		refused((v) -> v.between(5, FIELD, 1, 4), "must be between 1 and 4");
	}

	@Test
	void notFutureTakesTodayAndRefusesTomorrow() {
		accepted((v) -> v.notFuture(null, FIELD, TODAY));
		accepted((v) -> v.notFuture(TODAY, FIELD, TODAY));
		refused((v) -> v.notFuture(TODAY.plusDays(1), FIELD, TODAY), "must not be in the future");
	}

	@Test
	void notBeforeTakesTheSameDayAndNamesTheEarlierDateInTheCallersWords() {
		LocalDate start = TODAY;
		accepted((v) -> v.notBefore(start, start, FIELD, "the start date"));
		accepted((v) -> v.notBefore(null, start, FIELD, "the start date"));
		accepted((v) -> v.notBefore(start.minusDays(1), null, FIELD, "the start date"));
		refused((v) -> v.notBefore(start.minusDays(1), start, FIELD, "the start date (" + start + ")"),
				"must not be before the start date (2024-06-15)");
	}

	@Test
	void anUpdatedPeriodMayEndOnItsStartAndNamesTheDateThatMoved() {
		assertThat(new Violations().updatedPeriod(TODAY, TODAY, true).isEmpty()).isTrue();
		assertThat(new Violations().updatedPeriod(TODAY, null, true).isEmpty()).isTrue();
		String reason = "the end date 2024-06-14 would be before the start date 2024-06-15";
		assertThat(refusals(new Violations().updatedPeriod(TODAY, TODAY.minusDays(1), true)))
			.containsExactly(new Violation("input.endDate", reason, ErrorClassification.BAD_REQUEST));
		assertThat(refusals(new Violations().updatedPeriod(TODAY, TODAY.minusDays(1), false)))
			.containsExactly(new Violation("input.startDate", reason, ErrorClassification.BAD_REQUEST));
	}

	@Test
	void checksCollectEveryViolationBeforeThrowing() {
		Violations violations = new Violations().required(null, "input.a")
			.text("", "input.b", 10)
			.notFuture(TODAY.plusDays(1), "input.c", TODAY);
		assertThat(violations.has("input.b")).isTrue();
		assertThat(refusals(violations)).extracting(Violation::field).containsExactly("input.a", "input.b", "input.c");
	}

	@Test
	void requireAnswersAGivenValueAndRefusesAMissingOneAtOnce() {
		assertThat(Violations.require(7L, "input.id")).isEqualTo(7L);
		DomainException refusal = catchThrowableOfType(DomainException.class,
				() -> Violations.require(null, "input.id"));
		assertThat(refusal.violations())
			.containsExactly(new Violation("input.id", "is required", ErrorClassification.BAD_REQUEST));
	}

	@Test
	void aStaleVersionIsAConflictOnInputVersionAndNoVersionIsNotChecked() {
		assertThatNoException().isThrownBy(() -> Violations.notStale(3, 3, "household"));
		assertThatNoException().isThrownBy(() -> Violations.notStale(null, 3, "household"));
		DomainException refusal = catchThrowableOfType(DomainException.class,
				() -> Violations.notStale(2, 3, "household"));
		assertThat(refusal.violations()).containsExactly(new Violation("input.version",
				"is stale: the household is at version 3, read it again", ErrorClassification.CONFLICT));
	}

	@Test
	void blankToNullAndStripNormaliseTexts() {
		assertThat(Violations.blankToNull(null)).isNull();
		assertThat(Violations.blankToNull("  ")).isNull();
		assertThat(Violations.blankToNull(" a ")).isEqualTo("a");
		assertThat(Violations.strip(null)).isNull();
		assertThat(Violations.strip("  ")).isEmpty();
		assertThat(Violations.strip(" a ")).isEqualTo("a");
	}

	private static void accepted(Consumer<Violations> check) {
		Violations violations = new Violations();
		check.accept(violations);
		assertThat(violations.isEmpty()).isTrue();
	}

	private static void refused(Consumer<Violations> check, String reason) {
		Violations violations = new Violations();
		check.accept(violations);
		assertThat(refusals(violations))
			.isEqualTo(List.of(new Violation(FIELD, reason, ErrorClassification.BAD_REQUEST)));
	}

	private static List<Violation> refusals(Violations violations) {
		DomainException refusal = catchThrowableOfType(DomainException.class, violations::throwIfAny);
		assertThat(refusal).as("a refusal").isNotNull();
		return refusal.violations();
	}

}
