package cn.county.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The results as markdown, and their place in {@code docs/performance.md}: between two
 * markers, so the text a person wrote around them survives every run.
 */
final class Report {

	static final String BEGIN = "<!-- bench:begin (written by bench/run.sh; edits between the markers are overwritten) -->";

	static final String END = "<!-- bench:end -->";

	private Report() {
	}

	record Facts(String database, String bufferPool, String apiJavaOptions, String explain) {
	}

	static String markdown(List<Result> results, Machine machine, Bench.Options options, List<String> notes,
			Facts facts) {
		StringBuilder md = new StringBuilder();
		md.append("## Latest run\n\n");
		md.append("Run ")
			.append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).substring(0, 19))
			.append(options.quick ? " (quick mode)" : "")
			.append(options.only.isEmpty() ? "" : " (only " + String.join(", ", options.only) + ")")
			.append(" by `bench/run.sh`. Phases last ")
			.append(options.phase.toSeconds())
			.append(" s after a ")
			.append(options.warmup.toSeconds())
			.append(" s warm-up. ")
			.append("Latencies are measured by the load generator from the moment a request was due (open loop) or ")
			.append("sent (closed loop) until its whole answer arrived; percentiles by nearest rank. SQL/request is ")
			.append("the application's own statement counter (`platform.sql.statements`) before and after the phase, ")
			.append("divided by the requests of the phase.\n\n");
		for (String note : notes) {
			md.append("- ").append(note).append('\n');
		}
		md.append('\n');

		md.append("### Machine\n\n| | |\n|---|---|\n");
		md.append("| processors (`nproc`) | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
		md.append("| CPU | ").append(Machine.cpuModel()).append(" |\n");
		md.append("| memory | ").append(Machine.memory()).append(" |\n");
		md.append("| kernel | ").append(Machine.kernel()).append(" |\n");
		md.append("| JDK (API, baseline and load generator) | ")
			.append(String.join(", ", Machine.jdk()))
			.append(" |\n");
		md.append("| API JVM options | `").append(facts.apiJavaOptions()).append("` |\n");
		md.append("| database | ")
			.append(facts.database())
			.append(", buffer pool ")
			.append(facts.bufferPool())
			.append(" |\n");
		md.append("| API heap in use, highest sample | ")
			.append(String.format("%.0f MiB", machine.heapMaxBytes() / 1024 / 1024))
			.append(" |\n\n");
		md.append("Everything (database, Redis, Keycloak, the API, the in-process baseline and the load generator) "
				+ "shares these processors. 1-minute load average while each scenario ran (average / highest):\n\n");
		md.append("| scenario | load average |\n|---|---|\n");
		machine.loadByScenario()
			.forEach((name, value) -> md.append("| ").append(name).append(" | ").append(value).append(" |\n"));
		md.append('\n');

		md.append("### Results\n\n");
		md.append(
				"| scenario | driven | path | requests | errors | req/s | p50 ms | p99 ms | max ms | SQL/request |\n");
		md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Result r : results) {
			md.append(String.format("| %s | %s | %s | %d | %d | %.1f | %s | %s | %s | %s |%n", r.scenario(), r.mode(),
					r.path(), r.requests(), r.errors(), r.throughput(), ms(r.p50Ms()), ms(r.p99Ms()), ms(r.maxMs()),
					(r.sqlPerRequest() >= 0) ? String.format("%.2f", r.sqlPerRequest()) : "–"));
		}
		List<Result> failed = results.stream().filter((r) -> r.errors() > 0).toList();
		if (!failed.isEmpty()) {
			md.append("\nFirst error of each phase with errors:\n\n");
			for (Result r : failed) {
				md.append("- ")
					.append(r.scenario())
					.append(", ")
					.append(r.mode())
					.append(", ")
					.append(r.path())
					.append(": ")
					.append(Bench.abbreviate(r.firstError()).replace("|", "\\|"))
					.append('\n');
			}
		}
		md.append('\n');

		md.append("### HTTP against the in-process baseline\n\n");
		md.append("| scenario | driven | p50 HTTP / in-process | p99 HTTP / in-process | req/s HTTP / in-process |\n");
		md.append("|---|---|---:|---:|---:|\n");
		for (Result http : results) {
			if (!http.path().equals("HTTP")) {
				continue;
			}
			find(results,
					(r) -> r.path().equals("in-process") && r.scenario().equals(http.scenario())
							&& r.mode().equals(http.mode()))
				.ifPresent((base) -> md.append(String.format("| %s | %s | %s | %s | %s |%n", http.scenario(),
						http.mode(), ratio(http.p50Ms(), base.p50Ms()), ratio(http.p99Ms(), base.p99Ms()),
						ratio(http.throughput(), base.throughput()))));
		}
		md.append('\n');

		md.append("### Goals\n\n| goal | measured | met |\n|---|---|---|\n");
		for (String[] goal : goals(results, machine)) {
			md.append("| ").append(goal[0]).append(" | ").append(goal[1]).append(" | ").append(goal[2]).append(" |\n");
		}
		md.append('\n');
		if (facts.explain() != null && !facts.explain().isBlank()) {
			md.append("### Query plans on the benchmark database\n\n");
			md.append("`EXPLAIN` of the statements behind the scenarios (from `bench/explain.sql`, run by "
					+ "`bench/run.sh` against the loaded database):\n\n```\n")
				.append(facts.explain().strip())
				.append("\n```\n");
		}
		return md.toString();
	}

	private static List<String[]> goals(List<Result> results, Machine machine) {
		List<String[]> goals = new ArrayList<>();
		Optional<Result> detailHttp = fixed(results, "detail", "HTTP");
		Optional<Result> detailBase = fixed(results, "detail", "in-process");
		if (detailHttp.isPresent() && detailBase.isPresent()) {
			double p50 = detailHttp.get().p50Ms() / detailBase.get().p50Ms();
			double p99 = detailHttp.get().p99Ms() / detailBase.get().p99Ms();
			goals.add(
					new String[] {
							"household detail p50 ≤ 1.5× in-process (fixed rate)", String.format("%.2f× (%s vs %s ms)",
									p50, ms(detailHttp.get().p50Ms()), ms(detailBase.get().p50Ms())),
							met(p50 <= 1.5) });
			goals.add(new String[] { "household detail p99 ≤ 2× in-process (fixed rate)", String
				.format("%.2f× (%s vs %s ms)", p99, ms(detailHttp.get().p99Ms()), ms(detailBase.get().p99Ms())),
					met(p99 <= 2) });
		}
		saturated(results, "detail", "HTTP")
			.ifPresent((r) -> goals.add(new String[] { "household detail ≥ 1,000 req/s at saturation",
					String.format("%.0f req/s", r.throughput()), met(r.throughput() >= 1000) }));
		Optional<Result> page1 = fixed(results, "list", "HTTP");
		Optional<Result> deep = fixed(results, "list-deep", "HTTP");
		if (page1.isPresent() && deep.isPresent()) {
			double p50 = deep.get().p50Ms() / page1.get().p50Ms();
			double p99 = deep.get().p99Ms() / page1.get().p99Ms();
			goals.add(new String[] { "list page 10,000 within 1.2× of page 1 (fixed rate, HTTP)",
					String.format("p50 %.2f×, p99 %.2f×", p50, p99), met(p50 <= 1.2) });
		}
		fixed(results, "detail", "HTTP").ifPresent((r) -> goals.add(new String[] {
				"SQL statements per detail request constant (10 → 1,000 nested rows: `HouseholdDetailTests`)", String
					.format("%.2f per request over %d households of different sizes", r.sqlPerRequest(), r.requests()),
				"shown by the test, not by this run" }));
		for (String cold : List.of("summary-cold", "summary-cold-after-write")) {
			find(results, (r) -> r.scenario().equals(cold) && r.path().equals("HTTP"))
				.ifPresent((r) -> goals.add(new String[] { "county summary cold < 1 s (`" + cold + "`)",
						String.format("p50 %s ms, max %s ms", ms(r.p50Ms()), ms(r.maxMs())), met(r.maxMs() < 1000) }));
		}
		find(results, (r) -> r.scenario().equals("summary-first") && r.path().equals("HTTP")).ifPresent((r) -> goals
			.add(new String[] { "first county summary after a load (every town computed and stored; no goal set)",
					String.format("%s ms", ms(r.maxMs())), "–" }));
		fixed(results, "summary-warm", "HTTP").ifPresent((r) -> goals.add(new String[] {
				"county summary warm p99 < 5 ms (fixed rate)", ms(r.p99Ms()) + " ms", met(r.p99Ms() < 5) }));
		List<Result> saturatedHttp = results.stream()
			.filter((r) -> r.path().equals("HTTP") && r.mode().contains("clients"))
			.toList();
		if (!saturatedHttp.isEmpty()) {
			int errors = saturatedHttp.stream().mapToInt(Result::errors).sum();
			goals.add(new String[] { "no errors at saturation",
					errors + " errors in " + saturatedHttp.size() + " saturated phases", met(errors == 0) });
		}
		double heapMiB = machine.heapMaxBytes() / 1024 / 1024;
		goals.add(new String[] { "API within a 1 GiB heap (`-Xmx1g`)",
				String.format("highest heap in use sampled: %.0f MiB", heapMiB), met(heapMiB > 0 && heapMiB <= 1024) });
		return goals;
	}

	private static Optional<Result> fixed(List<Result> results, String scenario, String path) {
		return find(results,
				(r) -> r.scenario().equals(scenario) && r.path().equals(path) && r.mode().contains("req/s"));
	}

	private static Optional<Result> saturated(List<Result> results, String scenario, String path) {
		return find(results,
				(r) -> r.scenario().equals(scenario) && r.path().equals(path) && r.mode().contains("clients"));
	}

	private static Optional<Result> find(List<Result> results, Predicate<Result> test) {
		return results.stream().filter(test).findFirst();
	}

	private static String met(boolean met) {
		return met ? "yes" : "**no**";
	}

	private static String ms(double ms) {
		return (ms >= 100) ? String.format("%.0f", ms) : String.format("%.2f", ms);
	}

	private static String ratio(double a, double b) {
		return (b > 0) ? String.format("%.2f×", a / b) : "–";
	}

	/**
	 * Replaces what lies between the markers, or appends the markers with the results
	 * when there are none.
	 */
	static void writeInto(Path document, String results) throws IOException {
		String block = BEGIN + "\n\n" + results.strip() + "\n\n" + END;
		String text = Files.exists(document) ? Files.readString(document) : "# Performance\n\n";
		int begin = text.indexOf(BEGIN);
		int end = text.indexOf(END);
		String updated = (begin >= 0 && end > begin)
				? text.substring(0, begin) + block + text.substring(end + END.length())
				: text.stripTrailing() + "\n\n" + block + "\n";
		Files.writeString(document, updated);
	}

}
