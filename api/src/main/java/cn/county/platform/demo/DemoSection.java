package cn.county.platform.demo;

import java.sql.SQLException;
import java.util.Set;

/**
 * One part of the demo data set. The generator creates households and members chunk by
 * chunk and hands every chunk to each section in order, inside the chunk's transaction; a
 * section writes its own rows in proportion to what it is given (for example one loan for
 * one in five households) through {@link DemoContext#table}.
 * <p>
 * Each section draws from its own random stream and id sequence, derived from the seed
 * and {@link #name()}, so adding a section later leaves the rows of every other section
 * unchanged for the same seed.
 * <p>
 * A feature contributes its section as a prototype bean ({@code @Component} and
 * {@code @Scope("prototype")}, since a section keeps state for one run) in its own
 * folder; {@link DemoSections} finds them and runs each after the sections it names in
 * {@link #after()}.
 */
public interface DemoSection {

	/**
	 * Stable and unique among the sections: it salts this section's random stream and
	 * ids.
	 */
	String name();

	/**
	 * The names of the sections whose rows this one refers to, which therefore run before
	 * it. Households and members always come first and need not be named.
	 */
	default Set<String> after() {
		return Set.of();
	}

	/**
	 * Before the first chunk, for rows that do not follow households (lookup tables,
	 * towns and villages).
	 */
	default void begin(DemoContext context) throws SQLException {
	}

	void accept(DemoChunk chunk, DemoContext context) throws SQLException;

	/**
	 * After the last chunk, for rows that depend on the whole data set (per-town
	 * designations, totals).
	 */
	default void end(DemoContext context) throws SQLException {
	}

}
