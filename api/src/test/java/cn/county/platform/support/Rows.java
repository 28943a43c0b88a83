package cn.county.platform.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows written straight into the tables, for {@link MapperTest} slices that must know
 * every row a statement can see. Each method writes one row with plain defaults and
 * returns its id; the slice's transaction removes them.
 */
public final class Rows {

	private static final AtomicLong ids = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

	private final JdbcTemplate jdbc;

	public Rows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Two towns, the first with two villages and the second with one, coded
	 * {@code prefix + 1}, ...
	 */
	public record Geography(String town, String village, String neighbour, String otherTown, String otherVillage) {
	}

	/**
	 * Writes the towns and villages of a {@link Geography} whose codes start with the six
	 * digits given.
	 */
	public Geography geography(String prefix) {
		Geography area = new Geography(prefix + "1", prefix + "1001", prefix + "1002", prefix + "2", prefix + "2001");
		town(area.town());
		town(area.otherTown());
		village(area.town(), area.village());
		village(area.town(), area.neighbour());
		village(area.otherTown(), area.otherVillage());
		return area;
	}

	public void town(String code) {
		this.jdbc.update("INSERT INTO town (code, name) VALUES (?, ?)", code, "镇" + code);
	}

	public void village(String townCode, String code) {
		this.jdbc.update("INSERT INTO village (code, town_code, name) VALUES (?, ?, ?)", code, townCode, "村" + code);
	}

	/**
	 * An alleviated household of the village, headed by {@code headName}, with an income
	 * of 9,000 yuan.
	 */
	public long household(String townCode, String villageCode, String code, String headName) {
		return household(townCode, villageCode, code, headName, "ALLEVIATED", null, "B");
	}

	/**
	 * @param riskStatus with category {@code MONITORED}: {@code NOT_ELIMINATED} or
	 * {@code ELIMINATED}; the monitoring type is then {@code MARGINAL}
	 */
	public long household(String townCode, String villageCode, String code, String headName, String category,
			String riskStatus, String housingGrade) {
		long id = ids.incrementAndGet();
		this.jdbc.update(
				"INSERT INTO household (id, code, town_code, village_code, address, head_name,"
						+ " head_id_number, category, monitoring_type, risk_status, income_per_capita, income_year,"
						+ " housing_grade) VALUES (?, ?, ?, ?, '1组1号', ?, ?, ?, ?, ?, ?, 2023, ?)",
				id, code, townCode, villageCode, headName, Fixtures.idNumber(LocalDate.of(1970, 1, 1)), category,
				(riskStatus != null) ? "MARGINAL" : null, riskStatus, new BigDecimal("9000.00"), housingGrade);
		return id;
	}

	public void riskCause(long householdId, String cause) {
		this.jdbc.update("INSERT INTO household_risk_cause (household_id, cause) VALUES (?, ?)", householdId, cause);
	}

	/** A measure of the household in the status, from March 2023. */
	public long measure(long householdId, String status) {
		long id = ids.incrementAndGet();
		this.jdbc.update("INSERT INTO assistance_measure (id, household_id, category, description,"
				+ " responsible_department, start_date, status, recorded_by) VALUES (?, ?, 'EMPLOYMENT', '就业帮扶',"
				+ " '县人社局', '2023-03-01', ?, 'slice')", id, householdId, status);
		return id;
	}

	/** A member of the household, not its head. */
	public long member(long householdId, String name) {
		long id = ids.incrementAndGet();
		this.jdbc.update(
				"INSERT INTO member (id, household_id, name, id_number, relation, gender, birth_date,"
						+ " schooling, health, labour_capacity, willing_to_work) VALUES (?, ?, ?, ?, 'SPOUSE', 'MALE',"
						+ " '1972-02-02', 'GRADUATED', 'HEALTHY', 'FULL', TRUE)",
				id, householdId, name, Fixtures.idNumber(LocalDate.of(1972, 2, 2)));
		return id;
	}

}
