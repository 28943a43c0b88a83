package cn.county.platform.exchange;

import java.nio.charset.StandardCharsets;

import cn.county.platform.funds.FundsFixtures;
import cn.county.platform.support.AbstractPlatformTests;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment ledger uploads like every roster: each row through the ledger's own rules
 * (never above the allocation), once however often uploaded, and refused to those who may
 * not record payments.
 */
class FundsImportTests extends AbstractPlatformTests {

	@LocalServerPort
	int port;

	@Test
	void financeImportsPaymentsOnceAndTheLedgerRefusesAnOverspendingRow() {
		Imports imports = new Imports(this.port);
		long project = FundsFixtures.fundedProject(this.admin, FundsFixtures.proposal(), 100_000);
		String file = "\uFEFF项目编号,支付日期,金额(元),凭证号,冲减凭证,备注\r\n" + project + ",2023-04-20,30000,IMP-1,,首笔\r\n" + project
				+ ",2023-05-20,50000,IMP-2,,\r\n" + project + ",2023-06-20,30000,IMP-3,,超支\r\n" + project
				+ ",2023-13-01,100,IMP-4,,\r\n";
		byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
		Imports.Job dry = imports.run("finance.officer", "disbursements", bytes, "ledger.csv", true);
		assertThat(dry.status()).as(dry.toString()).isEqualTo("SUCCEEDED");
		assertThat(paid(project)).isZero();
		Imports.Job applied = imports.run("finance.officer", "disbursements", bytes, "ledger.csv", false);
		assertThat(applied.number("rowsApplied")).as(applied.toString()).isEqualTo(2);
		assertThat(applied.number("rowsRefused")).isEqualTo(2);
		assertThat(applied.refusals()).anySatisfy((refusal) -> {
			assertThat(refusal.get("row")).isEqualTo(4);
			assertThat(refusal.get("column")).isEqualTo("金额(元)");
		});
		assertThat(applied.refusals()).anySatisfy((refusal) -> {
			assertThat(refusal.get("row")).isEqualTo(5);
			assertThat(refusal.get("column")).isEqualTo("支付日期");
		});
		assertThat(paid(project)).isEqualTo(2);
		Imports.Job again = imports.run("finance.officer", "disbursements", bytes, "ledger.csv", false);
		assertThat(again.number("rowsUnchanged")).as(again.toString()).isEqualTo(2);
		assertThat(paid(project)).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT disbursed FROM project WHERE id = ?", Long.class, project))
			.isEqualTo(80_000);
		Imports.Refused official = imports.refused("town.official", "disbursements", bytes, "ledger.csv");
		assertThat(official.status()).isEqualTo(403);
	}

	private long paid(long project) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM disbursement WHERE project_id = ?", Long.class, project);
	}

}
