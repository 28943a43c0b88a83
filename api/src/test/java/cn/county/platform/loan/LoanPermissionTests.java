package cn.county.platform.loan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.county.platform.common.Masks;
import cn.county.platform.support.AbstractPlatformTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static cn.county.platform.loan.LoanFixtures.assertRefused;
import static cn.county.platform.loan.LoanFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may write loans (the county and FINANCE), and who sees a contract number how, with
 * real tokens.
 */
class LoanPermissionTests extends AbstractPlatformTests {

	private static final String PARTNER = "partner-bank";

	@Test
	void financeOfficerCanIssueAndRepayALoan() {
		HttpGraphQlTester finance = this.clients.financeOfficer();
		long id = LoanFixtures.issue(finance, LoanFixtures.issueInput(LoanFixtures.household(this.admin)));
		finance.documentName("recordRepayment")
			.fragmentName("loanFields")
			.variable("input", Map.of("loanId", id, "amount", 500, "repaidOn", today().toString()))
			.execute()
			.path("recordRepayment.loan.balance")
			.entity(Double.class)
			.isEqualTo(29500.0);
	}

	@Test
	void countyAdminCanIssueALoan() {
		LoanFixtures.issue(this.admin, LoanFixtures.issueInput(LoanFixtures.household(this.admin)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "hrss.officer", "village.cadre", "town.official", "dashboard.viewer" })
	void otherRolesAndDepartmentsCannotIssueALoan(String user) {
		Map<String, Object> input = LoanFixtures.issueInput(LoanFixtures.household(this.admin));
		HttpGraphQlTester tester = this.clients.as(user);
		assertRefused(this.jdbc,
				() -> tester.documentName("issueLoan").fragmentName("loanFields").variable("input", input).execute(),
				null, "FORBIDDEN");
	}

	@ParameterizedTest
	@ValueSource(strings = { "hrss.officer", "village.cadre", "town.official" })
	void otherRolesCannotRecordEventsOnALoan(String user) {
		long id = LoanFixtures.issue(this.admin, LoanFixtures.issueInput(LoanFixtures.household(this.admin)));
		HttpGraphQlTester tester = this.clients.as(user);
		String today = today().toString();
		assertRefused(this.jdbc,
				() -> tester.documentName("recordRepayment")
					.fragmentName("loanFields")
					.variable("input", Map.of("loanId", id, "amount", 100, "repaidOn", today))
					.execute(),
				null, "FORBIDDEN");
		assertRefused(this.jdbc,
				() -> tester.documentName("topUpLoan")
					.fragmentName("loanFields")
					.variable("input", Map.of("loanId", id, "amount", 100, "toppedUpOn", today))
					.execute(),
				null, "FORBIDDEN");
	}

	/**
	 * The bank is held to its trusted documents, so its write is refused before it runs;
	 * the insurer, which is not, reaches the method security and is refused there.
	 */
	@ParameterizedTest
	@ValueSource(strings = { PARTNER, "partner-insurer" })
	void partnersCannotWriteLoans(String client) {
		HttpGraphQlTester partner = this.clients.asClient(client, client + "-dev-secret");
		Map<String, Object> input = LoanFixtures.issueInput(LoanFixtures.household(this.admin));
		assertRefused(this.jdbc,
				() -> partner.documentName("issueLoan").fragmentName("loanFields").variable("input", input).execute(),
				null, "FORBIDDEN");
		long id = LoanFixtures.issue(this.admin, LoanFixtures.issueInput(LoanFixtures.household(this.admin)));
		assertRefused(this.jdbc,
				() -> partner.documentName("recordRepayment")
					.fragmentName("loanFields")
					.variable("input", Map.of("loanId", id, "amount", 100, "repaidOn", today().toString()))
					.execute(),
				null, "FORBIDDEN");
	}

	@Test
	void theContractNumberIsWholeForTheCountyTownsAndFinanceMaskedForCadresAndForbiddenToOtherDepartments() {
		Map<String, Object> input = LoanFixtures.issueInput(LoanFixtures.household(this.admin));
		long id = LoanFixtures.issue(this.admin, input);
		String contract = (String) input.get("contractNumber");
		String masked = Masks.contractNumber(contract);
		assertThat(contractAs(this.admin, id)).isEqualTo(contract);
		assertThat(contractAs(this.clients.townOfficial(), id)).isEqualTo(contract);
		assertThat(contractAs(this.clients.financeOfficer(), id)).isEqualTo(contract);
		assertThat(contractAs(this.clients.villageCadre(), id)).isEqualTo(masked).isNotEqualTo(contract);
		GraphQlTester.Response hrss = this.clients.hrssOfficer()
			.documentName("loanContract")
			.variable("id", id)
			.execute();
		hrss.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((ResponseError error) -> {
			assertThat(error.getPath()).isEqualTo("loan.contractNumber");
			assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
		}));
		hrss.path("loan.contractNumber").valueIsNull();
		hrss.path("loan.balance").entity(Double.class).isEqualTo(30000.0);
	}

	/**
	 * The bank reads a household's loans through its trusted document. Approvals are
	 * written straight to the table and put back afterwards: what is tested here is how
	 * the field policy reads them, not the approval mutation.
	 */
	@Test
	void thePartnerBankSeesContractNumbersOnlyWhenApprovedAndThenOnlyMasked() throws Exception {
		long[] household = LoanFixtures.household(this.admin);
		long id = LoanFixtures.issue(this.admin, LoanFixtures.issueInput(household));
		Map<String, Object> row = this.jdbc.queryForMap("SELECT l.contract_number, h.code FROM loan l"
				+ " JOIN household h ON h.id = l.household_id WHERE l.id = ?", id);
		String contract = (String) row.get("contract_number");
		String document = new ClassPathResource("trusted-documents/partner-bank/householdLoans.graphql")
			.getContentAsString(StandardCharsets.UTF_8);
		List<Map<String, Object>> approved = this.jdbc
			.queryForList("SELECT type_name, field_name FROM partner_field_approval WHERE partner_id = ?", PARTNER);
		HttpGraphQlTester partner = this.clients.asClient(PARTNER, PARTNER + "-dev-secret");
		try {
			approve(List.of("Household.id", "Household.code", "Household.loans", "Loan.id", "Loan.bank",
					"Loan.amountIssued", "Loan.issuedOn", "Loan.maturityDate", "Loan.status", "Loan.balance"));
			GraphQlTester.Response unapproved = partner.document(document).variable("code", row.get("code")).execute();
			unapproved.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getPath()).isEqualTo("householdByCode.loans[0].contractNumber");
				assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
			}));
			unapproved.path("householdByCode.loans[0].balance").entity(Double.class).isEqualTo(30000.0);
			approve(List.of("Household.id", "Household.code", "Household.loans", "Loan.id", "Loan.bank",
					"Loan.contractNumber", "Loan.amountIssued", "Loan.issuedOn", "Loan.maturityDate", "Loan.status",
					"Loan.balance"));
			GraphQlTester.Response approvedRead = partner.document(document)
				.variable("code", row.get("code"))
				.execute();
			approvedRead.errors().verify();
			approvedRead.path("householdByCode.loans[0].contractNumber")
				.entity(String.class)
				.isEqualTo(Masks.contractNumber(contract));
			assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM partner_access_log WHERE partner_id = ?"
							+ " AND fields LIKE '%Loan.contractNumber%' AND household_ids LIKE ?",
					Long.class, PARTNER, "%" + household[0] + "%"))
				.isPositive();
		}
		finally {
			approve(approved.stream().map((r) -> r.get("type_name") + "." + r.get("field_name")).toList());
		}
	}

	private void approve(List<String> fields) {
		this.jdbc.update("DELETE FROM partner_field_approval WHERE partner_id = ?", PARTNER);
		for (String field : fields) {
			String[] parts = field.split("\\.");
			this.jdbc.update("INSERT INTO partner_field_approval (partner_id, type_name, field_name, approved_by)"
					+ " VALUES (?, ?, ?, 'county.admin')", PARTNER, parts[0], parts[1]);
		}
	}

	private static String contractAs(HttpGraphQlTester tester, long id) {
		GraphQlTester.Response response = tester.documentName("loanContract").variable("id", id).execute();
		response.errors().verify();
		return response.path("loan.contractNumber").entity(String.class).get();
	}

}
