package cn.county.platform.common;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements MyBatis sends. Tests use it to prove a list costs the same
 * number of statements whatever its page size (no N+1); the benchmark reads it over HTTP
 * as the counter {@code platform.sql.statements} ({@code /actuator/metrics}) before and
 * after a scenario to report statements per request.
 */
@Component
@Intercepts({
		@Signature(type = Executor.class, method = "query",
				args = { MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class }),
		@Signature(type = Executor.class, method = "update", args = { MappedStatement.class, Object.class }) })
public class SqlStatementCounter implements Interceptor, MeterBinder {

	public static final String METRIC = "platform.sql.statements";

	private final AtomicLong count = new AtomicLong();

	@Override
	public Object intercept(Invocation invocation) throws Throwable {
		this.count.incrementAndGet();
		return invocation.proceed();
	}

	public long count() {
		return this.count.get();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder(METRIC, this.count, AtomicLong::doubleValue)
			.description("SQL statements sent through MyBatis since the application started")
			.baseUnit("statements")
			.register(registry);
	}

}
