package cn.county.platform.dashboard;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's figures computed a second way: every row of the tables read with plain
 * SELECTs and counted in Java, with the definitions of {@code schema/dashboard.graphqls}.
 * Keys are the paths {@link #flatten} gives the API's answer
 * ({@code households.byCategory.MONITORED}, {@code loans.outstanding.amount}).
 */
final class DashboardOracle {

	private final Map<String, BigDecimal> figures = new HashMap<>();

	private DashboardOracle() {
	}

	/**
	 * @param town only this town, or null for the county
	 * @param from the period's first day
	 * @param to the period's last day
	 * @param asOf the day states are judged on
	 */
	static Map<String, BigDecimal> compute(JdbcTemplate jdbc, String town, LocalDate from, LocalDate to,
			LocalDate asOf) {
		DashboardOracle oracle = new DashboardOracle();
		oracle.run(jdbc, town, from, to, asOf);
		return oracle.figures;
	}

	private void count(String path) {
		this.figures.merge(path, BigDecimal.ONE, BigDecimal::add);
	}

	private void count(String path, Object amount) {
		count(path);
		if (amount != null) {
			this.figures.merge(path + ".amount", (BigDecimal) amount, BigDecimal::add);
		}
	}

	private static LocalDate date(Object value) {
		return (value == null) ? null : (value instanceof Date d) ? d.toLocalDate() : (LocalDate) value;
	}

	private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
		return day != null && !day.isBefore(from) && !day.isAfter(to);
	}

	private static boolean held(Map<String, Object> row, String start, String end, LocalDate asOf) {
		LocalDate ends = date(row.get(end));
		return !date(row.get(start)).isAfter(asOf) && (ends == null || !ends.isBefore(asOf));
	}

	private static boolean flag(Object value) {
		return value != null && (value instanceof Boolean b ? b : ((Number) value).intValue() != 0);
	}

	private void run(JdbcTemplate jdbc, String town, LocalDate from, LocalDate to, LocalDate asOf) {
		Predicate<String> inTown = (code) -> town == null || town.equals(code);
		Map<Long, Map<String, Object>> households = new HashMap<>();
		for (Map<String, Object> h : jdbc.queryForList("SELECT * FROM household")) {
			if (inTown.test((String) h.get("town_code"))) {
				households.put(((Number) h.get("id")).longValue(), h);
			}
		}
		Predicate<Object> ours = (id) -> households.containsKey(((Number) id).longValue());

		// households and basic needs
		for (Map<String, Object> h : households.values()) {
			count("households.total");
			count("households.byCategory." + h.get("category"));
			if ("MONITORED".equals(h.get("category")) && h.get("monitoring_type") != null) {
				count("households.byMonitoringType." + h.get("monitoring_type"));
			}
			if ("MONITORED".equals(h.get("category")) && h.get("risk_status") != null) {
				count("households.byRiskStatus." + h.get("risk_status"));
			}
			if (within(date(h.get("identified_on")), from, to)) {
				count("households.newlyIdentified");
			}
			if (within(date(h.get("risk_eliminated_on")), from, to)) {
				count("households.riskEliminated");
			}
			Object grade = h.get("housing_grade");
			if (grade != null) {
				count("basicNeeds.housingByGrade." + grade);
				if ("C".equals(grade) || "D".equals(grade)) {
					count("basicNeeds.housingUnsafe");
				}
			}
			LocalDate inspected = date(h.get("housing_inspected_on"));
			if (inspected == null || inspected.isBefore(asOf.minusMonths(3))) {
				count("basicNeeds.housingInspectionOverdue");
			}
			if (h.get("water_safe") != null && !flag(h.get("water_safe"))) {
				count("basicNeeds.waterUnsafe");
			}
			LocalDate checked = date(h.get("water_checked_on"));
			if (checked == null || checked.isBefore(asOf.minusMonths(1))) {
				count("basicNeeds.waterCheckOverdue");
			}
		}
		// social assistance: the monthly kinds running on asOf, relief granted in the
		// period; payment months of the period
		for (Map<String, Object> e : jdbc.queryForList("SELECT household_id, kind, start_date, end_date,"
				+ " monthly_amount, one_off_amount FROM assistance_enrolment")) {
			if (!ours.test(e.get("household_id"))) {
				continue;
			}
			String kind = (String) e.get("kind");
			if ("TEMPORARY_RELIEF".equals(kind) ? within(date(e.get("start_date")), from, to)
					: held(e, "start_date", "end_date", asOf)) {
				count("basicNeeds.assistanceByKind." + kind,
						(e.get("monthly_amount") != null) ? e.get("monthly_amount") : e.get("one_off_amount"));
			}
		}
		String paidFrom = java.time.YearMonth.from(from).toString();
		String paidTo = java.time.YearMonth.from(to).toString();
		for (Map<String, Object> p : jdbc
			.queryForList("SELECT household_id, kind, month, amount FROM assistance_payment")) {
			String month = (String) p.get("month");
			if (ours.test(p.get("household_id")) && month.compareTo(paidFrom) >= 0 && month.compareTo(paidTo) <= 0) {
				count("basicNeeds.assistancePaidByKind." + p.get("kind"), p.get("amount"));
			}
		}
		for (Map<String, Object> c : jdbc.queryForList("SELECT household_id, cause FROM household_risk_cause")) {
			if (ours.test(c.get("household_id"))) {
				count("households.byRiskCause." + c.get("cause"));
			}
		}

		// members: school age, employment, certification
		Map<Long, List<Map<String, Object>>> jobsByMember = jdbc
			.queryForList("SELECT member_id, household_id, type, welfare_post_level, start_date, end_date FROM job")
			.stream()
			.collect(Collectors.groupingBy((j) -> ((Number) j.get("member_id")).longValue()));
		Map<Long, List<LocalDate>> certificates = jdbc.queryForList("SELECT member_id, issued_on FROM certificate")
			.stream()
			.collect(Collectors.groupingBy((c) -> ((Number) c.get("member_id")).longValue(),
					Collectors.mapping((c) -> date(c.get("issued_on")), Collectors.toList())));
		List<LocalDate> milestones = List.of(LocalDate.of(from.getYear(), 9, 30), LocalDate.of(from.getYear(), 11, 30));
		Set<String> inSchool = Set.of("COMPULSORY", "HIGH_SCHOOL", "VOCATIONAL", "COLLEGE");
		for (Map<String, Object> m : jdbc.queryForList(
				"SELECT id, household_id, birth_date, schooling, labour_capacity, willing_to_work FROM member")) {
			if (!ours.test(m.get("household_id"))) {
				continue;
			}
			long id = ((Number) m.get("id")).longValue();
			int age = Period.between(date(m.get("birth_date")), asOf).getYears();
			if (age >= 6 && age <= 15 && !inSchool.contains(m.get("schooling"))) {
				count("basicNeeds.schoolAgeNotInSchool");
			}
			boolean labour = "FULL".equals(m.get("labour_capacity")) || "WEAK".equals(m.get("labour_capacity"));
			if (labour && flag(m.get("willing_to_work"))) {
				count("employment.ableAndWilling");
				List<Map<String, Object>> held = jobsByMember.getOrDefault(id, List.of())
					.stream()
					.filter((j) -> held(j, "start_date", "end_date", asOf))
					.toList();
				if (!held.isEmpty()) {
					count("employment.employed");
					held.stream()
						.map((j) -> j.get("type"))
						.distinct()
						.forEach((t) -> count("employment.byJobType." + t));
				}
			}
			if (labour) {
				count("certification.labourForce");
				List<LocalDate> issued = certificates.getOrDefault(id, List.of());
				if (issued.stream().anyMatch((d) -> !d.isAfter(asOf))) {
					count("certification.certified");
				}
				for (LocalDate due : milestones) {
					LocalDate by = due.isBefore(asOf) ? due : asOf;
					if (issued.stream().anyMatch((d) -> !d.isAfter(by))) {
						count("certification.milestones." + due);
					}
				}
			}
		}
		for (List<Map<String, Object>> jobs : jobsByMember.values()) {
			for (Map<String, Object> j : jobs) {
				if (ours.test(j.get("household_id")) && "PUBLIC_WELFARE_POST".equals(j.get("type"))
						&& held(j, "start_date", "end_date", asOf)) {
					count("employment.welfarePostsByLevel." + j.get("welfare_post_level"));
				}
			}
		}

		// measures
		Set<Long> withOpenMeasure = new HashSet<>();
		for (Map<String, Object> m : jdbc
			.queryForList("SELECT household_id, category, status, start_date, amount FROM assistance_measure")) {
			long household = ((Number) m.get("household_id")).longValue();
			if ("PLANNED".equals(m.get("status")) || "IN_PROGRESS".equals(m.get("status"))) {
				withOpenMeasure.add(household);
			}
			if (households.containsKey(household) && !date(m.get("start_date")).isAfter(asOf)) {
				count("measures.byCategory." + m.get("category"), m.get("amount"));
				count("measures.byStatus." + m.get("status"), m.get("amount"));
			}
		}
		households.forEach((id, h) -> {
			if ("MONITORED".equals(h.get("category")) && "NOT_ELIMINATED".equals(h.get("risk_status"))
					&& !withOpenMeasure.contains(id)) {
				count("measures.atRiskWithoutOpenMeasure");
			}
		});

		// loans
		Map<Long, Map<String, Object>> loans = new HashMap<>();
		for (Map<String, Object> l : jdbc.queryForList("SELECT * FROM loan")) {
			if (!ours.test(l.get("household_id"))) {
				continue;
			}
			loans.put(((Number) l.get("id")).longValue(), l);
			LocalDate issued = date(l.get("issued_on"));
			if (!issued.isAfter(asOf)) {
				count("loans.loans", l.get("amount_issued"));
			}
			if (within(issued, from, to)) {
				count("loans.issuedInPeriod", l.get("amount_issued"));
			}
			boolean open = ("ACTIVE".equals(l.get("status")) || "EXTENDED".equals(l.get("status")))
					&& ((BigDecimal) l.get("balance")).signum() > 0;
			if (open) {
				count("loans.outstanding", l.get("balance"));
				LocalDate maturity = date(l.get("maturity_date"));
				if (maturity.isBefore(asOf)) {
					count("loans.overdue", l.get("balance"));
				}
				for (int days : new int[] { 30, 60, 90 }) {
					if (within(maturity, asOf, asOf.plusDays(days))) {
						count("loans.maturingWithin." + days, l.get("balance"));
					}
				}
			}
		}
		for (Map<String, Object> e : jdbc.queryForList("SELECT loan_id, kind, occurred_on FROM loan_event")) {
			if (loans.containsKey(((Number) e.get("loan_id")).longValue())
					&& within(date(e.get("occurred_on")), from, to)) {
				if ("RENEWAL".equals(e.get("kind"))) {
					count("loans.renewalsInPeriod");
				}
				else if ("EXTENSION".equals(e.get("kind"))) {
					count("loans.extensionsInPeriod");
				}
			}
		}

		// sales, by the seller's town
		Map<Long, Map<String, Object>> sellers = new HashMap<>();
		for (Map<String, Object> s : jdbc.queryForList("SELECT id, town_code, registered_on FROM seller")) {
			if (inTown.test((String) s.get("town_code"))) {
				sellers.put(((Number) s.get("id")).longValue(), s);
			}
		}
		String fromMonth = YearMonth.from(from).withMonth(1).toString();
		String toMonth = YearMonth.from(to).toString();
		for (Map<String, Object> s : jdbc.queryForList("SELECT seller_id, month, channel, amount FROM sale")) {
			String month = (String) s.get("month");
			if (sellers.containsKey(((Number) s.get("seller_id")).longValue()) && month.compareTo(fromMonth) >= 0
					&& month.compareTo(toMonth) <= 0) {
				count("sales.yearToDate", s.get("amount"));
				count("sales.byMonth." + month, s.get("amount"));
				count("sales.byChannel." + s.get("channel"), s.get("amount"));
				count("sales.byMonthAndChannel." + month + "/" + s.get("channel"), s.get("amount"));
			}
		}
		Set<String> reports = jdbc.queryForList("SELECT seller_id, month FROM sales_report")
			.stream()
			.map((r) -> r.get("seller_id") + "/" + r.get("month"))
			.collect(Collectors.toSet());
		for (YearMonth month = YearMonth.of(from.getYear(), 1); month.getYear() == from.getYear()
				&& !month.atEndOfMonth().isAfter(asOf); month = month.plusMonths(1)) {
			for (Map.Entry<Long, Map<String, Object>> s : sellers.entrySet()) {
				if (!date(s.getValue().get("registered_on")).isAfter(month.atEndOfMonth())
						&& !reports.contains(s.getKey() + "/" + month)) {
					count("sales.missingReports." + month);
				}
			}
		}

		// courtyard, for the period's year
		int year = from.getYear();
		Map<String, Integer> approvedPerVillage = new HashMap<>();
		for (Map<String, Object> c : jdbc
			.queryForList("SELECT household_id, category, status FROM courtyard_household WHERE year = ?", year)) {
			Map<String, Object> h = households.get(((Number) c.get("household_id")).longValue());
			if (h == null) {
				continue;
			}
			if ("APPROVED".equals(c.get("status"))) {
				count("courtyard.approvedHouseholds");
				count("courtyard.byCategory." + c.get("category"));
				approvedPerVillage.merge((String) h.get("village_code"), 1, Integer::sum);
			}
			else if ("CANDIDATE".equals(c.get("status"))) {
				count("courtyard.candidates");
			}
		}
		for (Map<String, Object> v : jdbc.queryForList("SELECT code, town_code FROM village")) {
			if (inTown.test((String) v.get("town_code"))) {
				count("courtyard.villages");
				if (approvedPerVillage.getOrDefault(v.get("code"), 0) >= 10) {
					count("courtyard.villagesAtTarget");
				}
			}
		}
		for (Map<String, Object> t : jdbc.queryForList("SELECT code FROM town")) {
			if (inTown.test((String) t.get("code"))) {
				count("courtyard.towns");
			}
		}
		for (Map<String, Object> d : jdbc.queryForList("SELECT town_code FROM demonstration_village WHERE year = ?",
				year)) {
			if (inTown.test((String) d.get("town_code"))) {
				count("courtyard.townsWithDemonstrationVillage");
			}
		}

		// linkage funds and projects of the period's year (application.yml's milestones
		// and
		// margins)
		BigDecimal due = BigDecimal.ZERO;
		for (String[] milestone : new String[][] { { "06-30", "0.50" }, { "09-30", "0.75" }, { "12-31", "1.0" } }) {
			if (!LocalDate.parse(year + "-" + milestone[0]).isAfter(asOf)) {
				due = new BigDecimal(milestone[1]);
			}
		}
		Map<Long, BigDecimal> paid = new HashMap<>();
		for (Map<String, Object> d : jdbc.queryForList("SELECT d.project_id, d.paid_on, d.amount, p.town_code"
				+ " FROM disbursement d JOIN project p ON p.id = d.project_id WHERE p.year = ?", year)) {
			if (inTown.test((String) d.get("town_code")) && !date(d.get("paid_on")).isAfter(asOf)) {
				count("funds.disbursed", d.get("amount"));
				paid.merge(((Number) d.get("project_id")).longValue(), (BigDecimal) d.get("amount"), BigDecimal::add);
			}
		}
		for (Map<String, Object> p : jdbc.queryForList(
				"SELECT id, town_code, category, status, allocated, planned_end FROM project WHERE year = ?", year)) {
			if (!inTown.test((String) p.get("town_code"))) {
				continue;
			}
			BigDecimal allocated = (BigDecimal) p.get("allocated");
			boolean funded = allocated.signum() > 0;
			for (String figure : "INDUSTRY".equals(p.get("category"))
					? new String[] { "funds.allocated", "funds.industryAllocated" }
					: new String[] { "funds.allocated" }) {
				if (funded) {
					count(figure);
				}
				this.figures.merge(figure + ".amount", allocated, BigDecimal::add);
			}
			count("funds.byStatus." + p.get("status"), allocated);
			if (List.of("APPROVED", "UNDER_CONSTRUCTION", "COMPLETED").contains(p.get("status"))) {
				BigDecimal rate = funded ? paid.getOrDefault(((Number) p.get("id")).longValue(), BigDecimal.ZERO)
					.divide(allocated, 4, java.math.RoundingMode.HALF_UP) : BigDecimal.ZERO;
				BigDecimal gap = due.subtract(rate);
				if (date(p.get("planned_end")).isBefore(asOf)
						|| (due.signum() > 0 && gap.compareTo(new BigDecimal("0.25")) > 0)) {
					count("funds.cards.RED");
				}
				else if (due.signum() > 0 && gap.compareTo(new BigDecimal("0.10")) > 0) {
					count("funds.cards.YELLOW");
				}
			}
		}

		// visits
		Set<String> cadres = new HashSet<>();
		Set<String> cadreWeeks = new HashSet<>();
		for (Map<String, Object> v : jdbc.queryForList("SELECT household_id, cadre, visited_on FROM household_visit")) {
			LocalDate day = date(v.get("visited_on"));
			if (!ours.test(v.get("household_id")) || !within(day, from, to)) {
				continue;
			}
			LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			count("visits.visits");
			count("visits.byWeek." + monday);
			if (day.getDayOfWeek() == DayOfWeek.TUESDAY) {
				count("visits.onTuesday");
			}
			cadres.add((String) v.get("cadre"));
			cadreWeeks.add(v.get("cadre") + "@" + monday);
		}
		if (!cadres.isEmpty()) {
			this.figures.put("visits.cadres", BigDecimal.valueOf(cadres.size()));
			this.figures.put("visits.cadreWeeks", BigDecimal.valueOf(cadreWeeks.size()));
		}
	}

	/**
	 * The counts and amounts of a {@code Figures} answer as paths: single figures by
	 * section and name, breakdown entries by their key as well, milestones by their due
	 * day. Zero counts are left out, as the oracle has none.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, BigDecimal> flatten(Map<String, Object> figures) {
		Map<String, BigDecimal> flat = new HashMap<>();
		figures.forEach((section, value) -> {
			if (!(value instanceof Map<?, ?> fields) || "area".equals(section)) {
				return;
			}
			((Map<String, Object>) fields).forEach((name, field) -> {
				if (field instanceof Map<?, ?> figure && figure.containsKey("suppressed")) {
					put(flat, section + "." + name, (Map<String, Object>) figure);
				}
				else if (field instanceof List<?> list) {
					for (Object item : list) {
						Map<String, Object> entry = (Map<String, Object>) item;
						if (entry.containsKey("suppressed")) {
							put(flat, section + "." + name + "." + entry.get("key"), entry);
						}
						else if (entry.containsKey("due")) {
							put(flat, section + "." + name + "." + entry.get("due"),
									(Map<String, Object>) entry.get("certified"));
						}
					}
				}
			});
		});
		return flat;
	}

	private static void put(Map<String, BigDecimal> flat, String path, Map<String, Object> figure) {
		Object count = figure.get("count");
		if (count != null && ((Number) count).longValue() != 0) {
			flat.put(path, new BigDecimal(count.toString()));
		}
		Object amount = figure.get("amount");
		if (amount != null) {
			flat.put(path + ".amount", new BigDecimal(amount.toString()));
		}
	}

	/** Amounts compared as numbers: 12.50 and 12.5 are the same yuan. */
	static Map<String, BigDecimal> normalized(Map<String, BigDecimal> figures) {
		Map<String, BigDecimal> normal = new HashMap<>();
		figures.forEach((k, v) -> normal.put(k, v.stripTrailingZeros()));
		return normal;
	}

	/**
	 * Every figure of the dashboard for 2023, for the county or a town, as the client
	 * asks for it.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> yearFigures(org.springframework.graphql.test.tester.HttpGraphQlTester client,
			String town) {
		return client.documentName("dashboard")
			.fragmentName("allFigures")
			.variable("period", Map.of("year", 2023))
			.variable("town", town)
			.execute()
			.path("dashboard.figures")
			.entity(Map.class)
			.get();
	}

	/** The figures of 2023 equal an independent count over the same records. */
	static void assertYearMatches(JdbcTemplate jdbc, Map<String, Object> figures, String town) {
		LocalDate end = LocalDate.of(2023, 12, 31);
		org.assertj.core.api.Assertions.assertThat(normalized(flatten(figures)))
			.isEqualTo(normalized(compute(jdbc, town, LocalDate.of(2023, 1, 1), end, end)));
	}

}
