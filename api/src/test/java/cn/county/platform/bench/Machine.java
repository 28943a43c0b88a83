package cn.county.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/**
 * The machine a run measured: processors, memory, JDK, and what else was running, read as
 * the 1-minute load average every five seconds (other engineers build on the same two
 * cores) together with the API's heap in use.
 */
final class Machine {

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "machine-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicReference<String> scenario = new AtomicReference<>("setup");

	/** scenario → [samples, sum, max] of the 1-minute load average */
	private final Map<String, double[]> load = new LinkedHashMap<>();

	private volatile DoubleSupplier heap;

	private volatile double heapMaxBytes;

	void startSampling() {
		this.sampler.scheduleAtFixedRate(this::sample, 0, 5, TimeUnit.SECONDS);
	}

	void stopSampling() {
		this.sampler.shutdownNow();
	}

	void scenario(String name) {
		this.scenario.set((name != null) ? name : "end");
	}

	/** From now on, also sample the API's heap in use. */
	void heapProbe(DoubleSupplier probe) {
		this.heap = probe;
	}

	/** One last heap sample at the end of the run. */
	void heapMax(Api api, String token) {
		try {
			this.heapMaxBytes = Math.max(this.heapMaxBytes, api.metric(token, "jvm.memory.used", "area:heap"));
		}
		catch (Exception ex) {
			// the samples taken during the run stand
		}
	}

	double heapMaxBytes() {
		return this.heapMaxBytes;
	}

	private void sample() {
		try {
			double one = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
			synchronized (this.load) {
				double[] s = this.load.computeIfAbsent(this.scenario.get(), (k) -> new double[3]);
				s[0]++;
				s[1] += one;
				s[2] = Math.max(s[2], one);
			}
		}
		catch (IOException | RuntimeException ex) {
			// no /proc: no load figures
		}
		DoubleSupplier probe = this.heap;
		if (probe != null) {
			try {
				this.heapMaxBytes = Math.max(this.heapMaxBytes, probe.getAsDouble());
			}
			catch (RuntimeException ex) {
				// the API may be busy; the next sample will do
			}
		}
	}

	/** scenario → "average / max" of the 1-minute load average while it ran. */
	Map<String, String> loadByScenario() {
		Map<String, String> result = new LinkedHashMap<>();
		synchronized (this.load) {
			this.load.forEach((name, s) -> result.put(name, String.format("%.2f / %.2f", s[1] / s[0], s[2])));
		}
		return result;
	}

	static String cpuModel() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// fall through
		}
		return "unknown";
	}

	static String memory() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
					return String.format("%.1f GiB", kib / 1024.0 / 1024.0);
				}
			}
		}
		catch (IOException ex) {
			// fall through
		}
		return "unknown";
	}

	static String kernel() {
		try {
			return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
		}
		catch (IOException ex) {
			return System.getProperty("os.version");
		}
	}

	static List<String> jdk() {
		return List.of(System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
				System.getProperty("java.vendor"));
	}

}
