package cn.county.platform.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import cn.county.platform.exchange.roster.RosterColumn;
import cn.county.platform.exchange.roster.RosterLabels;
import cn.county.platform.exchange.sheet.SheetFormat;
import cn.county.platform.exchange.sheet.SheetWriter;
import cn.county.platform.household.Health;
import cn.county.platform.household.HousingGrade;
import cn.county.platform.household.IdentificationChannel;
import cn.county.platform.household.LabourCapacity;
import cn.county.platform.household.MonitoringType;
import cn.county.platform.household.Relation;
import cn.county.platform.household.RiskCause;
import cn.county.platform.household.Schooling;

/**
 * The demo generator's households written as a roster file in the national layout (one
 * row per person, the household's fields on each row, the default Chinese headers), for
 * the import benchmark: the same households, members, planted faults and villages that
 * {@link DemoDataGenerator} inserts directly, so the import meets realistic rows. Also
 * writes the generator's towns and villages into an empty, migrated database, which an
 * import needs and does not create. A development tool for {@code bench/exchange.sh}.
 */
public final class DemoRosterFile {

	private DemoRosterFile() {
	}

	/** Writes the roster CSV; answers the number of person rows written. */
	public static long write(Path file, int households, long seed) throws IOException {
		DemoGeography geography = DemoGeography.plan(households, seed);
		Map<String, String> towns = new HashMap<>();
		geography.towns().forEach((town) -> towns.put(town.code(), town.name()));
		HouseholdFactory factory = new HouseholdFactory(seed, new TreeMap<>());
		List<RosterColumn> columns = List.of(RosterColumn.values());
		long rows = 0;
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20);
				SheetWriter sheet = SheetWriter.open(SheetFormat.CSV, out, "花名册")) {
			sheet.row(columns.stream().map(RosterColumn::defaultHeader).toList());
			for (DemoVillage village : geography.villages()) {
				for (DemoHousehold household : factory.households(village)) {
					for (DemoMember member : household.members()) {
						Map<RosterColumn, String> row = row(household, member, towns.get(village.townCode()),
								village.name());
						List<String> cells = new ArrayList<>(columns.size());
						for (RosterColumn column : columns) {
							cells.add(row.getOrDefault(column, ""));
						}
						sheet.row(cells);
						rows++;
					}
				}
			}
		}
		Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		return rows;
	}

	/**
	 * Inserts the towns and villages of the generator's county for that many households.
	 */
	public static void writeRegions(DataSource dataSource, int households, long seed) throws SQLException {
		DemoGeography geography = DemoGeography.plan(households, seed);
		try (Connection connection = dataSource.getConnection();
				PreparedStatement towns = connection.prepareStatement("INSERT INTO town (code, name) VALUES (?, ?)");
				PreparedStatement villages = connection
					.prepareStatement("INSERT INTO village (code, town_code, name) VALUES (?, ?, ?)")) {
			for (DemoTown town : geography.towns()) {
				towns.setString(1, town.code());
				towns.setString(2, town.name());
				towns.addBatch();
				for (DemoVillage village : town.villages()) {
					villages.setString(1, village.code());
					villages.setString(2, village.townCode());
					villages.setString(3, village.name());
					villages.addBatch();
				}
			}
			towns.executeBatch();
			villages.executeBatch();
		}
	}

	private static Map<RosterColumn, String> row(DemoHousehold h, DemoMember m, String town, String village) {
		Map<RosterColumn, String> row = new EnumMap<>(RosterColumn.class);
		row.put(RosterColumn.TOWN, town);
		row.put(RosterColumn.VILLAGE, village);
		row.put(RosterColumn.HOUSEHOLD_CODE, h.code());
		row.put(RosterColumn.ADDRESS, h.address());
		row.put(RosterColumn.NAME, m.name());
		row.put(RosterColumn.ID_NUMBER, m.idNumber());
		row.put(RosterColumn.RELATION, RosterLabels.RELATION.word(Relation.valueOf(m.relation())));
		row.put(RosterColumn.GENDER, "MALE".equals(m.gender()) ? "男" : "女");
		row.put(RosterColumn.BIRTH_DATE, String.valueOf(m.birthDate()));
		row.put(RosterColumn.MEMBER_COUNT, String.valueOf(h.members().size()));
		row.put(RosterColumn.PHONE, (h.phone() != null) ? h.phone() : "");
		row.put(RosterColumn.INCOME_PER_CAPITA, h.incomePerCapita().toPlainString());
		row.put(RosterColumn.INCOME_YEAR, String.valueOf(h.incomeYear()));
		row.put(RosterColumn.CATEGORY,
				h.isMonitored() ? RosterLabels.MONITORING_TYPE.word(MonitoringType.valueOf(h.monitoringType()))
						: RosterLabels.ALLEVIATED);
		if (h.isMonitored()) {
			row.put(RosterColumn.RISK_ELIMINATED, "ELIMINATED".equals(h.riskStatus()) ? "是" : "否");
			row.put(RosterColumn.RISK_ELIMINATED_ON, date(h.riskEliminatedOn()));
			row.put(RosterColumn.RISK_CAUSES, String.join(RosterLabels.CAUSE_SEPARATOR,
					h.riskCauses().stream().map((c) -> RosterLabels.RISK_CAUSE.word(RiskCause.valueOf(c))).toList()));
			row.put(RosterColumn.IDENTIFIED_VIA,
					RosterLabels.IDENTIFIED_VIA.word(IdentificationChannel.valueOf(h.identifiedVia())));
			row.put(RosterColumn.IDENTIFIED_ON, date(h.identifiedOn()));
		}
		row.put(RosterColumn.RECEIVES_POLICY_SUPPORT, h.policySupport() ? "是" : "否");
		row.put(RosterColumn.MINIMUM_ALLOWANCE, h.minimumAllowance() ? "是" : "否");
		row.put(RosterColumn.EXTREME_POVERTY, h.extremePoverty() ? "是" : "否");
		row.put(RosterColumn.ASSIGNED_CADRE, (h.assignedCadre() != null) ? h.assignedCadre() : "");
		if (h.housingGrade() != null) {
			row.put(RosterColumn.HOUSING_GRADE,
					RosterLabels.HOUSING_GRADE.word(HousingGrade.valueOf(h.housingGrade())));
		}
		row.put(RosterColumn.HOUSING_INSPECTED_ON, date(h.housingInspectedOn()));
		row.put(RosterColumn.WATER_SAFE, (h.waterSafe() == null) ? "" : h.waterSafe() ? "是" : "否");
		row.put(RosterColumn.WATER_CHECKED_ON, date(h.waterCheckedOn()));
		row.put(RosterColumn.SCREENED_ON, date(h.screenedOn()));
		row.put(RosterColumn.SCHOOLING, RosterLabels.SCHOOLING.word(Schooling.valueOf(m.schooling())));
		row.put(RosterColumn.HEALTH, RosterLabels.HEALTH.word(Health.valueOf(m.health())));
		row.put(RosterColumn.DISABILITY_GRADE, (m.disabilityGrade() != null) ? m.disabilityGrade() + "级" : "");
		row.put(RosterColumn.LABOUR_CAPACITY,
				RosterLabels.LABOUR_CAPACITY.word(LabourCapacity.valueOf(m.labourCapacity())));
		row.put(RosterColumn.WILLING_TO_WORK, m.willingToWork() ? "是" : "否");
		return row;
	}

	private static String date(java.time.LocalDate date) {
		return (date != null) ? date.toString() : "";
	}

}
