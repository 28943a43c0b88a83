package cn.county.platform.exchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import cn.county.platform.exchange.programmes.CertificateImporter.CertificateColumn;
import cn.county.platform.exchange.programmes.LoanImporter.LoanColumn;
import cn.county.platform.exchange.programmes.RepaymentImporter.RepaymentColumn;
import cn.county.platform.exchange.programmes.SaleImporter.SaleColumn;
import cn.county.platform.exchange.programmes.TrainingImporter.TrainingColumn;
import cn.county.platform.exchange.roster.RosterColumn;
import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The programme rosters (item 3 of the issue) over real HTTP with real tokens: trainings
 * and certificates of the human resources and social security bureau, loans and
 * repayments from a bank's statement for the finance bureau, consumption-assistance sales
 * of the commerce bureau. For each: a dry run that writes nothing, an apply through the
 * domain's service, the same file again changing nothing, bad rows reported with their
 * column and reason, and another department refused.
 */
class ProgrammeImportTests extends AbstractPlatformTests {

	@LocalServerPort
	int port;

	Imports imports;

	String adult;

	String spouse;

	@BeforeEach
	void registerAHousehold() {
		this.imports = new Imports(this.port);
		String town = this.jdbc.queryForObject("SELECT name FROM town WHERE code = ?", String.class, Fixtures.TOWN);
		String village = this.jdbc.queryForObject("SELECT name FROM village WHERE code = ?", String.class,
				Fixtures.VILLAGE);
		this.adult = Fixtures.idNumber(LocalDate.of(1984, 5, 6));
		this.spouse = Fixtures.idNumber(LocalDate.of(1986, 7, 8));
		String code = Fixtures.code();
		RosterFile<RosterColumn> roster = new RosterFile<>(RosterColumn.class);
		for (String id : new String[] { this.adult, this.spouse }) {
			roster.row(RosterFile.cells(RosterColumn.TOWN, town, RosterColumn.VILLAGE, village,
					RosterColumn.HOUSEHOLD_CODE, code, RosterColumn.NAME, id.equals(this.adult) ? "冯军" : "冯妻",
					RosterColumn.ID_NUMBER, id, RosterColumn.RELATION, id.equals(this.adult) ? "户主" : "配偶",
					RosterColumn.INCOME_PER_CAPITA, "9000", RosterColumn.CATEGORY, "脱贫户", RosterColumn.SCHOOLING,
					"非在校生", RosterColumn.HEALTH, "健康", RosterColumn.LABOUR_CAPACITY, "普通劳动力"));
		}
		Imports.Job job = this.imports.run("county.admin", "roster", roster.xlsx(), "r.xlsx", false);
		assertThat(job.number("rowsApplied")).as(job.toString()).isEqualTo(2);
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

	private static Map<String, Object> refusal(Imports.Job job, int row) {
		return job.refusals()
			.stream()
			.filter((refusal) -> ((Number) refusal.get("row")).intValue() == row)
			.findFirst()
			.orElseThrow(() -> new AssertionError("row " + row + " not refused: " + job));
	}

	/**
	 * The dry run, the apply and the same file again, as {@code user}: {@code good} rows
	 * apply, the others are refused, and the second upload changes nothing.
	 */
	private Imports.Job applyTwice(String user, String kind, byte[] file, int good, int bad, Runnable nothingWritten) {
		Imports.Job dry = this.imports.run(user, kind, file, kind + ".csv", true);
		assertThat(dry.status()).as(dry.toString()).isEqualTo("SUCCEEDED");
		assertThat(dry.number("rowsApplied")).as(dry.toString()).isEqualTo(good);
		assertThat(dry.number("rowsRefused")).as(dry.toString()).isEqualTo(bad);
		nothingWritten.run();
		Imports.Job applied = this.imports.run(user, kind, file, kind + ".csv", false);
		assertThat(applied.number("rowsApplied")).as(applied.toString()).isEqualTo(good);
		assertThat(applied.number("rowsRefused")).as(applied.toString()).isEqualTo(bad);
		Imports.Job again = this.imports.run(user, kind, file, kind + ".csv", false);
		assertThat(again.number("rowsApplied")).as("the same file twice: " + again).isZero();
		assertThat(again.number("rowsUnchanged")).isEqualTo(good);
		return applied;
	}

	private int audited(String entityType) {
		return count("SELECT COUNT(*) FROM audit_log WHERE entity_type = ?", entityType);
	}

	@Test
	void hrssImportsTrainingsThroughTheSkillService() {
		RosterFile<TrainingColumn> file = new RosterFile<>(TrainingColumn.class);
		file.row(RosterFile.cells(TrainingColumn.ID_NUMBER, this.adult, TrainingColumn.COURSE, "电工培训",
				TrainingColumn.PROVIDER, "县职教中心", TrainingColumn.START_DATE, "2023-03-01", TrainingColumn.END_DATE,
				"2023-03-20", TrainingColumn.COMPLETED, "是"));
		file.row(RosterFile.cells(TrainingColumn.ID_NUMBER, Fixtures.idNumber(LocalDate.of(1970, 1, 1)),
				TrainingColumn.COURSE, "电工培训", TrainingColumn.PROVIDER, "县职教中心", TrainingColumn.START_DATE,
				"2023-03-01"));
		file.row(RosterFile.cells(TrainingColumn.ID_NUMBER, this.spouse, TrainingColumn.COURSE, "家政培训",
				TrainingColumn.PROVIDER, "县妇联", TrainingColumn.START_DATE, "三月一日"));
		file.row(RosterFile.cells(TrainingColumn.ID_NUMBER, this.spouse, TrainingColumn.COURSE, "家政培训",
				TrainingColumn.PROVIDER, "县妇联", TrainingColumn.START_DATE, LocalDate.now().plusDays(30).toString()));
		byte[] csv = file.csv(StandardCharsets.UTF_8, true);
		int audits = audited("Training");
		Imports.Job applied = applyTwice("hrss.officer", "trainings", csv, 1, 3,
				() -> assertThat(trainingsOf(this.adult)).isZero());
		assertThat(trainingsOf(this.adult)).isEqualTo(1);
		assertThat(trainingsOf(this.spouse)).isZero();
		assertThat(audited("Training")).isEqualTo(audits + 1);
		assertThat(refusal(applied, 3).get("column")).isEqualTo("证件号码");
		assertThat(refusal(applied, 3).get("reason").toString()).contains("未登记");
		assertThat(refusal(applied, 4).get("column")).isEqualTo("开始日期");
		assertThat(refusal(applied, 5).get("column")).isEqualTo("开始日期");
		assertThat(refusal(applied, 5).get("reason").toString()).contains("future");

		RosterFile<TrainingColumn> changed = new RosterFile<>(TrainingColumn.class);
		changed.row(RosterFile.cells(TrainingColumn.ID_NUMBER, this.adult, TrainingColumn.COURSE, "电工培训",
				TrainingColumn.PROVIDER, "市技工学校", TrainingColumn.START_DATE, "2023-03-01"));
		Imports.Job update = this.imports.run("hrss.officer", "trainings", changed.csv(StandardCharsets.UTF_8, true),
				"t.csv", false);
		assertThat(update.number("rowsApplied")).as(update.toString()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT t.provider FROM training t JOIN member m ON m.id = t.member_id WHERE m.id_number = ?",
				String.class, this.adult))
			.isEqualTo("市技工学校");
		assertThat(trainingsOf(this.adult)).as("the same training, updated").isEqualTo(1);

		// row scope per row: a town official's rows of another town are refused, not
		// skipped
		String elsewhere = this.jdbc.queryForObject(
				"SELECT m.id_number FROM member m JOIN household h"
						+ " ON h.id = m.household_id WHERE h.town_code = ? AND (SELECT COUNT(*) FROM member o"
						+ " WHERE o.id_number = m.id_number) = 1 ORDER BY m.id LIMIT 1",
				String.class, Fixtures.OTHER_TOWN);
		RosterFile<TrainingColumn> towns = new RosterFile<>(TrainingColumn.class);
		towns.row(RosterFile.cells(TrainingColumn.ID_NUMBER, this.spouse, TrainingColumn.COURSE, "面点培训",
				TrainingColumn.PROVIDER, "镇文化站", TrainingColumn.START_DATE, "2023-05-01"));
		towns.row(RosterFile.cells(TrainingColumn.ID_NUMBER, elsewhere, TrainingColumn.COURSE, "面点培训",
				TrainingColumn.PROVIDER, "镇文化站", TrainingColumn.START_DATE, "2023-05-01"));
		Imports.Job town = this.imports.run("town.official", "trainings", towns.csv(StandardCharsets.UTF_8, true),
				"t.csv", false);
		assertThat(town.number("rowsApplied")).as(town.toString()).isEqualTo(1);
		assertThat(town.number("rowsRefused")).isEqualTo(1);
		assertThat(refusal(town, 3).get("reason").toString()).contains("不在您的辖区");
		assertThat(trainingsOf(elsewhere)).isZero();

		assertThat(this.imports.refused("finance.officer", "trainings", csv, "t.csv").status()).isEqualTo(403);
		assertThat(this.imports.refused("commerce.officer", "certificates", csv, "t.csv").status()).isEqualTo(403);
	}

	private int trainingsOf(String idNumber) {
		return count("SELECT COUNT(*) FROM training t JOIN member m ON m.id = t.member_id WHERE m.id_number = ?",
				idNumber);
	}

	@Test
	void hrssImportsCertificatesThroughTheSkillService() {
		String number = "ZS" + System.nanoTime() % 1_000_000_000L;
		RosterFile<CertificateColumn> file = new RosterFile<>(CertificateColumn.class);
		file.row(RosterFile.cells(CertificateColumn.ID_NUMBER, this.adult, CertificateColumn.CERTIFICATE, "电工证",
				CertificateColumn.KIND, "特种作业操作证", CertificateColumn.ISSUED_ON, "2023-04-01", CertificateColumn.NUMBER,
				number));
		file.row(RosterFile.cells(CertificateColumn.ID_NUMBER, this.spouse, CertificateColumn.CERTIFICATE, "育婴员",
				CertificateColumn.KIND, "驾照", CertificateColumn.ISSUED_ON, "2023-04-01", CertificateColumn.NUMBER,
				number + "B"));
		file.row(RosterFile.cells(CertificateColumn.ID_NUMBER, this.spouse, CertificateColumn.CERTIFICATE, "育婴员",
				CertificateColumn.KIND, "职业技能等级证书", CertificateColumn.ISSUED_ON, "2023-04-01"));
		byte[] csv = file.csv(StandardCharsets.UTF_8, true);
		Imports.Job applied = applyTwice("hrss.officer", "certificates", csv, 1, 2,
				() -> assertThat(certificatesOf(this.adult)).isZero());
		assertThat(certificatesOf(this.adult)).isEqualTo(1);
		assertThat(certificatesOf(this.spouse)).isZero();
		assertThat(refusal(applied, 3).get("column")).isEqualTo("证书类别");
		assertThat(refusal(applied, 4).get("column")).isEqualTo("证书编号");
		assertThat(this.jdbc.queryForObject(
				"SELECT c.kind FROM certificate c JOIN member m ON m.id = c.member_id WHERE m.id_number = ?",
				String.class, this.adult))
			.isEqualTo("SPECIAL_OPERATION");
		assertThat(this.imports.refused("finance.officer", "certificates", csv, "c.csv").status()).isEqualTo(403);
	}

	private int certificatesOf(String idNumber) {
		return count("SELECT COUNT(*) FROM certificate c JOIN member m ON m.id = c.member_id WHERE m.id_number = ?",
				idNumber);
	}

	@Test
	void financeImportsABanksLoansAndRepaymentsThroughTheLoanService() {
		String contract = "XD2023-" + System.nanoTime() % 10_000_000L;
		RosterFile<LoanColumn> loans = new RosterFile<>(LoanColumn.class);
		loans.row(RosterFile.cells(LoanColumn.ID_NUMBER, this.adult, LoanColumn.BANK, "县农商银行",
				LoanColumn.CONTRACT_NUMBER, contract, LoanColumn.AMOUNT, "30000", LoanColumn.ISSUED_ON, "2023-03-01",
				LoanColumn.TERM_MONTHS, "36", LoanColumn.PURPOSE, "养殖"));
		loans.row(RosterFile.cells(LoanColumn.ID_NUMBER, this.spouse, LoanColumn.BANK, "县农商银行",
				LoanColumn.CONTRACT_NUMBER, contract + "9", LoanColumn.AMOUNT, "80000", LoanColumn.ISSUED_ON,
				"2023-03-01", LoanColumn.TERM_MONTHS, "36", LoanColumn.PURPOSE, "养殖"));
		loans.row(RosterFile.cells(LoanColumn.ID_NUMBER, this.spouse, LoanColumn.BANK, "县农商银行",
				LoanColumn.CONTRACT_NUMBER, contract + "8", LoanColumn.AMOUNT, "20000", LoanColumn.ISSUED_ON,
				"2023-03-01", LoanColumn.TERM_MONTHS, "三年", LoanColumn.PURPOSE, "养殖"));
		byte[] csv = loans.csv(StandardCharsets.UTF_8, true);
		String ofContract = "SELECT COUNT(*) FROM loan WHERE contract_number = ?";
		Imports.Job applied = applyTwice("finance.officer", "loans", csv, 1, 2,
				() -> assertThat(count(ofContract, contract)).isZero());
		assertThat(count(ofContract, contract)).isEqualTo(1);
		assertThat(refusal(applied, 3).get("column")).isEqualTo("贷款金额(元)");
		assertThat(refusal(applied, 4).get("column")).isEqualTo("贷款期限(月)");
		assertThat(this.imports.refused("hrss.officer", "loans", csv, "l.csv").status()).isEqualTo(403);
		assertThat(this.imports.refused("town.official", "loans", csv, "l.csv").status()).isEqualTo(403);

		RosterFile<RepaymentColumn> repayments = new RosterFile<>(RepaymentColumn.class);
		repayments.row(RosterFile.cells(RepaymentColumn.ID_NUMBER, this.adult, RepaymentColumn.BANK, "县农商银行",
				RepaymentColumn.CONTRACT_NUMBER, contract, RepaymentColumn.REPAID_ON, "2023-06-01",
				RepaymentColumn.AMOUNT, "5000"));
		repayments.row(RosterFile.cells(RepaymentColumn.ID_NUMBER, this.adult, RepaymentColumn.BANK, "县农商银行",
				RepaymentColumn.CONTRACT_NUMBER, contract, RepaymentColumn.REPAID_ON, "2023-07-01",
				RepaymentColumn.AMOUNT, "90000"));
		repayments.row(RosterFile.cells(RepaymentColumn.ID_NUMBER, this.adult, RepaymentColumn.BANK, "县农商银行",
				RepaymentColumn.CONTRACT_NUMBER, "NO-SUCH-1", RepaymentColumn.REPAID_ON, "2023-07-01",
				RepaymentColumn.AMOUNT, "100"));
		byte[] statement = repayments.csv(StandardCharsets.UTF_8, true);
		String balance = "SELECT e.balance_after FROM loan_event e JOIN loan l ON l.id = e.loan_id"
				+ " WHERE l.contract_number = ? ORDER BY e.seq DESC LIMIT 1";
		Imports.Job repaid = applyTwice("finance.officer", "repayments", statement, 1, 2,
				() -> assertThat(this.jdbc.queryForObject(balance, BigDecimal.class, contract))
					.isEqualByComparingTo("30000"));
		assertThat(this.jdbc.queryForObject(balance, BigDecimal.class, contract)).isEqualByComparingTo("25000");
		assertThat(refusal(repaid, 3).get("column")).isEqualTo("还款金额(元)");
		assertThat(refusal(repaid, 4).get("column")).isEqualTo("合同编号");
		assertThat(this.imports.refused("commerce.officer", "repayments", statement, "r.csv").status()).isEqualTo(403);
	}

	@Test
	void commerceImportsSalesThroughTheSalesService() {
		Map<String, Object> seller = this.jdbc.queryForMap(
				"SELECT s.id, s.name FROM seller s WHERE s.kind = 'ENTERPRISE' AND s.town_code = ?"
						+ " AND (SELECT COUNT(*) FROM seller o WHERE o.name = s.name) = 1 ORDER BY s.id LIMIT 1",
				Fixtures.TOWN);
		String name = seller.get("name").toString();
		String month = YearMonth.now().minusMonths(1).toString();
		String product = "土鸡蛋" + System.nanoTime() % 100_000L;
		RosterFile<SaleColumn> file = new RosterFile<>(SaleColumn.class);
		file.row(RosterFile.cells(SaleColumn.SELLER, name, SaleColumn.PRODUCT, product, SaleColumn.CATEGORY, "禽蛋",
				SaleColumn.CHANNEL, "线下活动", SaleColumn.MONTH, month, SaleColumn.QUANTITY, "120", SaleColumn.UNIT, "斤",
				SaleColumn.AMOUNT, "1800", SaleColumn.HOUSEHOLDS_BENEFITING, "6"));
		file.row(RosterFile.cells(SaleColumn.SELLER, "没有这家公司", SaleColumn.PRODUCT, product, SaleColumn.CATEGORY, "禽蛋",
				SaleColumn.CHANNEL, "线下活动", SaleColumn.MONTH, month, SaleColumn.QUANTITY, "1", SaleColumn.UNIT, "斤",
				SaleColumn.AMOUNT, "15"));
		file.row(RosterFile.cells(SaleColumn.SELLER, name, SaleColumn.PRODUCT, product + "X", SaleColumn.CATEGORY, "禽蛋",
				SaleColumn.CHANNEL, "地摊", SaleColumn.MONTH, month, SaleColumn.QUANTITY, "1", SaleColumn.UNIT, "斤",
				SaleColumn.AMOUNT, "15"));
		byte[] csv = file.csv(StandardCharsets.UTF_8, true);
		String ofProduct = "SELECT COUNT(*) FROM sale WHERE product = ?";
		Imports.Job applied = applyTwice("commerce.officer", "sales", csv, 1, 2,
				() -> assertThat(count(ofProduct, product)).isZero());
		assertThat(count(ofProduct, product)).isEqualTo(1);
		assertThat(refusal(applied, 3).get("column")).isEqualTo("经营主体");
		assertThat(refusal(applied, 4).get("column")).isEqualTo("销售渠道");

		RosterFile<SaleColumn> corrected = new RosterFile<>(SaleColumn.class);
		corrected.row(RosterFile.cells(SaleColumn.SELLER, name, SaleColumn.PRODUCT, product, SaleColumn.CATEGORY, "禽蛋",
				SaleColumn.CHANNEL, "线下活动", SaleColumn.MONTH, month, SaleColumn.QUANTITY, "120", SaleColumn.UNIT, "斤",
				SaleColumn.AMOUNT, "1950"));
		Imports.Job update = this.imports.run("commerce.officer", "sales", corrected.csv(StandardCharsets.UTF_8, true),
				"s.csv", false);
		assertThat(update.number("rowsApplied")).as(update.toString()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT amount FROM sale WHERE product = ?", BigDecimal.class, product))
			.isEqualByComparingTo("1950");
		assertThat(this.imports.refused("hrss.officer", "sales", csv, "s.csv").status()).isEqualTo(403);
		assertThat(this.imports.refused("finance.officer", "sales", csv, "s.csv").status()).isEqualTo(403);
	}

}
