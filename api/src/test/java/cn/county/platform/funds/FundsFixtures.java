package cn.county.platform.funds;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.county.platform.support.Fixtures;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Fixtures shared by the funds and project-library tests. */
public final class FundsFixtures {

	/**
	 * The tables these features write; a refused request leaves all of them as they were.
	 */
	static final String[] TABLES = { "project", "fund_allocation", "fund_split", "disbursement", "project_benefit",
			"village_collective_income", "audit_log" };

	/**
	 * The legal order, from a proposal to assets handed over (REJECTED is the other
	 * verdict).
	 */
	static final List<String> CHAIN = List.of("PROPOSED", "REVIEWED", "IN_LIBRARY", "APPROVED", "UNDER_CONSTRUCTION",
			"COMPLETED", "ACCEPTED", "HANDED_OVER");

	static final String PROJECT_FIELDS = "id status version allocated disbursed reviewedBy reviewedOn reviewVerdict";

	private static final AtomicLong sequence = new AtomicLong(System.nanoTime() % 1_000_000);

	private FundsFixtures() {
	}

	/** A 2023 water project of the first demo village, owned by the WATER department. */
	public static Map<String, Object> proposal() {
		return proposal(Fixtures.TOWN, Fixtures.VILLAGE, "WATER", "WATER");
	}

	static Map<String, Object> proposal(String town, String village, String category, String department) {
		Map<String, Object> input = new HashMap<>();
		input.put("year", 2023);
		input.put("name", "测试项目" + sequence.incrementAndGet());
		input.put("townCode", town);
		if (village != null) {
			input.put("villageCode", village);
		}
		input.put("category", category);
		input.put("budget", 500000);
		input.put("ownerDepartment", department);
		input.put("plannedStart", "2023-03-01");
		input.put("plannedEnd", "2023-11-30");
		return input;
	}

	static GraphQlTester.Response propose(HttpGraphQlTester caller, Map<String, Object> input) {
		return caller
			.document("mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { project { "
					+ PROJECT_FIELDS + " } } }")
			.variable("input", input)
			.execute();
	}

	static long proposed(HttpGraphQlTester caller, Map<String, Object> input) {
		return propose(caller, input).path("proposeProject.project.id").entity(Long.class).get();
	}

	static GraphQlTester.Response changeStatus(HttpGraphQlTester caller, long id, String status) {
		return caller
			.document("mutation($input: ChangeProjectStatusInput!) { changeProjectStatus(input: $input) { project { "
					+ PROJECT_FIELDS + " } } }")
			.variable("input", Map.of("id", id, "status", status))
			.execute();
	}

	/** Moves a proposed project along the legal order up to {@code status}. */
	static void moveTo(HttpGraphQlTester admin, long id, String status) {
		for (String next : CHAIN.subList(1, CHAIN.indexOf(status) + 1)) {
			changeStatus(admin, id, next).errors().verify();
		}
	}

	static long allocation(HttpGraphQlTester caller, long amount) {
		return recordAllocation(caller, amount).path("recordFundAllocation.allocation.id").entity(Long.class).get();
	}

	static GraphQlTester.Response recordAllocation(HttpGraphQlTester caller, long amount) {
		return caller
			.document("mutation($input: RecordFundAllocationInput!) { recordFundAllocation(input: $input) {"
					+ " allocation { id amount split } } }")
			.variable("input",
					Map.of("year", 2023, "source", "PROVINCIAL", "documentNumber",
							"豫财农〔2023〕" + sequence.incrementAndGet(), "title", "2023年衔接资金", "amount", amount,
							"allocatedOn", "2023-02-15"))
			.execute();
	}

	static GraphQlTester.Response split(HttpGraphQlTester caller, long allocation, long project, long amount) {
		return caller
			.document("mutation($input: SplitFundAllocationInput!) { splitFundAllocation(input: $input) {"
					+ " split { amount project { allocated } } } }")
			.variable("input", Map.of("allocationId", allocation, "projectId", project, "amount", amount))
			.execute();
	}

	/**
	 * An approved project of the first demo village, allocated {@code allocated} yuan.
	 */
	public static long fundedProject(HttpGraphQlTester admin, Map<String, Object> proposal, long allocated) {
		long project = proposed(admin, proposal);
		moveTo(admin, project, "APPROVED");
		split(admin, allocation(admin, allocated), project, allocated).errors().verify();
		return project;
	}

	static GraphQlTester.Response disburse(HttpGraphQlTester caller, long project, Object amount, Long corrects) {
		Map<String, Object> input = new HashMap<>();
		input.put("projectId", project);
		input.put("paidOn", LocalDate.of(2023, 5, 10).toString());
		input.put("amount", amount);
		input.put("voucherNumber", "记-" + sequence.incrementAndGet());
		if (corrects != null) {
			input.put("correctsId", corrects);
		}
		return caller
			.document("mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) {"
					+ " disbursement { id amount correctsId recordedBy } } }")
			.variable("input", input)
			.execute();
	}

	static long disbursed(HttpGraphQlTester caller, long project, Object amount) {
		return disburse(caller, project, amount, null).path("recordDisbursement.disbursement.id")
			.entity(Long.class)
			.get();
	}

}
