package cn.county.platform.exchange.export;

import java.util.ArrayList;
import java.util.List;

import cn.county.platform.exchange.roster.RosterColumn;
import cn.county.platform.exchange.roster.RosterLabels;
import cn.county.platform.exchange.roster.RosterProperties;

/**
 * The households export in the layout the roster import reads: one column per
 * {@link RosterColumn}, in its order, under the header this deployment configures for it
 * ({@link RosterProperties#header}), its enum values in the words of
 * {@link RosterLabels}. One row per person, the household's fields repeated on each row.
 * The import's classes are the one source of the headers and words, so a corrected export
 * imports back; the switch below has no default, so a column added to the import does not
 * compile until the export writes it too.
 */
final class RosterExport {

	/** The list field whose elements make the rows: one row per member. */
	static final String MEMBERS = "members";

	private RosterExport() {
	}

	static List<Column> columns(RosterProperties headers) {
		List<Column> columns = new ArrayList<>();
		for (RosterColumn column : RosterColumn.values()) {
			columns.add(column(column, headers.header(column)));
		}
		return List.copyOf(columns);
	}

	private static Column column(RosterColumn column, String header) {
		return switch (column) {
			case TOWN -> Column.text(header, "town.name");
			case VILLAGE -> Column.text(header, "village.name");
			case HOUSEHOLD_CODE -> Column.text(header, "code");
			case ADDRESS -> Column.text(header, "address");
			case NAME -> Column.text(header, "members.name");
			case ID_NUMBER -> Column.text(header, "members.idNumber");
			case RELATION -> Column.label(header, "members.relation", RosterLabels.RELATION.words());
			case GENDER -> Column.label(header, "members.gender", RosterLabels.GENDER.words());
			case BIRTH_DATE -> Column.date(header, "members.birthDate");
			case MEMBER_COUNT -> Column.size(header, MEMBERS);
			case PHONE -> Column.text(header, "phone");
			case INCOME_PER_CAPITA -> Column.number(header, "incomePerCapita");
			case INCOME_YEAR -> Column.number(header, "incomeYear");
			case CATEGORY -> Column.label(header, "monitoringType|category", RosterLabels.CATEGORY);
			case RISK_ELIMINATED -> Column.label(header, "riskStatus", RosterLabels.RISK_ELIMINATED);
			case RISK_ELIMINATED_ON -> Column.date(header, "riskEliminatedOn");
			case RISK_CAUSES -> Column.labels(header, "riskCauses", RosterLabels.RISK_CAUSE.words());
			case IDENTIFIED_VIA -> Column.label(header, "identifiedVia", RosterLabels.IDENTIFIED_VIA.words());
			case IDENTIFIED_ON -> Column.date(header, "identifiedOn");
			case RECEIVES_POLICY_SUPPORT -> Column.yesNo(header, "receivesPolicySupport");
			case MINIMUM_ALLOWANCE -> Column.yesNo(header, "minimumAllowance");
			case EXTREME_POVERTY -> Column.yesNo(header, "extremePoverty");
			case ASSIGNED_CADRE -> Column.text(header, "assignedCadre");
			case HOUSING_GRADE -> Column.label(header, "housingGrade", RosterLabels.HOUSING_GRADE.words());
			case HOUSING_INSPECTED_ON -> Column.date(header, "housingInspectedOn");
			case WATER_SAFE -> Column.yesNo(header, "waterSafe");
			case WATER_CHECKED_ON -> Column.date(header, "waterCheckedOn");
			case SCREENED_ON -> Column.date(header, "screenedOn");
			case SCHOOLING -> Column.label(header, "members.schooling", RosterLabels.SCHOOLING.words());
			case HEALTH -> Column.label(header, "members.health", RosterLabels.HEALTH.words());
			case DISABILITY_GRADE -> Column.number(header, "members.disabilityGrade");
			case LABOUR_CAPACITY ->
				Column.label(header, "members.labourCapacity", RosterLabels.LABOUR_CAPACITY.words());
			case WILLING_TO_WORK -> Column.yesNo(header, "members.willingToWork");
		};
	}

}
