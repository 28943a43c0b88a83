package cn.county.platform.common;

import java.util.function.Consumer;

import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs many executions of a mapper's write statements as JDBC batches on the connection
 * of the current transaction: MyBatis's batch executor, so the statements are the mapper
 * XML's own, sent together (as multi-row inserts, with the driver's
 * {@code rewriteBatchedStatements}) instead of one round trip a row. For bulk writes (a
 * chunk of an import), where a statement of a thousand generated rows would cost more to
 * build than to run. The work may only write: what it writes is sent when it returns, and
 * reads inside it would not see it.
 * <p>
 * The session is not the transaction's own MyBatis session (that one may not change
 * executor type inside a transaction); it takes the transaction's connection through
 * Spring, so its statements commit or roll back with the transaction.
 */
@Component
public class BatchStatements {

	private final SqlSessionFactory sessions;

	BatchStatements(SqlSessionFactory sessions) {
		this.sessions = sessions;
	}

	public <M> void run(Class<M> mapper, Consumer<M> work) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("batch statements run inside a transaction");
		}
		try (SqlSession session = this.sessions.openSession(ExecutorType.BATCH)) {
			work.accept(session.getMapper(mapper));
			session.flushStatements();
		}
	}

}
