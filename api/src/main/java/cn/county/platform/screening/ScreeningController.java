package cn.county.platform.screening;

import java.text.DecimalFormat;
import java.time.Period;
import java.util.List;
import java.util.Map;

import cn.county.platform.common.Connection;
import cn.county.platform.household.HouseholdLoaders;
import cn.county.platform.plan.Plan;
import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class ScreeningController implements RuntimeWiringConfigurer {

	private final ScreeningService screening;

	private final Plan plan;

	ScreeningController(ScreeningService screening, Plan plan) {
		this.screening = screening;
		this.plan = plan;
	}

	/**
	 * Screening rows and findings name their household; the rows were read within the
	 * caller's scope.
	 */
	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		HouseholdLoaders.householdFields(wiring, "ScreeningEntry", "DataQualityFinding");
	}

	@QueryMapping
	Connection<ScreeningEntry> screeningList(@Argument Integer year, @Argument ScreeningReason reason,
			@Argument String town, @Argument String village, @Argument Long householdId, @Argument Integer first,
			@Argument String after, @AuthenticationPrincipal Caller caller) {
		return Connection.of(this.screening.screening(caller, year, reason, town, village, householdId, first, after));
	}

	@QueryMapping
	Connection<Finding> dataQualityFindings(@Argument DataQualityRule rule, @Argument String town,
			@Argument String village, @Argument Long householdId, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		return Connection.of(this.screening.findings(caller, rule, town, village, householdId, first, after));
	}

	@QueryMapping
	ScreeningService.Counts dataQualityCounts(@Argument String town, @Argument String village,
			@AuthenticationPrincipal Caller caller) {
		return this.screening.counts(caller, town, village);
	}

	@SchemaMapping(typeName = "DataQualityCounts")
	List<Map<String, Object>> byRule(ScreeningService.Counts counts) {
		return counts.byRule()
			.entrySet()
			.stream()
			.map((entry) -> Map.<String, Object>of("rule", entry.getKey(), "count", entry.getValue()))
			.toList();
	}

	@SchemaMapping(typeName = "ScreeningEntry")
	Town town(ScreeningEntry entry) {
		return new Town(entry.townCode(), entry.townName());
	}

	@SchemaMapping(typeName = "ScreeningEntry")
	Village village(ScreeningEntry entry) {
		return new Village(entry.villageCode(), entry.townCode(), entry.villageName());
	}

	@SchemaMapping(typeName = "DataQualityFinding", field = "town")
	Town findingTown(Finding finding) {
		return new Town(finding.townCode(), finding.townName());
	}

	@SchemaMapping(typeName = "DataQualityFinding", field = "village")
	Village findingVillage(Finding finding) {
		return new Village(finding.villageCode(), finding.townCode(), finding.villageName());
	}

	@SchemaMapping(typeName = "DataQualityFinding")
	Long assistanceEnrolmentId(Finding finding) {
		return (finding.rule() == DataQualityRule.MINIMUM_ALLOWANCE_INCOME_FAR_ABOVE_LINE) ? finding.recordId() : null;
	}

	@SchemaMapping(typeName = "DataQualityFinding")
	Long housingInspectionId(Finding finding) {
		return (finding.rule() == DataQualityRule.D_HOUSE_WITHOUT_RENOVATION) ? finding.recordId() : null;
	}

	@SchemaMapping(typeName = "DataQualityFinding")
	String detail(Finding finding) {
		return switch (finding.rule()) {
			case INVALID_ID_CHECK_DIGIT ->
				"the ID number is not 17 digits and a check character, or its check " + "character is wrong (GB 11643)";
			case BIRTH_DATE_MISMATCH ->
				"the recorded birth date " + finding.memberBirthDate() + " differs from the date in the ID number";
			case DUPLICATE_ID_ACROSS_HOUSEHOLDS -> "the same ID number is registered in another household";
			case SCHOOL_AGE_NOT_IN_SCHOOL ->
				"aged " + Period.between(finding.memberBirthDate(), this.plan.today()).getYears()
						+ ", of compulsory school age, recorded as " + finding.schooling();
			case ABLE_AND_WILLING_WITHOUT_JOB ->
				"labour capacity " + finding.labourCapacity() + ", willing to work, and no job recorded";
			case LOAN_PAST_MATURITY_ACTIVE ->
				"the loan matured on " + finding.maturityDate() + " and is still recorded ACTIVE";
			case RISK_ELIMINATED_UNDER_LINE ->
				"risk eliminated on " + finding.riskEliminatedOn() + " with an income of "
						+ new DecimalFormat("#,##0.00").format(finding.incomePerCapita()) + " yuan for "
						+ finding.incomeYear() + ", under that year's monitoring line of " + new DecimalFormat("#,##0")
							.format(this.plan.year(finding.incomeYear(), "incomeYear").targets().monitoringLine());
			case DROPPED_OUT_WITHOUT_RETURN -> "recorded in school, then dropped out on " + finding.droppedOutOn()
					+ " (schooling record " + finding.schoolingRecordId() + "), and no return recorded since";
			case MINIMUM_ALLOWANCE_INCOME_FAR_ABOVE_LINE -> "on the minimum allowance since " + finding.recordedOn()
					+ " with an income of " + new DecimalFormat("#,##0.00").format(finding.incomePerCapita())
					+ " yuan for " + finding.incomeYear() + ", far above that year's monitoring line of "
					+ new DecimalFormat("#,##0")
						.format(this.plan.year(finding.incomeYear(), "incomeYear").targets().monitoringLine());
			case D_HOUSE_WITHOUT_RENOVATION -> "the house was graded D on " + finding.recordedOn()
					+ " and no renovation project is open or completed since";
		};
	}

}
