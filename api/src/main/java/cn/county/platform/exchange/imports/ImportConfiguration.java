package cn.county.platform.exchange.imports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The bounded pool imports run on: a few workers and a short queue, so uploads cannot
 * take the API's threads or its database connections; a full queue refuses the upload
 * (503) rather than piling work up.
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

	@Bean(name = "importExecutor")
	ThreadPoolTaskExecutor importExecutor(ImportProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.workers());
		executor.setMaxPoolSize(properties.workers());
		executor.setQueueCapacity(properties.queued());
		executor.setThreadNamePrefix("import-");
		executor.setWaitForTasksToCompleteOnShutdown(false);
		return executor;
	}

}
