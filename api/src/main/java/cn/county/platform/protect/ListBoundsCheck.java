package cn.county.platform.protect;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a list field that has no bound ({@link ListBounds#unbounded}): a
 * list the cost model would have to guess at is how a cycle of lists gets through the
 * cost limit.
 */
@Component
class ListBoundsCheck implements SmartInitializingSingleton {

	private final ObjectProvider<GraphQlSource> source;

	private final ListBounds bounds;

	ListBoundsCheck(ObjectProvider<GraphQlSource> source, ListBounds bounds) {
		this.source = source;
		this.bounds = bounds;
	}

	@Override
	public void afterSingletonsInstantiated() {
		GraphQlSource graphQl = this.source.getIfAvailable();
		if (graphQl == null) {
			return;
		}
		List<String> problems = this.bounds.unbounded(graphQl.schema());
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Every list field needs a bound for the query cost model (declare "
					+ "@listSize(max: N) in the schema, see schema/limits.graphqls): " + String.join("; ", problems));
		}
	}

}
