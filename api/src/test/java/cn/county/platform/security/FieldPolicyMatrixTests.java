package cn.county.platform.security;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.MemberRecords;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every household-level type, for every demo caller, comes back whole,
 * masked or FORBIDDEN exactly as the schema's directives say. The cases are generated
 * from the running schema, so a new type or field is covered the day it is added; a
 * household-level type without a query path below fails the suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldPolicyMatrixTests extends AbstractPlatformTests {

	/**
	 * How to reach one object of each household-level type from the fixture household
	 * ({@code $id}), where it is not simply the shortest chain of fields from
	 * {@code Household} (see {@link #derived}): a type listed here, and a type reached
	 * through a query of its own, needs an entry; a new child list of the household (or
	 * of its members, loans ...) is found without one.
	 */
	private static final Map<String, String[]> PATHS = Map.ofEntries(
			Map.entry("Household", new String[] { "household(id: $id) {", "}" }),
			Map.entry("Member", new String[] { "household(id: $id) { members {", "} }" }),
			Map.entry("Loan", new String[] { "household(id: $id) { loans {", "} }" }),
			Map.entry("LoanEvent", new String[] { "household(id: $id) { loans { events {", "} } }" }),
			Map.entry("Measure", new String[] { "household(id: $id) { measures {", "} }" }),
			Map.entry("Visit", new String[] { "household(id: $id) { visits {", "} }" }),
			Map.entry("CourtyardHousehold", new String[] { "household(id: $id) { courtyard {", "} }" }),
			Map.entry("Job", new String[] { "household(id: $id) { members { jobs {", "} } }" }),
			Map.entry("Subsidy", new String[] { "household(id: $id) { members { subsidies {", "} } }" }),
			Map.entry("Training", new String[] { "household(id: $id) { members { trainings {", "} } }" }),
			Map.entry("Certificate", new String[] { "household(id: $id) { members { certificates {", "} } }" }),
			Map.entry("ScreeningEntry",
					new String[] { "screeningList(householdId: $id, reason: WARNING_NOT_SCREENED) { edges { node {",
							"} } }" }),
			Map.entry("DataQualityFinding",
					new String[] { "dataQualityFindings(householdId: $id, rule: BIRTH_DATE_MISMATCH) { edges { node {",
							"} } }" }),
			Map.entry("Sale", new String[] { "household(id: $id) { sales {", "} }" }),
			Map.entry("Seller", new String[] { "household(id: $id) { sales { seller {", "} } }" }),
			// the fixture's household seller is named to come first in its village's
			// reports for the month
			Map.entry("SalesReport",
					new String[] {
							"salesReports(month: \"" + YearMonth.now(ZoneId.of("Asia/Shanghai")) + "\", townCode: \""
									+ Fixtures.TOWN + "\", first: 1) { edges { node {",
							"} } } fixture: household(id: $id) { id }" }));

	/**
	 * Where the first object of each household-level type sits in the response of its
	 * path.
	 */
	private static final Map<String, String> PREFIXES = Map.ofEntries(Map.entry("Household", "household"),
			Map.entry("Member", "household.members[0]"), Map.entry("Loan", "household.loans[0]"),
			Map.entry("LoanEvent", "household.loans[0].events[0]"), Map.entry("Measure", "household.measures[0]"),
			Map.entry("Visit", "household.visits[0]"), Map.entry("CourtyardHousehold", "household.courtyard[0]"),
			Map.entry("Job", "household.members[0].jobs[0]"), Map.entry("Subsidy", "household.members[0].subsidies[0]"),
			Map.entry("Training", "household.members[0].trainings[0]"),
			Map.entry("Certificate", "household.members[0].certificates[0]"),
			Map.entry("ScreeningEntry", "screeningList.edges[0].node"),
			Map.entry("DataQualityFinding", "dataQualityFindings.edges[0].node"),
			Map.entry("Sale", "household.sales[0]"), Map.entry("Seller", "household.sales[0].seller"),
			Map.entry("SalesReport", "salesReports.edges[0].node"));

	/**
	 * Lists whose query refuses partners outright (FORBIDDEN at the query), before any
	 * field policy applies.
	 */
	private static final Set<String> REFUSED_TO_PARTNERS = Set.of("ScreeningEntry", "DataQualityFinding");

	/**
	 * Each caller: a username (or a partner client id) and the roles and department its
	 * token carries.
	 */
	record Who(String name, Set<String> roles, String department) {
	}

	private static final List<Who> CALLERS = List.of(new Who("county.admin", Set.of("COUNTY_ADMIN"), null),
			new Who("town.official", Set.of("TOWN_OFFICIAL"), null),
			new Who("village.cadre", Set.of("VILLAGE_CADRE"), null),
			new Who("hrss.officer", Set.of("DEPARTMENT_OFFICER"), "HRSS"),
			new Who("finance.officer", Set.of("DEPARTMENT_OFFICER"), "FINANCE"),
			new Who("dashboard.viewer", Set.of("DASHBOARD_VIEWER"), null),
			new Who("partner-insurer", Set.of("PARTNER"), null));

	/**
	 * What the county approved for the insurer in this test: a few plain fields and the
	 * sensitive ones.
	 */
	private static final Set<String> BANK_APPROVED = Set.of("Household.id", "Household.code", "Household.headIdNumber",
			"Household.phone", "Household.members", "Member.name", "Member.idNumber", "Member.health",
			"Household.loans", "Loan.contractNumber", "Loan.events", "Household.measures", "Measure.category",
			"Household.visits", "Visit.visitedOn", "Household.courtyard", "CourtyardHousehold.year", "Member.jobs",
			"Job.type", "Member.subsidies", "Subsidy.kind", "Member.trainings", "Training.course",
			"Member.certificates", "Certificate.name", "Household.sales", "Sale.seller", "Seller.name", "Seller.town",
			"SalesReport.month", "Household.warnings", "Warning.warnedOn", "Household.assistanceEnrolments",
			"AssistanceEnrolment.kind", "Household.housingInspections", "HousingInspection.grade",
			"Household.renovationProjects", "RenovationProject.status", "Household.projectBenefits",
			"ProjectBenefit.kind");

	@Autowired
	GraphQlSource graphQlSource;

	long householdId;

	@BeforeAll
	void createFixtureAndApprovals() {
		HttpGraphQlTester admin = this.admin;
		Map<String, Object> input = Fixtures.household();
		input.put("head", Fixtures.with(Fixtures.member("王芳", Fixtures.idNumber(LocalDate.of(1975, 5, 5))), "health",
				"DISABLED"));
		input.put("head", Fixtures.with((Map<String, Object>) input.get("head"), "disabilityGrade", 2));
		Fixtures.Household created = Fixtures.createHousehold(admin, input);
		this.householdId = created.id();
		long head = created.headId();
		admin.document("mutation($i: IssueLoanInput!) { issueLoan(input: $i) { loan { id } } }")
			.variable("i",
					Map.of("householdId", this.householdId, "borrowerId", head, "bank", "县农村商业银行", "contractNumber",
							"FPM-" + this.householdId, "amount", 30000, "issuedOn",
							LocalDate.now().minusDays(30).toString(), "termMonths", 36, "purpose", "养牛"))
			.execute()
			.errors()
			.verify();
		admin.document("mutation($i: RecordMeasureInput!) { recordMeasure(input: $i) { measure { id } } }")
			.variable("i", Map.of("householdId", this.householdId, "category", "INDUSTRY", "description", "养牛补贴",
					"responsibleDepartment", "AGRICULTURE", "startDate", LocalDate.now().minusDays(20).toString()))
			.execute()
			.errors()
			.verify();
		admin.document("mutation($i: RecordVisitInput!) { recordVisit(input: $i) { visit { id } } }")
			.variable("i",
					Map.of("householdId", this.householdId, "visitedOn", LocalDate.now().minusDays(7).toString(),
							"notes", "入户走访"))
			.execute()
			.errors()
			.verify();
		admin.document(
				"mutation($i: NominateCourtyardInput!) { nominateCourtyardHousehold(input: $i) { courtyardHousehold { id } } }")
			.variable("i",
					Map.of("householdId", this.householdId, "year", LocalDate.now().getYear(), "category",
							"SPECIALTY_PLANTING", "area", 120, "income", 8000))
			.execute()
			.errors()
			.verify();
		long jobId = admin.document("mutation($i: RecordJobInput!) { recordJob(input: $i) { job { id } } }")
			.variable("i",
					Map.of("memberId", head, "type", "OUT_OF_PROVINCE", "employer", "苏州电子厂", "place", "江苏苏州",
							"startDate", LocalDate.now().minusMonths(3).toString(), "monthlyIncome", 4500))
			.execute()
			.path("recordJob.job.id")
			.entity(Long.class)
			.get();
		admin.document("mutation($i: RecordSubsidyInput!) { recordSubsidy(input: $i) { subsidy { id } } }")
			.variable("i",
					Map.of("jobId", jobId, "kind", "CROSS_PROVINCE_TRANSPORT", "amount", 600, "paidOn",
							LocalDate.now().minusMonths(2).toString()))
			.execute()
			.errors()
			.verify();
		admin.document("mutation($i: RecordTrainingInput!) { recordTraining(input: $i) { training { id } } }")
			.variable("i",
					Map.of("memberId", head, "course", "电工", "provider", "县职教中心", "startDate",
							LocalDate.now().minusMonths(6).toString(), "endDate",
							LocalDate.now().minusMonths(5).toString(), "completed", true))
			.execute()
			.errors()
			.verify();
		admin.document("mutation($i: RecordCertificateInput!) { recordCertificate(input: $i) { certificate { id } } }")
			.variable("i",
					Map.of("memberId", head, "name", "低压电工作业", "kind", "SPECIAL_OPERATION", "issuedOn",
							LocalDate.now().minusMonths(5).toString(), "number", "T" + this.householdId))
			.execute()
			.errors()
			.verify();
		// one record of every line department's kind on the head (education, medical
		// care, disability)
		MemberRecords.plantOneOfEach(admin, head);
		admin
			.document(
					"mutation($i: EnrolAssistanceInput!) { enrolAssistance(input: $i) { assistanceEnrolment { id } } }")
			.variable("i",
					Map.of("householdId", this.householdId, "kind", "MINIMUM_ALLOWANCE", "startDate",
							LocalDate.now().minusMonths(4).toString(), "monthlyAmount", 420))
			.execute()
			.errors()
			.verify();
		admin.document(
				"mutation($i: RecordHousingInspectionInput!) { recordHousingInspection(input: $i) { housingInspection { id } } }")
			.variable("i",
					Map.of("householdId", this.householdId, "inspectedOn", LocalDate.now().minusDays(10).toString(),
							"inspector", "住建局鉴定员", "grade", "D", "findings", "墙体开裂"))
			.execute()
			.errors()
			.verify();
		admin.document("mutation($i: PlanRenovationInput!) { planRenovation(input: $i) { renovationProject { id } } }")
			.variable("i",
					Map.of("householdId", this.householdId, "priorityGroup", "MINIMUM_ALLOWANCE", "description", "危房加固",
							"plannedOn", LocalDate.now().minusDays(5).toString()))
			.execute()
			.errors()
			.verify();
		// on the screening list (warned, never screened) and among the findings (birth
		// date off the ID's by a day)
		this.jdbc.update("UPDATE household SET warning_source = 'CIVIL_AFFAIRS', warning_received_on = ?,"
				+ " screened_on = NULL WHERE id = ?", LocalDate.now().minusDays(3), this.householdId);
		this.jdbc.update("UPDATE member SET birth_date = birth_date + INTERVAL 1 DAY WHERE id = ?", head);
		// a department warning, as the warning import records it
		this.jdbc.update(
				"INSERT INTO warning (id, household_id, member_id, department, kind, warned_on, note,"
						+ " recorded_by) VALUES (?, ?, ?, 'CIVIL_AFFAIRS', '低保边缘', ?, '民政局季度预警', 'county.admin')",
				this.householdId + 1, this.householdId, head, LocalDate.now().minusDays(3));
		// a household seller (household-level data) with a sale this month; its name
		// sorts before the demo's
		long seller = admin
			.document("mutation($i: RegisterSellerInput!) { registerSeller(input: $i) { seller { id } } }")
			.variable("i",
					Map.of("kind", "HOUSEHOLD", "name", "0000" + this.householdId, "householdId", this.householdId))
			.execute()
			.path("registerSeller.seller.id")
			.entity(Long.class)
			.get();
		admin.document("mutation($i: RecordSaleInput!) { recordSale(input: $i) { sale { id } } }")
			.variable("i",
					Map.of("sellerId", seller, "product", "小米", "category", "GRAIN", "channel", "OFFLINE_EVENT",
							"month", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString(), "quantity", 50, "unit", "千克",
							"amount", 450, "householdsBenefiting", 1))
			.execute()
			.errors()
			.verify();
		// what the household received from a project of its town (联农带农)
		long project = admin
			.document("mutation($i: ProposeProjectInput!) { proposeProject(input: $i) { project { id } } }")
			.variable("i",
					Map.of("year", 2023, "name", "养牛合作社", "townCode", Fixtures.TOWN, "category", "INDUSTRY", "budget",
							300000, "ownerDepartment", "AGRICULTURE", "plannedStart", "2023-03-01", "plannedEnd",
							"2023-10-31"))
			.execute()
			.path("proposeProject.project.id")
			.entity(Long.class)
			.get();
		admin
			.document("mutation($i: RecordProjectBenefitInput!) { recordProjectBenefit(input: $i) { benefit { id } } }")
			.variable("i",
					Map.of("projectId", project, "householdId", this.householdId, "year", 2023, "kind", "JOBS",
							"amount", 4800))
			.execute()
			.errors()
			.verify();
		admin.document(
				"mutation($f: [String!]!) { setPartnerApprovedFields(input: {partnerId: \"partner-insurer\", fields: $f}) { fields } }")
			.variable("f", List.copyOf(BANK_APPROVED))
			.execute()
			.errors()
			.verify();
	}

	@TestFactory
	List<DynamicTest> everyCallerSeesEveryFieldAsThePolicySays() {
		GraphQLSchema schema = this.graphQlSource.schema();
		List<DynamicTest> tests = new ArrayList<>();
		for (GraphQLObjectType type : personalTypes(schema)) {
			assertThat(path(type.getName())).as("a query path for household-level type " + type.getName()).isNotNull();
			for (Who who : CALLERS) {
				tests.add(DynamicTest.dynamicTest(who.name() + " reads " + type.getName(), () -> check(type, who)));
			}
		}
		return tests;
	}

	/**
	 * Whether the path starts at a list of this type's rows of which the partner may read
	 * no field: such a list is refused whole (no rows, count or cursors), as the
	 * entry-point rule of the policy says.
	 */
	private boolean listedWithoutApproval(String root, String type) {
		GraphQLFieldDefinition rootField = this.graphQlSource.schema().getQueryType().getFieldDefinition(root);
		if (rootField == null || FieldPolicyVisitor.personalNodes(rootField.getType()) == null
				|| !FieldPolicyVisitor.personalNodes(rootField.getType()).equals(type)) {
			return false;
		}
		return BANK_APPROVED.stream().noneMatch((field) -> field.startsWith(type + "."));
	}

	/**
	 * One request per field, so that a refused non-null field cannot hide the answer for
	 * its siblings.
	 */
	private void check(GraphQLObjectType type, Who who) {
		String[] path = path(type.getName());
		HttpGraphQlTester tester = who.name().startsWith("partner-")
				? this.clients.asClient(who.name(), who.name() + "-dev-secret") : this.clients.as(who.name());
		String prefix = path[2];
		// the list the object is read through, when it is derived: a list refused as a
		// whole to this caller reaches it with no row, so with no field
		String owner = path[3];
		GraphQLFieldDefinition throughList = (owner != null) ? schema().getObjectType(owner).getFieldDefinition(path[4])
				: null;
		Map<String, Object> stored = stored(type.getName());
		String root = path[0].substring(0, path[0].indexOf('('));
		for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
			String selection = field.getName()
					+ ((GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType) ? " { __typename }"
							: "");
			GraphQlTester.Response response = tester
				.document("query($id: ID!) { " + path[0] + " " + selection + " " + path[1] + " }")
				.variable("id", this.householdId)
				.execute();
			List<ResponseError> errors = new ArrayList<>();
			response.errors().satisfy(errors::addAll);
			String fieldPath = prefix + "." + field.getName();
			if (!hasAnyNonDashboardRole(who) && FieldPolicyVisitor.onlyHouseholdOwned(type)) {
				// a list of sellers or reports holds no row for dashboard viewers,
				// refused or empty: nothing comes back
				assertThat(errors).as(who.name() + " " + fieldPath)
					.allSatisfy(
							(error) -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN"));
				response.path(prefix).pathDoesNotExist();
				continue;
			}
			if (!hasAnyNonDashboardRole(who)) {
				// dashboard viewers do not even reach the household
				assertThat(errors).as(who.name() + " " + fieldPath)
					.anySatisfy(
							(error) -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN"));
				response.path(root).valueIsNull();
				continue;
			}
			if (who.roles().contains("PARTNER")
					&& (REFUSED_TO_PARTNERS.contains(type.getName()) || listedWithoutApproval(root, type.getName()))) {
				assertThat(errors).as(who.name() + " " + root)
					.anySatisfy((error) -> assertThat(error.getPath()).isEqualTo(root))
					.allSatisfy(
							(error) -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN"));
				response.path(root).valueIsNull();
				continue;
			}
			if (throughList != null && expectedAccess(schema(), owner, throughList, who).equals("FORBIDDEN")) {
				// a member's list refused as a whole (health records for whoever may not
				// read health): no row, so no field of it, reaches the caller
				String listPath = prefix.substring(0, prefix.lastIndexOf('['));
				assertThat(errors).as(who.name() + " " + listPath + " is FORBIDDEN")
					.anySatisfy((error) -> assertThat(error.getPath()).isEqualTo(listPath))
					.allSatisfy(
							(error) -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN"));
				if (!GraphQLTypeUtil.isNonNull(throughList.getType())) {
					response.path(listPath).valueIsNull();
				}
				continue;
			}
			String expected = expectedAccess(schema(), type.getName(), field, who);
			boolean forbiddenHere = errors.stream()
				.anyMatch((error) -> error.getPath().equals(fieldPath)
						&& "FORBIDDEN".equals(error.getExtensions().get("classification")));
			if (expected.equals("FORBIDDEN")) {
				assertThat(forbiddenHere).as(who.name() + " " + fieldPath + " is FORBIDDEN").isTrue();
				if (!GraphQLTypeUtil.isNonNull(field.getType())) {
					response.path(fieldPath).valueIsNull();
				}
				continue;
			}
			assertThat(errors).as(who.name() + " " + fieldPath + " has no errors").isEmpty();
			response.path(prefix).hasValue();
			if (stored.containsKey(field.getName())) {
				String value = stored.get(field.getName()).toString();
				String actual = response.path(fieldPath).entity(String.class).get();
				if (expected.equals("MASKED")) {
					// the mask the directive names, applied as the schema's Mask enum
					// describes it
					Mask mask = Mask.valueOf(argument(field.getAppliedDirective("sensitive"), "mask").toString());
					assertThat(actual).as(who.name() + " " + fieldPath)
						.isEqualTo(mask.apply(value).toString())
						.isNotEqualTo(value);
				}
				else {
					assertThat(actual).as(who.name() + " " + fieldPath).isEqualTo(value);
				}
			}
		}
	}

	/**
	 * The stored values of the sensitive fields, for comparing whole and masked answers.
	 */
	private Map<String, Object> stored(String type) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (type.equals("Household")) {
			Map<String, Object> row = this.jdbc.queryForMap("SELECT head_id_number, phone FROM household WHERE id = ?",
					this.householdId);
			values.put("headIdNumber", row.get("head_id_number"));
			values.put("phone", row.get("phone"));
		}
		else if (type.equals("Loan")) {
			values.put("contractNumber", this.jdbc.queryForObject(
					"SELECT contract_number FROM loan WHERE household_id = ?", String.class, this.householdId));
		}
		else if (type.equals("ScreeningEntry")) {
			values.put("headIdNumber", this.jdbc.queryForObject("SELECT head_id_number FROM household WHERE id = ?",
					String.class, this.householdId));
		}
		else if (type.equals("DataQualityFinding")) {
			values.put("memberIdNumber",
					this.jdbc.queryForObject(
							"SELECT id_number FROM member WHERE household_id = ? AND relation = 'HEAD'", String.class,
							this.householdId));
		}
		else if (type.equals("Member")) {
			Map<String, Object> row = this.jdbc.queryForMap(
					"SELECT id_number, health, disability_grade FROM member WHERE household_id = ? AND relation = 'HEAD'",
					this.householdId);
			values.put("idNumber", row.get("id_number"));
			values.put("health", row.get("health"));
			values.put("disabilityGrade", row.get("disability_grade"));
		}
		return values;
	}

	/**
	 * The test's own reading of DOMAIN.md's table, applied to the directive on the field:
	 * county admins see everything; dashboard viewers nothing; partners only approved
	 * fields; otherwise a plain field is visible and a sensitive one as its directive
	 * lists the role (departments named in it see it whole).
	 */
	@SuppressWarnings("unchecked")
	private static String expectedAccess(GraphQLSchema schema, String type, GraphQLFieldDefinition field, Who who) {
		if (who.roles().contains("COUNTY_ADMIN")) {
			return "WHOLE";
		}
		if (who.roles().contains("PARTNER") && !BANK_APPROVED.contains(type + "." + field.getName())) {
			return "FORBIDDEN";
		}
		GraphQLAppliedDirective own = field.getAppliedDirective("sensitive");
		Object sameAs = (own != null && own.getArgument("sameAs") != null) ? own.getArgument("sameAs").getValue()
				: null;
		if (who.roles().contains("PARTNER") && sameAs != null && !BANK_APPROVED.contains(sameAs.toString())) {
			return "FORBIDDEN";
		}
		GraphQLAppliedDirective sensitive = followed(schema, own);
		if (sensitive == null) {
			return "WHOLE";
		}
		String role = who.roles().iterator().next();
		Collection<Object> whole = (Collection<Object>) argument(sensitive, "whole");
		Collection<Object> masked = (Collection<Object>) argument(sensitive, "masked");
		Collection<Object> departments = (Collection<Object>) argument(sensitive, "departments");
		if (whole.contains(role) || (who.department() != null && departments.contains(who.department()))) {
			return "WHOLE";
		}
		return masked.contains(role) ? "MASKED" : "FORBIDDEN";
	}

	/**
	 * A directive with {@code sameAs: "Type.field"} stands for that field's directive.
	 */
	static GraphQLAppliedDirective followed(GraphQLSchema schema, GraphQLAppliedDirective sensitive) {
		if (sensitive == null || sensitive.getArgument("sameAs") == null
				|| sensitive.getArgument("sameAs").getValue() == null) {
			return sensitive;
		}
		String[] target = sensitive.getArgument("sameAs").getValue().toString().split("\\.");
		GraphQLAppliedDirective followed = schema.getObjectType(target[0])
			.getFieldDefinition(target[1])
			.getAppliedDirective("sensitive");
		assertThat(followed).as("the field " + target[0] + "." + target[1] + " a sameAs names").isNotNull();
		return followed;
	}

	private GraphQLSchema schema() {
		return this.graphQlSource.schema();
	}

	private static Object argument(GraphQLAppliedDirective directive, String name) {
		var argument = directive.getArgument(name);
		return (argument != null && argument.getValue() != null) ? argument.getValue() : List.of();
	}

	private static boolean hasAnyNonDashboardRole(Who who) {
		return who.roles().stream().anyMatch((role) -> !role.equals("DASHBOARD_VIEWER"));
	}

	/**
	 * The query text around a selection of the type and where its first object sits in
	 * the answer: the table's, else {@link #derived}; null when there is neither.
	 */
	private String[] path(String type) {
		if (PATHS.containsKey(type)) {
			String[] around = PATHS.get(type);
			return new String[] { around[0], around[1], PREFIXES.get(type), null, null };
		}
		return derived(this.graphQlSource.schema(), type);
	}

	/**
	 * The shortest chain of argument-free fields from {@code Household} through
	 * household-level types to the type ({@code household(id: $id) { warnings {} }} and
	 * {@code household.warnings[0]}), or null.
	 */
	static String[] derived(GraphQLSchema schema, String type) {
		record Step(GraphQLObjectType at, List<GraphQLFieldDefinition> fields) {
		}
		Set<String> personal = new java.util.HashSet<>();
		personalTypes(schema).forEach((each) -> personal.add(each.getName()));
		java.util.ArrayDeque<Step> queue = new java.util.ArrayDeque<>();
		queue.add(new Step((GraphQLObjectType) schema.getType("Household"), List.of()));
		Set<String> seen = new java.util.HashSet<>(Set.of("Household"));
		while (!queue.isEmpty()) {
			Step step = queue.poll();
			List<GraphQLFieldDefinition> fields = new ArrayList<>(step.at().getFieldDefinitions());
			fields.sort(java.util.Comparator.comparing(GraphQLFieldDefinition::getName));
			for (GraphQLFieldDefinition field : fields) {
				if (field.getArguments().stream().anyMatch((argument) -> GraphQLTypeUtil.isNonNull(argument.getType()))
						|| !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType target)
						|| !personal.contains(target.getName())) {
					continue;
				}
				List<GraphQLFieldDefinition> chain = new ArrayList<>(step.fields());
				chain.add(field);
				if (target.getName().equals(type)) {
					StringBuilder open = new StringBuilder("household(id: $id) {");
					StringBuilder close = new StringBuilder("}");
					StringBuilder prefix = new StringBuilder("household");
					for (GraphQLFieldDefinition each : chain) {
						open.append(' ').append(each.getName()).append(" {");
						close.append(" }");
						prefix.append('.')
							.append(each.getName())
							.append(GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(each.getType())) ? "[0]" : "");
					}
					return new String[] { open.toString(), close.toString(), prefix.toString(), step.at().getName(),
							field.getName() };
				}
				if (seen.add(target.getName())) {
					queue.add(new Step(target, chain));
				}
			}
		}
		return null;
	}

	private static List<GraphQLObjectType> personalTypes(GraphQLSchema schema) {
		return schema.getAllTypesAsList()
			.stream()
			.filter((type) -> type instanceof GraphQLObjectType object && object.hasAppliedDirective("personal"))
			.map(GraphQLObjectType.class::cast)
			.toList();
	}

	private static final Pattern ID_NUMBER = Pattern.compile("(?i).*idnumber$");

	private static final Pattern PHONE = Pattern.compile("(?i).*phone$");

	private static final Pattern HEALTH_OR_CONTRACT = Pattern.compile("(?i)^(health|disabilityGrade|contractNumber)$");

	/**
	 * DOMAIN.md's rules that hold whatever the directives say, so a sensitive field added
	 * without its directive, or with a wrong one, fails here: ID numbers are masked for
	 * cadres, departments and partners; phones never reach departments and are masked for
	 * partners; health, disability and contract numbers are always @sensitive.
	 */
	@Test
	void sensitiveFieldsCarryTheDirectivesTheDomainRequires() {
		for (GraphQLObjectType type : personalTypes(this.graphQlSource.schema())) {
			for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
				String name = type.getName() + "." + field.getName();
				GraphQLAppliedDirective sensitive = field.getAppliedDirective("sensitive");
				if (ID_NUMBER.matcher(field.getName()).matches()) {
					assertThat(sensitive).as(name).isNotNull();
					assertThat(argument(sensitive, "mask").toString()).as(name).isEqualTo("ID_NUMBER");
					assertThat((Collection<Object>) argument(sensitive, "whole")).as(name)
						.doesNotContain("VILLAGE_CADRE", "DEPARTMENT_OFFICER", "PARTNER", "DASHBOARD_VIEWER");
					assertThat((Collection<Object>) argument(sensitive, "departments")).as(name).isEmpty();
				}
				if (PHONE.matcher(field.getName()).matches()) {
					assertThat(sensitive).as(name).isNotNull();
					assertThat(argument(sensitive, "mask").toString()).as(name).isEqualTo("PHONE");
					assertThat((Collection<Object>) argument(sensitive, "whole")).as(name)
						.doesNotContain("DEPARTMENT_OFFICER", "PARTNER");
					assertThat((Collection<Object>) argument(sensitive, "masked")).as(name)
						.doesNotContain("DEPARTMENT_OFFICER");
				}
				if (HEALTH_OR_CONTRACT.matcher(field.getName()).matches()) {
					assertThat(sensitive).as(name).isNotNull();
				}
			}
		}
	}

}
