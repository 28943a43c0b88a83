package cn.county.platform.protect;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The counts behind {@code @listSize(counted: "table.column")}: for each, the most rows
 * of the table that share one value of the column (the most visits of one household, the
 * most events of one loan), counted once the API is ready and again every
 * {@code platform.limits.measure-refresh}, on a background thread, never inside a
 * request. A list's bound is that count plus {@code platform.limits.counted-headroom}
 * (rows added since the count), never more than its declared {@code max}; before the
 * first count, or while the database is down, it is {@code max}. A household that
 * outgrows the count between two counts is not cut (only its {@code max} cuts): the cost
 * limit holds it all the same, since {@link QueryLimitsInstrumentation} also counts the
 * values actually returned.
 * <p>
 * One {@code GROUP BY} per list and refresh: an index scan of each table (every counted
 * column is a foreign key with its index), cheap against the hour between counts.
 */
@Component
class DataSizes {

	private static final Logger log = LoggerFactory.getLogger(DataSizes.class);

	private static final Pattern COUNTED = Pattern.compile("([a-z_]+)\\.([a-z_]+)");

	private final SizeMapper sizes;

	private final ObjectProvider<GraphQlSource> graphQl;

	private final Map<String, Long> counts = new ConcurrentHashMap<>();

	private final AtomicBoolean counting = new AtomicBoolean();

	DataSizes(SizeMapper sizes, ObjectProvider<GraphQlSource> graphQl) {
		this.sizes = sizes;
		this.graphQl = graphQl;
	}

	/** The count for {@code table.column}, if taken. */
	OptionalLong mostPerValue(String counted) {
		Long count = this.counts.get(counted);
		return (count != null) ? OptionalLong.of(count) : OptionalLong.empty();
	}

	/**
	 * Checks a {@code counted} argument: {@code table.column}, lower case letters and
	 * underscores.
	 */
	static void check(String counted, String field) {
		if (!COUNTED.matcher(counted).matches()) {
			throw new IllegalStateException(field + ": @listSize(counted: \"" + counted
					+ "\") must name a table and a column, as table.column");
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${platform.limits.measure-refresh:1h}",
			initialDelayString = "${platform.limits.measure-refresh:1h}")
	void count() {
		GraphQlSource source = this.graphQl.getIfAvailable();
		if (source == null || !this.counting.compareAndSet(false, true)) {
			return;
		}
		try {
			for (String counted : countedIn(source.schema())) {
				var match = COUNTED.matcher(counted);
				if (match.matches()) {
					this.counts.put(counted, (long) this.sizes.mostPerValue(match.group(1), match.group(2)));
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not count the list sizes (the list bounds stay as they were): {}", ex.getMessage());
		}
		finally {
			this.counting.set(false);
		}
	}

	static Set<String> countedIn(GraphQLSchema schema) {
		Set<String> counted = new TreeSet<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLFieldsContainer container) {
				for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
					GraphQLAppliedDirective listSize = field.getAppliedDirective(ListBounds.LIST_SIZE);
					Object value = (listSize != null && listSize.getArgument("counted") != null)
							? listSize.getArgument("counted").getValue() : null;
					if (value != null) {
						counted.add(value.toString());
					}
				}
			}
		}
		return counted;
	}

}
