package cn.county.platform.dashboard;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

	/**
	 * The threads a cold dashboard's statements run on. Small on purpose: each holds a
	 * database connection, and the pool is shared by every dashboard request; when it is
	 * busy, the request's own thread runs the statement.
	 */
	@Bean(destroyMethod = "shutdown")
	ExecutorService dashboardExecutor(@Value("${platform.dashboard.parallel-statements:4}") int threads) {
		AtomicInteger number = new AtomicInteger();
		return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 4),
				(task) -> {
					Thread thread = new Thread(task, "dashboard-sql-" + number.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.CallerRunsPolicy());
	}

}
