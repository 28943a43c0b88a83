package cn.county.platform.common;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs that must run on one API instance at a time, however many run: ShedLock
 * keeps one row per job in the {@code shedlock} table (migration V33) and a run goes
 * ahead only on the instance that moved the row's {@code lock_until} forward. Times are
 * the database's ({@code usingDbTime}), so instances with drifting clocks still agree.
 * <p>
 * To use it for a job, put {@code @SchedulerLock(name = "<job>", lockAtMostFor = ...)}
 * next to its {@code @Scheduled}; {@code lockAtMostFor} must exceed the longest run (it
 * frees the lock of an instance that died mid-run), {@code lockAtLeastFor} keeps a job
 * that finished quickly from running again on an instance whose schedule fires a moment
 * later. The lock is an advice on the bean's method ({@code PROXY_METHOD}), so a direct
 * call through the bean takes it too. Scheduling itself is switched on here, for every
 * scheduled job of the application.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulerLockConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
