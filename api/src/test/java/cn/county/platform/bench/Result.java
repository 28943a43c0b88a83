package cn.county.platform.bench;

/**
 * One line of the results table: a scenario driven one way, over HTTP or in-process.
 *
 * @param scenario the scenario's key
 * @param mode how it was driven: a fixed rate, saturation with N clients, or sequential
 * requests
 * @param path {@code HTTP} or {@code in-process}
 * @param sqlPerRequest statements sent per request (counted by the application), or -1
 * when unknown
 */
record Result(String scenario, String mode, String path, int requests, int errors, double throughput, double p50Ms,
		double p99Ms, double maxMs, double sqlPerRequest, String firstError) {

	static Result of(String scenario, String mode, String path, Load.Outcome outcome, long statements) {
		int requests = outcome.requests();
		return new Result(scenario, mode, path, requests, outcome.errors(), outcome.throughput(),
				outcome.latencies().percentile(50) / 1e6, outcome.latencies().percentile(99) / 1e6,
				outcome.latencies().max() / 1e6,
				(requests > 0 && statements >= 0) ? (double) statements / requests : -1, outcome.firstError());
	}

}
