package cn.county.platform.assistance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface AssistanceMapper {

	/** The enrolments of many households in one statement, the latest start first. */
	List<AssistanceEnrolment> selectByHouseholdIds(@Param("householdIds") Collection<Long> householdIds);

	AssistanceEnrolment selectById(@Param("id") long id);

	/**
	 * Locks the enrolment; null when absent or its household is outside {@code scope}.
	 */
	AssistanceEnrolment lock(@Param("id") long id, @Param("scope") Scope scope);

	/** Enrolments of the kind whose period meets [start, end or open]. */
	long countOverlapping(@Param("householdId") long householdId, @Param("kind") AssistanceKind kind,
			@Param("start") LocalDate start, @Param("end") LocalDate end);

	List<AssistancePayment> selectPayments(@Param("enrolmentIds") Collection<Long> enrolmentIds);

	void insert(@Param("e") AssistanceEnrolment enrolment);

	void end(@Param("id") long id, @Param("endDate") LocalDate endDate);

	void touch(@Param("id") long id);

	void insertPayments(@Param("e") AssistanceEnrolment enrolment, @Param("months") Collection<String> months,
			@Param("amount") java.math.BigDecimal amount, @Param("paidBy") String paidBy);

	/** Payment months after {@code month} ({@code YYYY-MM}). */
	long countPaymentsAfter(@Param("id") long id, @Param("month") String month);

	/**
	 * The household's minimum-allowance and extreme-poverty flags from its enrolments
	 * running on {@code today}; the household's version moves on.
	 */
	void deriveHouseholdFlags(@Param("householdId") long householdId, @Param("today") LocalDate today);

}
