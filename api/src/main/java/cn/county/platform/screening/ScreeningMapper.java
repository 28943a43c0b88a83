package cn.county.platform.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.county.platform.household.HouseholdCategory;
import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The screening list and the data-quality findings. Every statement carries the caller's
 * scope and the area asked for; the list statements read one keyset page each, the
 * findings statements one bounded range of households.
 */
@Mapper
public interface ScreeningMapper {

	/**
	 * Households of {@code categories} whose income for {@code year} is under
	 * {@code line}, poorest first, after ({@code afterIncome}, {@code afterId}).
	 */
	List<ScreeningEntry> selectUnderLine(@Param("scope") Scope scope, @Param("where") Where where,
			@Param("categories") Collection<HouseholdCategory> categories, @Param("year") int year,
			@Param("line") BigDecimal line, @Param("afterIncome") BigDecimal afterIncome,
			@Param("afterId") Long afterId, @Param("limit") int limit);

	/**
	 * Households with warning data not screened since, oldest warning first, after
	 * ({@code afterOn}, {@code afterId}).
	 */
	List<ScreeningEntry> selectWarnings(@Param("scope") Scope scope, @Param("where") Where where,
			@Param("afterOn") LocalDate afterOn, @Param("afterId") Long afterId, @Param("limit") int limit);

	/**
	 * The first and last codes of the next {@code chunk} households after
	 * {@code afterCode} (from the start when null); both null when none follow.
	 */
	Chunk selectChunk(@Param("scope") Scope scope, @Param("where") Where where, @Param("afterCode") String afterCode,
			@Param("chunk") int chunk);

	/**
	 * The findings of {@code rules} for households with codes from {@code fromCode} to
	 * {@code toCode}, after the position ({@code fromCode}, {@code afterRule},
	 * {@code afterRecord}), in list order.
	 */
	List<Finding> selectFindings(@Param("scope") Scope scope, @Param("where") Where where,
			@Param("rules") Collection<DataQualityRule> rules, @Param("check") Check check,
			@Param("fromCode") String fromCode, @Param("afterRule") int afterRule,
			@Param("afterRecord") long afterRecord, @Param("toCode") String toCode, @Param("limit") int limit);

	/** Findings per member rule in the area, as rule name → count. */
	Map<String, Object> countMemberRules(@Param("scope") Scope scope, @Param("where") Where where,
			@Param("check") Check check);

	long countDuplicateRule(@Param("scope") Scope scope, @Param("where") Where where, @Param("check") Check check);

	long countLoanRule(@Param("scope") Scope scope, @Param("where") Where where, @Param("check") Check check);

	long countSchoolingRule(@Param("scope") Scope scope, @Param("where") Where where, @Param("check") Check check);

	long countRiskRule(@Param("scope") Scope scope, @Param("where") Where where, @Param("check") Check check);

	long countAllowanceRule(@Param("scope") Scope scope, @Param("where") Where where, @Param("check") Check check);

	long countRenovationRule(@Param("scope") Scope scope, @Param("where") Where where, @Param("check") Check check);

	/**
	 * The area a statement covers within the caller's scope.
	 *
	 * @param townCode only this town, when set
	 * @param villageCode only this village, when set
	 * @param householdId only this household, when set
	 */
	record Where(String townCode, String villageCode, Long householdId) {

		public boolean county() {
			return this.townCode == null && this.villageCode == null && this.householdId == null;
		}

		/** The index that holds the area's households in code order. */
		public String codeIndex() {
			return (this.villageCode != null) ? "ix_household_village"
					: (this.townCode != null) ? "ix_household_town" : "uk_household_code";
		}

	}

	/**
	 * What the rules are judged against.
	 *
	 * @param today the day loans are overdue on and school age is reached on
	 * @param schoolBornAfter members of school age were born after this day ...
	 * @param schoolBornBy ... and on or before this day
	 * @param lines the monitoring line of each range of income years
	 * @param allowanceLines the same ranges, each line times the allowance factor: an
	 * income above it is "far above the line"
	 * @param renovationDue a D inspection on or after this day is still in its grace
	 * period
	 */
	record Check(LocalDate today, LocalDate schoolBornAfter, LocalDate schoolBornBy, List<Line> lines,
			List<Line> allowanceLines, LocalDate renovationDue) {
	}

	/** A run of households in code order: its first and last codes. */
	record Chunk(String first, String last) {
	}

	/** The monitoring line for incomes of {@code fromYear} to {@code toYear}. */
	record Line(int fromYear, int toYear, BigDecimal line) {
	}

}
