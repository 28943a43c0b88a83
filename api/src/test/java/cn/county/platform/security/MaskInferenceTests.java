package cn.county.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.county.platform.common.ResidentIdNumber;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.DepartmentOfficers;
import cn.county.platform.support.Fixtures;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Masks that cannot be undone. For every demo caller, reads every field of the members
 * and the head of a known household (the fields walked from the running schema, so a new
 * field is read the day it is added), its loans, its data-quality findings, its
 * screening-list entry and a search for it; then tries to rebuild each masked value (ID
 * numbers, phone, loan contract number) from everything the same caller read, and fails:
 * at least {@value #THRESHOLD} candidates stay, and no readable text holds the value or
 * its hidden part.
 *
 * <p>
 * The attacker is given more than it read: the gender and the birth date inside the ID
 * number are assumed known whenever the caller could not read them, so the counts are
 * lower bounds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaskInferenceTests extends AbstractPlatformTests {

	/**
	 * Fewer candidates than this and a caller could try them all, e.g. against another
	 * service.
	 */
	static final int THRESHOLD = 100;

	/**
	 * The county's region code: public, so an attacker always knows the first six
	 * characters.
	 */
	static final String COUNTY_REGION = "411024";

	@Autowired
	GraphQlSource graphQlSource;

	long householdId;

	String householdCode;

	/** The stored ID numbers of the head (first) and the spouse. */
	List<String> idNumbers = new ArrayList<>();

	String phone;

	String contract;

	List<Map<String, Object>> bankApprovals;

	@BeforeAll
	void createHousehold() {
		HttpGraphQlTester admin = this.admin;
		// the probe's case: a woman born 1986-08-28 in the county, an ID number with an
		// order code still free
		this.idNumbers.add(freeIdNumber(LocalDate.of(1986, 8, 28), false));
		this.idNumbers.add(freeIdNumber(LocalDate.of(1984, 2, 10), true));
		this.phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
		Map<String, Object> input = Fixtures.household();
		input.put("head", Fixtures.member("王秀兰", this.idNumbers.get(0)));
		input.put("phone", this.phone);
		Fixtures.Household created = Fixtures.createHousehold(admin, input);
		this.householdId = created.id();
		this.householdCode = created.code();
		long head = created.headId();
		admin.document("mutation($i: AddMemberInput!) { addMember(input: $i) { member { id } } }")
			.variable("i",
					Map.of("householdId", this.householdId, "relation", "SPOUSE", "member",
							Fixtures.member("李建国", this.idNumbers.get(1))))
			.execute()
			.errors()
			.verify();
		// a bank's contract numbering: prefix, year, sequence
		this.contract = "XD2023-" + String.format("%07d", 1_000_000 + System.nanoTime() % 9_000_000L);
		admin.document("mutation($i: IssueLoanInput!) { issueLoan(input: $i) { loan { id } } }")
			.variable("i",
					Map.of("householdId", this.householdId, "borrowerId", head, "bank", "县农村商业银行", "contractNumber",
							this.contract, "amount", 30000, "issuedOn", "2023-06-01", "termMonths", 36, "purpose",
							"养牛"))
			.execute()
			.errors()
			.verify();
		// on the screening list, and a finding about the spouse: recorded birth date a
		// day off the ID's
		this.jdbc.update("UPDATE household SET warning_source = 'CIVIL_AFFAIRS', warning_received_on = ?,"
				+ " screened_on = NULL WHERE id = ?", LocalDate.now().minusDays(3), this.householdId);
		this.jdbc.update("UPDATE member SET birth_date = birth_date + INTERVAL 1 DAY WHERE household_id = ?"
				+ " AND relation = 'SPOUSE'", this.householdId);
		// partner-bank approved for every field of Member and Household; what it had is
		// put back afterwards
		this.bankApprovals = this.jdbc
			.queryForList("SELECT type_name, field_name FROM partner_field_approval WHERE partner_id = 'partner-bank'");
		List<String> every = new ArrayList<>();
		for (String type : List.of("Household", "Member")) {
			this.graphQlSource.schema()
				.getObjectType(type)
				.getFieldDefinitions()
				.forEach((field) -> every.add(type + "." + field.getName()));
		}
		setApproved("partner-bank", every);
	}

	@AfterAll
	void restoreBankApprovals() {
		setApproved("partner-bank",
				this.bankApprovals.stream().map((row) -> row.get("type_name") + "." + row.get("field_name")).toList());
	}

	private void setApproved(String partner, List<String> fields) {
		this.admin
			.document("mutation($p: String!, $f: [String!]!) { setPartnerApprovedFields(input: {partnerId: $p,"
					+ " fields: $f}) { fields } }")
			.variable("p", partner)
			.variable("f", fields)
			.execute()
			.errors()
			.verify();
	}

	/**
	 * A well-formed number of the county for the date and gender that no member holds
	 * yet.
	 */
	private String freeIdNumber(LocalDate birthDate, boolean male) {
		for (int sequence = male ? 999 : 998; sequence > 0; sequence -= 2) {
			String number = ResidentIdNumber.of(COUNTY_REGION, birthDate, sequence);
			Long used = this.jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE id_number = ?", Long.class, number);
			if (used == 0) {
				return number;
			}
		}
		throw new IllegalStateException("no free ID number for " + birthDate);
	}

	@TestFactory
	List<DynamicTest> noCallerRebuildsAMaskedValueFromWhatItReads() {
		List<DynamicTest> tests = new ArrayList<>();
		for (String caller : List.of("county.admin", "town.official", "village.cadre", "hrss.officer",
				"finance.officer", "commerce.officer", DepartmentOfficers.of("AGRICULTURE"), "dashboard.viewer",
				"partner-bank", "partner-insurer")) {
			tests.add(DynamicTest.dynamicTest(caller, () -> attack(caller)));
		}
		return tests;
	}

	/**
	 * What one caller read: each field's values, in order (members: head first), and
	 * every text it received.
	 */
	private static final class Read {

		final Map<String, List<Object>> values = new LinkedHashMap<>();

		final List<String> texts = new ArrayList<>();

		void add(String field, Object value) {
			this.values.computeIfAbsent(field, (key) -> new ArrayList<>()).add(value);
			collect(value);
		}

		private void collect(Object value) {
			if (value instanceof Map<?, ?> map) {
				map.values().forEach(this::collect);
			}
			else if (value instanceof Collection<?> list) {
				list.forEach(this::collect);
			}
			else if (value != null) {
				this.texts.add(value.toString());
			}
		}

		List<Object> of(String field) {
			return this.values.getOrDefault(field, List.of());
		}

	}

	private void attack(String caller) throws Exception {
		Read read = caller.equals("partner-bank") ? readAsBank() : readAll(caller);
		boolean wholeIds = caller.equals("county.admin") || caller.equals("town.official");
		// ID numbers: the members', the head's on the household, the screening entry's
		// and the findings'
		List<String> birthDates = strings(read.of("Member.birthDate"));
		List<String> genders = strings(read.of("Member.gender"));
		for (int i = 0; i < this.idNumbers.size(); i++) {
			String stored = this.idNumbers.get(i);
			List<String> seen = new ArrayList<>();
			if (read.of("Member.idNumber").size() > i) {
				seen.add(string(read.of("Member.idNumber").get(i)));
			}
			if (i == 0) {
				read.of("Household.headIdNumber").forEach((value) -> seen.add(string(value)));
				read.of("ScreeningEntry.headIdNumber").forEach((value) -> seen.add(string(value)));
			}
			read.of("DataQualityFinding.memberIdNumber").forEach((value) -> seen.add(string(value)));
			for (String value : seen) {
				if (value == null || (wholeIds && value.equals(stored))) {
					continue;
				}
				if (value.length() == 18 && !value.equals(stored) && !matches(value, stored)) {
					continue; // another member's number in a finding
				}
				assertThat(value).as(caller + " reads a masked ID number").isNotEqualTo(stored);
				// worst case: the birth date inside the number and the gender are known,
				// whether or not the caller
				// read them (it reads the recorded birth date whole; for the spouse that
				// one is a day off)
				LocalDate birth = ResidentIdNumber.birthDate(stored).orElseThrow();
				if (birthDates.size() > i && birthDates.get(i) != null && i == 0) {
					assertThat(LocalDate.parse(birthDates.get(i))).as(caller + " reads the head's birth date")
						.isEqualTo(birth);
				}
				boolean male = (genders.size() > i && genders.get(i) != null) ? genders.get(i).equals("MALE")
						: ResidentIdNumber.gender(stored).equals("MALE");
				long agreeing = candidates(value, Set.of(birth), male, stored);
				assertThat(agreeing)
					.as(caller + ": numbers consistent with " + value + ", the county, the gender and"
							+ " the birth date")
					.isGreaterThanOrEqualTo(THRESHOLD);
			}
			if (!wholeIds) {
				String hidden = stored.substring(6);
				assertThat(read.texts).as(caller + " finds the ID number, or its hidden part, in no text it reads")
					.noneMatch((text) -> text.contains(stored) || text.contains(hidden));
			}
		}
		// the phone: whole for the county, towns and villages; masked for partners;
		// refused to departments
		boolean wholePhone = Set.of("county.admin", "town.official", "village.cadre").contains(caller);
		for (Object value : read.of("Household.phone")) {
			if (value == null || wholePhone) {
				continue;
			}
			String masked = value.toString();
			assertThat(masked).as(caller + " phone").isNotEqualTo(this.phone);
			long hidden = masked.chars().filter((c) -> c == '*').count();
			assertThat(Math.pow(10, hidden)).as(caller + ": phones consistent with " + masked)
				.isGreaterThanOrEqualTo(THRESHOLD);
		}
		if (!wholePhone) {
			assertThat(read.texts).as(caller + " finds the phone in no text").noneMatch((t) -> t.contains(this.phone));
		}
		// the contract number: whole for the county, towns and FINANCE; masked for cadres
		// and partners
		boolean wholeContract = Set.of("county.admin", "town.official", "finance.officer").contains(caller);
		for (Object value : read.of("Loan.contractNumber")) {
			if (value == null || wholeContract) {
				continue;
			}
			String masked = value.toString();
			assertThat(masked).as(caller + " contract").isNotEqualTo(this.contract);
			// kept: the bank's prefix; the year is the issue year; the sequence is any of
			// the year's contracts
			assertThat(masked.substring(2)).as(caller + " contract beyond the prefix").matches("\\*+");
			long sameYear = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM loan WHERE YEAR(issued_on) = 2023 AND contract_number LIKE 'XD2023-%'",
					Long.class);
			assertThat(sameYear).as(caller + ": contract numbers of 2023 consistent with " + masked)
				.isGreaterThanOrEqualTo(THRESHOLD);
		}
		if (!wholeContract) {
			assertThat(read.texts).as(caller + " finds the contract number in no text")
				.noneMatch((text) -> text.contains(this.contract) || text.contains(this.contract.substring(2)));
		}
	}

	/**
	 * Every field of Household, Member and Loan (from the running schema), of the
	 * findings and the screening entry, and a search by code: one request per field, so a
	 * refused field hides nothing else.
	 */
	private Read readAll(String caller) {
		HttpGraphQlTester tester = caller.startsWith("partner-") ? this.clients.asClient(caller, caller + "-dev-secret")
				: this.clients.as(caller);
		Read read = new Read();
		readType(tester, read, "Household", "household(id: $id) {", "}", "household");
		readType(tester, read, "Member", "household(id: $id) { members {", "} }", "household.members");
		readType(tester, read, "Loan", "household(id: $id) { loans {", "} }", "household.loans");
		readType(tester, read, "DataQualityFinding", "dataQualityFindings(householdId: $id) { edges { node {", "} } }",
				"dataQualityFindings.edges[*].node");
		readType(tester, read, "ScreeningEntry", "screeningList(householdId: $id) { edges { node {", "} } }",
				"screeningList.edges[*].node");
		GraphQlTester.Response search = tester
			.document(
					"query($s: String) { households(filter: {search: $s}) { edges { node { headIdNumber phone } } } }")
			.variable("s", this.householdCode)
			.execute();
		search.errors().satisfy((errors) -> {
		});
		read.add("search", valueAt(search, "households"));
		return read;
	}

	private void readType(HttpGraphQlTester tester, Read read, String type, String open, String close, String prefix) {
		GraphQLObjectType object = this.graphQlSource.schema().getObjectType(type);
		for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
			boolean nested = GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType;
			String selection = field.getName() + (nested ? " { __typename }" : "");
			GraphQlTester.Response response = tester
				.document("query($id: ID!) { " + open + " " + selection + " " + close + " }")
				.variable("id", this.householdId)
				.execute();
			response.errors().satisfy((errors) -> {
			});
			String root = open.substring(0, open.indexOf('('));
			if (valueAt(response, root) == null) {
				continue;
			}
			List<Object> values = new ArrayList<>();
			if (prefix.endsWith("[*].node")) {
				// a connection: every edge's node
				Object edges = valueAt(response, prefix.substring(0, prefix.length() - "[*].node".length()));
				if (edges instanceof List<?> list) {
					list.forEach(
							(edge) -> values.add(((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get(field.getName())));
				}
			}
			else if (prefix.endsWith("members") || prefix.endsWith("loans")) {
				values.addAll(listAt(response, prefix, field.getName()));
			}
			else {
				values.add(valueAt(response, prefix + "." + field.getName()));
			}
			values.forEach((value) -> read.add(type + "." + field.getName(), value));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Object> listAt(GraphQlTester.Response response, String listPath, String field) {
		List<Object> rows = new ArrayList<>();
		Object list = valueAt(response, listPath);
		if (list instanceof List<?> items) {
			for (Object item : items) {
				rows.add((item instanceof Map<?, ?> map) ? ((Map<String, Object>) map).get(field) : null);
			}
		}
		return rows;
	}

	private static Object valueAt(GraphQlTester.Response response, String path) {
		// null when the path is not in the response (a parent refused or null)
		return response.returnResponse().field(path).getValue();
	}

	/**
	 * partner-bank may send only its trusted documents: what it reads is exactly what
	 * they select.
	 */
	private Read readAsBank() throws Exception {
		HttpGraphQlTester bank = this.clients.bank();
		Read read = new Read();
		for (String name : List.of("householdForLoan", "householdLoans")) {
			String document = new ClassPathResource("trusted-documents/partner-bank/" + name + ".graphql")
				.getContentAsString(StandardCharsets.UTF_8);
			GraphQlTester.Response response = bank.document(document).variable("code", this.householdCode).execute();
			response.errors().satisfy((errors) -> {
			});
			Object household = valueAt(response, "householdByCode");
			if (!(household instanceof Map<?, ?> fields)) {
				continue;
			}
			fields.forEach((field, value) -> {
				if (field.equals("loans") && value instanceof List<?> loans) {
					loans.forEach((loan) -> ((Map<?, ?>) loan).forEach((f, v) -> read.add("Loan." + f, v)));
				}
				else {
					read.add("Household." + field, value);
				}
			});
		}
		return read;
	}

	/**
	 * How many well-formed ID numbers agree with the masked one, on the dates given, with
	 * the gender's parity: the region the mask shows (else the county's), every order
	 * code of that parity, the check character computed. The stored number must be among
	 * them when its own birth date is given (the count is of real candidates).
	 */
	static long candidates(String masked, Set<LocalDate> dates, boolean male, String stored) {
		String region = masked.substring(0, 6).contains("*") ? COUNTY_REGION : masked.substring(0, 6);
		long count = 0;
		boolean storedFound = false;
		for (LocalDate date : dates) {
			for (int sequence = 0; sequence < 1000; sequence++) {
				if ((sequence % 2 == 1) != male) {
					continue;
				}
				String candidate = ResidentIdNumber.of(region, date, sequence);
				if (matches(masked, candidate)) {
					count++;
					storedFound |= candidate.equals(stored);
				}
			}
		}
		assertThat(storedFound).as("the stored number is among the candidates of " + masked).isTrue();
		return count;
	}

	/** Whether a candidate agrees with every character the mask kept. */
	static boolean matches(String masked, String candidate) {
		if (masked.length() != candidate.length()) {
			return false;
		}
		for (int i = 0; i < masked.length(); i++) {
			if (masked.charAt(i) != '*' && masked.charAt(i) != candidate.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static List<String> strings(List<Object> values) {
		return values.stream().map(MaskInferenceTests::string).toList();
	}

	private static String string(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
