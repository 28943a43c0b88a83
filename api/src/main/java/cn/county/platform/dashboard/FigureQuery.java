package cn.county.platform.dashboard;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The statements behind the dashboard, each reading one large table once; a section reads
 * one or more of them, and each is cached on its own, under a version of its own that
 * only writes to the records it reads increment. Recording a visit, the most frequent
 * write, so leaves the household, member and loan figures cached.
 */
enum FigureQuery {

	HOUSEHOLDS(DashboardMapper::households, "Household", "HousingInspection", "WaterCheck", "WaterSupplyPoint"),

	/**
	 * Also the records whose newest entry decides a member's schooling (not in school) or
	 * health, kept on the member row in the writing transaction.
	 */
	MEMBERS(DashboardMapper::members, "Household", "Member", "Job", "SchoolingRecord", "IllnessIdentification",
			"DisabilityCertificate"),

	JOBS(DashboardMapper::jobs, "Household", "Member", "Job"),

	CERTIFIED(DashboardMapper::certified, "Household", "Member", "Certificate"),

	MEASURES(DashboardMapper::measures, "Household", "Measure"),

	LOANS(DashboardMapper::loans, "Household", "Loan"),

	SALES(DashboardMapper::sales, "Seller", "Sale", "SalesReport"),

	COURTYARD(DashboardMapper::courtyard, "Household", "CourtyardHousehold", "DemonstrationVillage"),

	VISITS(DashboardMapper::visits, "Household", "Visit"),

	/**
	 * Social-assistance enrolments by kind and the amounts paid in the period (basic
	 * needs).
	 */
	ASSISTANCE(DashboardMapper::assistance, "Household", "AssistanceEnrolment"),

	FUNDS(DashboardMapper::funds, "Project", "Disbursement", "FundSplit");

	/**
	 * Audited entity types that no figure counts (an {@code Export} is a read, audited).
	 * Any other type that no statement names invalidates every statement, so that a new
	 * kind of write is never left out by mistake.
	 */
	private static final Set<String> COUNTED_NOWHERE = Set.of("Training", "Subsidy", "Export", "EducationAid",
			"InsuranceEnrolment", "FamilyDoctorContract", "DisabilityService", "RenovationProject", "FundAllocation",
			"ProjectBenefit", "CollectiveIncome");

	private static final String PARTNER_APPROVAL = "PartnerApproval";

	private final BiFunction<DashboardMapper, SectionQuery, List<FigureRow>> statement;

	/**
	 * The audited entity types (AuditTrail's entityType) whose rows this statement reads.
	 */
	private final Set<String> reads;

	FigureQuery(BiFunction<DashboardMapper, SectionQuery, List<FigureRow>> statement, String... reads) {
		this.statement = statement;
		this.reads = Set.of(reads);
	}

	List<FigureRow> run(DashboardMapper mapper, SectionQuery query) {
		return this.statement.apply(mapper, query);
	}

	/** The statements whose figures a committed write of this entity type may change. */
	static Set<FigureQuery> affectedBy(String entityType) {
		if (entityType == null) {
			return EnumSet.allOf(FigureQuery.class);
		}
		if (COUNTED_NOWHERE.contains(entityType) || entityType.startsWith(PARTNER_APPROVAL)) {
			return EnumSet.noneOf(FigureQuery.class);
		}
		Set<FigureQuery> affected = EnumSet.noneOf(FigureQuery.class);
		for (FigureQuery query : values()) {
			if (query.reads.contains(entityType)) {
				affected.add(query);
			}
		}
		return affected.isEmpty() ? EnumSet.allOf(FigureQuery.class) : affected;
	}

}
