package cn.county.platform.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the county's dashboards of the latest plan year (the year, its quarters and
 * months) stored before anyone asks: once the API is up (after the demo data, if any, is
 * loaded) and again each night after the day changes, since a current period's figures
 * are judged on today. At a million households the first run was 17 minutes of background
 * SQL, a run that finds everything stored 3 s (docs/performance.md). Off with
 * {@code platform.dashboard.rollup.warm=false}.
 */
@Component
@ConditionalOnProperty(name = "platform.dashboard.rollup.warm", havingValue = "true", matchIfMissing = true)
class DashboardRollupWarmer {

	private static final Logger log = LoggerFactory.getLogger(DashboardRollupWarmer.class);

	private final DashboardService dashboards;

	DashboardRollupWarmer(DashboardService dashboards) {
		this.dashboards = dashboards;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		Thread thread = new Thread(this::warm, "dashboard-rollup-warm");
		thread.setDaemon(true);
		thread.start();
	}

	@Scheduled(cron = "${platform.dashboard.rollup.warm-cron:0 5 0 * * *}", zone = "${platform.zone:Asia/Shanghai}")
	void warm() {
		long started = System.nanoTime();
		try {
			int statements = this.dashboards.warmRollup();
			log.info("Dashboard rollup of the plan year's periods stored: {} statements in {} ms", statements,
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			// the first summary computes what is missing; nothing is lost but time
			log.warn("Could not store the dashboard rollup ahead of time: {}", ex.getMessage());
		}
	}

}
