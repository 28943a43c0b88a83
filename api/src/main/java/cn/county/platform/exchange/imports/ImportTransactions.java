package cn.county.platform.exchange.imports;

import java.util.List;

import cn.county.platform.common.DomainException;

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

	public <U> void run(List<U> units, boolean dryRun, Work<U> work, Outcome<U> outcome) {
		if (units.isEmpty()) {
			return;
		}
		Object[] results = new Object[units.size()];
		this.chunk.executeWithoutResult((status) -> {
			for (int i = 0; i < units.size(); i++) {
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

}
