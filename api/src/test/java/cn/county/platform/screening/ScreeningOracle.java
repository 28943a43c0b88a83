package cn.county.platform.screening;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.county.platform.common.ResidentIdNumber;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The screening list and the data-quality rules worked out again in Java from plain
 * SELECTs of whole tables, with none of ScreeningMapper's SQL: the check digit through
 * {@link ResidentIdNumber}, ages through {@link LocalDate}. Each finding is written as
 * {@code RULE/householdCode/recordId}, each list row as {@code REASON/householdId}.
 */
final class ScreeningOracle {

	private ScreeningOracle() {
	}

	/**
	 * Findings of every rule in the area (null town and village: the county), in list
	 * order.
	 */
	static List<String> findings(JdbcTemplate jdbc, String town, String village, LocalDate today, int schoolAgeFrom,
			int schoolAgeTo, BigDecimal line2023) {
		Map<Long, Map<String, Object>> households = new HashMap<>();
		for (Map<String, Object> h : jdbc.queryForList("SELECT id, code, town_code, village_code, risk_status,"
				+ " income_per_capita, income_year FROM household")) {
			households.put(((Number) h.get("id")).longValue(), h);
		}
		List<Map<String, Object>> members = jdbc
			.queryForList("SELECT id, household_id, id_number, birth_date, schooling, labour_capacity,"
					+ " willing_to_work FROM member");
		Map<String, Set<Long>> householdsById = new HashMap<>();
		for (Map<String, Object> m : members) {
			householdsById.computeIfAbsent(m.get("id_number").toString().toUpperCase(), (k) -> new HashSet<>())
				.add(((Number) m.get("household_id")).longValue());
		}
		Set<Long> withJob = new HashSet<>(jdbc.queryForList("SELECT member_id FROM job", Long.class));
		List<Object[]> found = new ArrayList<>();
		for (Map<String, Object> m : members) {
			Map<String, Object> h = households.get(((Number) m.get("household_id")).longValue());
			if (!inArea(h, town, village)) {
				continue;
			}
			long id = ((Number) m.get("id")).longValue();
			String number = m.get("id_number").toString();
			LocalDate birth = ((Date) m.get("birth_date")).toLocalDate();
			boolean wellFormed = number.matches("[0-9]{17}[0-9Xx]");
			if (!wellFormed || ResidentIdNumber.checkCharacter(number.substring(0, 17)) != Character
				.toUpperCase(number.charAt(17))) {
				found.add(finding(DataQualityRule.INVALID_ID_CHECK_DIGIT, h, id));
			}
			if (wellFormed && !ResidentIdNumber.birthDate(number).map(birth::equals).orElse(false)) {
				found.add(finding(DataQualityRule.BIRTH_DATE_MISMATCH, h, id));
			}
			if (householdsById.get(number.toUpperCase()).size() > 1) {
				found.add(finding(DataQualityRule.DUPLICATE_ID_ACROSS_HOUSEHOLDS, h, id));
			}
			int age = java.time.Period.between(birth, today).getYears();
			if (age >= schoolAgeFrom && age <= schoolAgeTo
					&& !List.of("COMPULSORY", "HIGH_SCHOOL", "VOCATIONAL", "COLLEGE")
						.contains(m.get("schooling").toString())) {
				found.add(finding(DataQualityRule.SCHOOL_AGE_NOT_IN_SCHOOL, h, id));
			}
			if (List.of("FULL", "WEAK").contains(m.get("labour_capacity").toString())
					&& Boolean.TRUE.equals(asBoolean(m.get("willing_to_work"))) && !withJob.contains(id)) {
				found.add(finding(DataQualityRule.ABLE_AND_WILLING_WITHOUT_JOB, h, id));
			}
		}
		for (Map<String, Object> l : jdbc.queryForList("SELECT id, household_id, status, maturity_date FROM loan")) {
			Map<String, Object> h = households.get(((Number) l.get("household_id")).longValue());
			if (inArea(h, town, village) && "ACTIVE".equals(l.get("status"))
					&& ((Date) l.get("maturity_date")).toLocalDate().isBefore(today)) {
				found.add(finding(DataQualityRule.LOAN_PAST_MATURITY_ACTIVE, h, ((Number) l.get("id")).longValue()));
			}
		}
		for (Map<String, Object> h : households.values()) {
			// the test configuration has one plan year, 2023, whose line applies from
			// 2023 on
			if (inArea(h, town, village) && "ELIMINATED".equals(h.get("risk_status"))
					&& ((Number) h.get("income_year")).intValue() >= 2023
					&& ((BigDecimal) h.get("income_per_capita")).compareTo(line2023) < 0) {
				found.add(finding(DataQualityRule.RISK_ELIMINATED_UNDER_LINE, h, ((Number) h.get("id")).longValue()));
			}
		}
		// a member's newest schooling record a drop-out, after a record in school
		Map<Long, List<Map<String, Object>>> histories = new HashMap<>();
		for (Map<String, Object> r : jdbc
			.queryForList("SELECT id, member_id, household_id, status, effective_on FROM schooling_record")) {
			histories.computeIfAbsent(((Number) r.get("member_id")).longValue(), (k) -> new ArrayList<>()).add(r);
		}
		for (List<Map<String, Object>> history : histories.values()) {
			history.sort(Comparator
				.<Map<String, Object>, LocalDate>comparing((r) -> ((Date) r.get("effective_on")).toLocalDate())
				.thenComparing((r) -> ((Number) r.get("id")).longValue()));
			Map<String, Object> newest = history.get(history.size() - 1);
			Map<String, Object> h = households.get(((Number) newest.get("household_id")).longValue());
			if (inArea(h, town, village) && "DROPPED_OUT".equals(newest.get("status"))
					&& history.stream().anyMatch((r) -> !"DROPPED_OUT".equals(r.get("status")))) {
				found.add(finding(DataQualityRule.DROPPED_OUT_WITHOUT_RETURN, h,
						((Number) newest.get("id")).longValue()));
			}
		}
		// a running minimum allowance with an income above twice the line (the test
		// configuration's factor, the default); a latest inspection graded D more than 90
		// days ago, with no renovation open or completed since
		for (Map<String, Object> e : jdbc.queryForList("SELECT id, household_id, kind, start_date, end_date"
				+ " FROM assistance_enrolment WHERE kind = 'MINIMUM_ALLOWANCE'")) {
			Map<String, Object> h = households.get(((Number) e.get("household_id")).longValue());
			Date end = (Date) e.get("end_date");
			if (inArea(h, town, village) && !((Date) e.get("start_date")).toLocalDate().isAfter(today)
					&& (end == null || !end.toLocalDate().isBefore(today))
					&& ((Number) h.get("income_year")).intValue() >= 2023 && ((BigDecimal) h.get("income_per_capita"))
						.compareTo(line2023.multiply(BigDecimal.valueOf(2))) > 0) {
				found.add(finding(DataQualityRule.MINIMUM_ALLOWANCE_INCOME_FAR_ABOVE_LINE, h,
						((Number) e.get("id")).longValue()));
			}
		}
		Map<Long, Map<String, Object>> latest = new HashMap<>();
		for (Map<String, Object> i : jdbc
			.queryForList("SELECT id, household_id, inspected_on, created_at, grade FROM housing_inspection")) {
			latest.merge(((Number) i.get("household_id")).longValue(), i,
					(a, b) -> (Comparator
						.<Map<String, Object>, LocalDate>comparing((x) -> ((Date) x.get("inspected_on")).toLocalDate())
						.thenComparing((x) -> String.valueOf(x.get("created_at")))
						.thenComparing((x) -> ((Number) x.get("id")).longValue())
						.compare(a, b) >= 0) ? a : b);
		}
		List<Map<String, Object>> projects = jdbc
			.queryForList("SELECT household_id, status, completed_on FROM renovation_project");
		latest.forEach((householdId, i) -> {
			Map<String, Object> h = households.get(householdId);
			LocalDate inspected = ((Date) i.get("inspected_on")).toLocalDate();
			boolean dealtWith = projects.stream()
				.anyMatch((p) -> ((Number) p.get("household_id")).longValue() == householdId
						&& (List.of("PLANNED", "APPROVED", "UNDER_CONSTRUCTION").contains(p.get("status"))
								|| ("COMPLETED".equals(p.get("status"))
										&& !((Date) p.get("completed_on")).toLocalDate().isBefore(inspected))));
			if (inArea(h, town, village) && "D".equals(i.get("grade")) && inspected.isBefore(today.minusDays(90))
					&& !dealtWith) {
				found.add(finding(DataQualityRule.D_HOUSE_WITHOUT_RENOVATION, h, ((Number) i.get("id")).longValue()));
			}
		});
		found.sort(Comparator.<Object[], String>comparing((f) -> (String) f[1])
			.thenComparing((f) -> ((DataQualityRule) f[0]).ordinal())
			.thenComparing((f) -> (Long) f[2]));
		return found.stream().map((f) -> f[0] + "/" + f[1] + "/" + f[2]).toList();
	}

	/** The screening list of 2023 in the area, in list order. */
	static List<String> screening(JdbcTemplate jdbc, String town, String village, BigDecimal line) {
		List<Object[]> under = new ArrayList<>();
		List<Object[]> warned = new ArrayList<>();
		for (Map<String, Object> h : jdbc.queryForList("SELECT id, town_code, village_code, category,"
				+ " income_per_capita, income_year, warning_received_on, screened_on FROM household")) {
			if (!inArea(h, town, village)) {
				continue;
			}
			long id = ((Number) h.get("id")).longValue();
			BigDecimal income = (BigDecimal) h.get("income_per_capita");
			if (!"MONITORED".equals(h.get("category")) && ((Number) h.get("income_year")).intValue() == 2023
					&& income.compareTo(line) < 0) {
				under.add(new Object[] { income, id });
			}
			Date warning = (Date) h.get("warning_received_on");
			Date screened = (Date) h.get("screened_on");
			if (warning != null && (screened == null || screened.toLocalDate().isBefore(warning.toLocalDate()))) {
				warned.add(new Object[] { warning.toLocalDate(), id });
			}
		}
		under.sort(
				Comparator.<Object[], BigDecimal>comparing((r) -> (BigDecimal) r[0]).thenComparing((r) -> (Long) r[1]));
		warned
			.sort(Comparator.<Object[], LocalDate>comparing((r) -> (LocalDate) r[0]).thenComparing((r) -> (Long) r[1]));
		List<String> rows = new ArrayList<>();
		under.forEach((r) -> rows.add("UNDER_LINE_NOT_MONITORED/" + r[1]));
		warned.forEach((r) -> rows.add("WARNING_NOT_SCREENED/" + r[1]));
		return rows;
	}

	private static Object[] finding(DataQualityRule rule, Map<String, Object> household, long record) {
		return new Object[] { rule, household.get("code").toString(), record };
	}

	private static boolean inArea(Map<String, Object> household, String town, String village) {
		return (town == null || town.equals(household.get("town_code")))
				&& (village == null || village.equals(household.get("village_code")));
	}

	private static Boolean asBoolean(Object value) {
		return (value instanceof Number n) ? n.intValue() != 0 : (Boolean) value;
	}

}
