package cn.county.platform.protect;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;

import org.springframework.stereotype.Component;

/**
 * Holds every SQL statement of a GraphQL request to the request's deadline
 * ({@code platform.limits.request-timeout}): a statement is not started once the deadline
 * has passed, and one still running at the deadline is cancelled
 * ({@link Statement#cancel()}, which the MySQL and MariaDB drivers turn into
 * {@code KILL QUERY}), so a slow statement, in a data fetcher or in a batch loader, frees
 * its connection at the deadline and not at the JDBC statement timeout. A JDBC query
 * timeout would do the same, but only in whole seconds. The cancel opens a connection of
 * its own to send the kill (both drivers do), which takes a moment on a busy server, so
 * it starts {@value #CANCEL_LEAD_MILLIS} ms before the deadline and ends the request's
 * time then ({@link RequestDeadline#expire}): the answer, the timeout error, comes at the
 * deadline and not a handshake later. Statements outside a request (start-up, scheduled
 * jobs) are left alone.
 */
@Component
@Intercepts({
		@Signature(type = StatementHandler.class, method = "query", args = { Statement.class, ResultHandler.class }),
		@Signature(type = StatementHandler.class, method = "update", args = { Statement.class }),
		@Signature(type = StatementHandler.class, method = "batch", args = { Statement.class }) })
class StatementDeadline implements Interceptor {

	static final long CANCEL_LEAD_MILLIS = 300;

	private static final ScheduledThreadPoolExecutor cancels = new ScheduledThreadPoolExecutor(1, (task) -> {
		Thread thread = new Thread(task, "statement-deadline");
		thread.setDaemon(true);
		return thread;
	});

	static {
		cancels.setRemoveOnCancelPolicy(true);
	}

	@Override
	public Object intercept(Invocation invocation) throws Throwable {
		RequestDeadline deadline = RequestDeadline.ofCurrentRequest();
		if (deadline == null) {
			return invocation.proceed();
		}
		long remaining = deadline.remainingNanos();
		if (remaining <= 0) {
			throw new SQLTimeoutException("The request's time is up; the statement was not started");
		}
		Statement statement = (Statement) invocation.getArgs()[0];
		long delay = Math.max(0, remaining - TimeUnit.MILLISECONDS.toNanos(CANCEL_LEAD_MILLIS));
		ScheduledFuture<?> cancel = cancels.schedule(() -> {
			deadline.expire();
			cancel(statement);
		}, delay, TimeUnit.NANOSECONDS);
		try {
			return invocation.proceed();
		}
		finally {
			cancel.cancel(false);
		}
	}

	private static void cancel(Statement statement) {
		try {
			statement.cancel();
		}
		catch (SQLException ex) {
			// the statement finished or its connection closed meanwhile: nothing left to
			// stop
		}
	}

}
