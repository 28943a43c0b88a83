package cn.county.platform.funds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Refusals;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static cn.county.platform.funds.FundsFixtures.TABLES;
import static cn.county.platform.funds.FundsFixtures.disburse;
import static cn.county.platform.funds.FundsFixtures.disbursed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger: never above the allocation, corrections as new entries, and two concurrent
 * payments that together would overspend: one recorded, one refused.
 */
class LedgerTests extends AbstractPlatformTests {

	@Test
	void aPaymentAboveTheAllocationIsRefusedNamingTheAmount() {
		long project = FundsFixtures.fundedProject(this.admin, FundsFixtures.proposal(), 100_000);
		disbursed(this.admin, project, 60_000);
		Refusals.assertRefused(this.jdbc, () -> disburse(this.admin, project, 40_000.01, null), "input.amount",
				"CONFLICT", TABLES);
		disbursed(this.admin, project, 40_000);
		assertThat(totals(project)).containsExactly(new BigDecimal("100000.00"), new BigDecimal("100000.00"));
	}

	@Test
	void aCorrectionIsANewNegativeEntryNamingThePaymentAndNoMoreThanItsAmount() {
		long project = FundsFixtures.fundedProject(this.admin, FundsFixtures.proposal(), 100_000);
		long payment = disbursed(this.admin, project, 30_000);
		Refusals.assertRefused(this.jdbc, () -> disburse(this.admin, project, -5_000, null), "input.correctsId",
				"BAD_REQUEST", TABLES);
		disburse(this.admin, project, -10_000, payment).path("recordDisbursement.disbursement.correctsId")
			.entity(Long.class)
			.isEqualTo(payment);
		Refusals.assertRefused(this.jdbc, () -> disburse(this.admin, project, -20_000.01, payment), "input.amount",
				"CONFLICT", TABLES);
		disburse(this.admin, project, -20_000, payment).errors().verify();
		// both entries kept; the payment itself unchanged
		assertThat(
				this.jdbc.queryForList("SELECT amount FROM disbursement WHERE project_id = ? ORDER BY created_at, id",
						BigDecimal.class, project))
			.containsExactly(new BigDecimal("30000.00"), new BigDecimal("-10000.00"), new BigDecimal("-20000.00"));
		assertThat(totals(project).get(1)).isEqualByComparingTo("0");
		// nothing in the schema edits or deletes an entry
		this.admin.document("{ __type(name: \"Mutation\") { fields { name } } }")
			.execute()
			.path("__type.fields[*].name")
			.entityList(String.class)
			.satisfies((names) -> assertThat(names)
				.noneMatch((name) -> name.matches("(?i).*(update|delete|remove)Disbursement.*")));
	}

	@Test
	void anAllocationIsNeverSplitForMoreThanItsAmountNorBelowWhatAProjectPaidOut() {
		long allocation = FundsFixtures.allocation(this.admin, 100_000);
		long first = FundsFixtures.proposed(this.admin, FundsFixtures.proposal());
		long second = FundsFixtures.proposed(this.admin, FundsFixtures.proposal());
		FundsFixtures.moveTo(this.admin, first, "APPROVED");
		FundsFixtures.moveTo(this.admin, second, "APPROVED");
		FundsFixtures.split(this.admin, allocation, first, 70_000).errors().verify();
		Refusals.assertRefused(this.jdbc, () -> FundsFixtures.split(this.admin, allocation, second, 30_001),
				"input.amount", "CONFLICT", TABLES);
		FundsFixtures.split(this.admin, allocation, second, 30_000).errors().verify();
		disbursed(this.admin, first, 50_000);
		Refusals.assertRefused(this.jdbc, () -> FundsFixtures.split(this.admin, allocation, first, 49_999),
				"input.amount", "CONFLICT", TABLES);
		FundsFixtures.split(this.admin, allocation, first, 50_000).errors().verify();
		assertThat(this.jdbc.queryForObject("SELECT split FROM fund_allocation WHERE id = ?", BigDecimal.class,
				allocation))
			.isEqualByComparingTo("80000");
	}

	@Test
	void twoConcurrentPaymentsThatTogetherOverspendOneSucceedsOneIsRefused() throws Exception {
		for (int round = 0; round < 3; round++) {
			long project = FundsFixtures.fundedProject(this.admin, FundsFixtures.proposal(), 100_000);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<List<ResponseError>>> requests = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				requests.add(CompletableFuture.supplyAsync(() -> {
					await(start);
					GraphQlTester.Response response = disburse(this.admin, project, 60_000, null);
					List<ResponseError> errors = new ArrayList<>();
					response.errors().satisfy(errors::addAll);
					return errors;
				}, pool));
			}
			start.countDown();
			List<List<ResponseError>> outcomes = new ArrayList<>();
			for (CompletableFuture<List<ResponseError>> request : requests) {
				outcomes.add(request.get(60, TimeUnit.SECONDS));
			}
			pool.shutdown();
			assertThat(outcomes).filteredOn(List::isEmpty).hasSize(1);
			assertThat(outcomes).filteredOn((errors) -> !errors.isEmpty())
				.singleElement()
				.satisfies((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
					assertThat(error.getExtensions()).containsEntry("classification", "CONFLICT");
					assertThat(error.getExtensions()).containsEntry("field", "input.amount");
				}));
			assertThat(totals(project)).containsExactly(new BigDecimal("100000.00"), new BigDecimal("60000.00"));
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM disbursement WHERE project_id = ?", Long.class,
					project))
				.isEqualTo(1);
		}
	}

	@Test
	void aPaymentSentTwiceWithOneIdempotencyKeyIsRecordedOnceAndAudited() throws Exception {
		long project = FundsFixtures.fundedProject(this.admin, FundsFixtures.proposal(), 100_000);
		String token = cn.county.platform.support.KeycloakServer.shared().passwordToken("county.admin");
		String body = "{\"query\": \"mutation { recordDisbursement(input: {projectId: \\\"" + project
				+ "\\\", paidOn: \\\"2023-05-10\\\", amount: 5000, voucherNumber: \\\"IDEM-1\\\"})"
				+ " { disbursement { id } } }\"}";
		String key = "funds-" + project;
		java.net.http.HttpResponse<String> first = post(token, key, body);
		java.net.http.HttpResponse<String> second = post(token, key, body);
		assertThat(first.body()).doesNotContain("errors");
		// the stored answer again, marked as a replay
		assertThat(second.body()).startsWith(first.body().substring(0, first.body().length() - 1))
			.contains("\"idempotentReplay\":true");
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM disbursement WHERE project_id = ?", Long.class, project))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'Disbursement'"
				+ " AND operation = 'recordDisbursement' AND idempotency_key = ?", Long.class, key))
			.isEqualTo(1);
	}

	private java.net.http.HttpResponse<String> post(String token, String key, String body) throws Exception {
		return java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.clients.url()))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
	}

	private List<BigDecimal> totals(long project) {
		return this.jdbc.queryForObject("SELECT allocated, disbursed FROM project WHERE id = ?",
				(rs, i) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2)), project);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
