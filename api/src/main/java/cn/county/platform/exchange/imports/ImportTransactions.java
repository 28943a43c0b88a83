package cn.county.platform.exchange.imports;

import java.util.List;

import cn.county.platform.common.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a chunk of import units (a household with its members, a warning) in one
 * transaction, each unit under a savepoint of its own: a unit the services refuse is
 * rolled back alone, so a household is never half written and a refused row leaves no
 * trace, while the chunk still costs one commit. A dry run rolls the whole chunk back
 * after running every write, so it checks each row with exactly the rules (and conflicts)
 * a real run would meet.
 */
@Component
public class ImportTransactions {

	private static final Logger log = LoggerFactory.getLogger(ImportTransactions.class);

	private final TransactionTemplate chunk;

	private final TransactionTemplate unit;

	ImportTransactions(PlatformTransactionManager transactions) {
		this.chunk = new TransactionTemplate(transactions);
		this.unit = new TransactionTemplate(transactions);
		this.unit.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** What a unit does; answers whether it changed anything. */
	@FunctionalInterface
	public interface Work<U> {

		boolean write(U unit);

	}

	/** Told about each unit once its chunk is done. */
	public interface Outcome<U> {

		void changed(U unit);

		void unchanged(U unit);

		void refused(U unit, DomainException refusal);

	}

	/**
	 * Writes many units at once, in a few statements for all of them; answers, per unit,
	 * {@code TRUE} (written), a {@link DomainException} (refused, nothing of it written)
	 * or null (not for the batch: written one by one after it).
	 */
	@FunctionalInterface
	public interface Batch<U> {

		Object[] write(List<U> units);

	}

	public <U> void run(List<U> units, boolean dryRun, Work<U> work, Outcome<U> outcome) {
		run(units, dryRun, null, work, outcome);
	}

	/**
	 * As {@link #run(List, boolean, Work, Outcome)}, the batch first: it writes what it
	 * can of the chunk at once, and the units it leaves are written one by one. When the
	 * batch fails other than by refusing units (a statement meets a concurrent writer: a
	 * duplicate key, a deadlock), the chunk is rolled back and written again one by one,
	 * each unit under its savepoint.
	 */
	public <U> void run(List<U> units, boolean dryRun, Batch<U> batch, Work<U> work, Outcome<U> outcome) {
		if (units.isEmpty()) {
			return;
		}
		Object[] results = new Object[units.size()];
		if (batch != null) {
			try {
				write(units, dryRun, batch, work, results);
			}
			catch (DomainException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				log.warn("A batch of {} import units failed ({}); writing them one by one", units.size(),
						ex.toString());
				java.util.Arrays.fill(results, null);
				write(units, dryRun, null, work, results);
			}
		}
		else {
			write(units, dryRun, null, work, results);
		}
		for (int i = 0; i < units.size(); i++) {
			if (results[i] instanceof DomainException refusal) {
				outcome.refused(units.get(i), refusal);
			}
			else if (Boolean.TRUE.equals(results[i])) {
				outcome.changed(units.get(i));
			}
			else {
				outcome.unchanged(units.get(i));
			}
		}
	}

	private <U> void write(List<U> units, boolean dryRun, Batch<U> batch, Work<U> work, Object[] results) {
		this.chunk.executeWithoutResult((status) -> {
			if (batch != null) {
				Object[] batched = batch.write(units);
				System.arraycopy(batched, 0, results, 0, units.size());
			}
			for (int i = 0; i < units.size(); i++) {
				if (results[i] != null) {
					continue;
				}
				U unitOfWork = units.get(i);
				try {
					results[i] = this.unit.execute((savepoint) -> work.write(unitOfWork));
				}
				catch (DomainException ex) {
					results[i] = ex;
				}
			}
			if (dryRun) {
				status.setRollbackOnly();
			}
		});
	}

}
