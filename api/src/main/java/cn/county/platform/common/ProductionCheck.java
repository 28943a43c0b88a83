package cn.county.platform.common;

/**
 * One rule a production deployment must satisfy, checked by {@link ProductionSafety} when
 * the application starts in profile {@code prod}. Declare an implementation as a bean (a
 * {@code @Component} next to the setting it guards) and it joins the check; it should
 * depend on configuration only (the {@code Environment}, a properties record), since it
 * runs before the database is touched.
 */
@FunctionalInterface
public interface ProductionCheck {

	/**
	 * Reports every unsafe setting this check knows of, each with the variable an
	 * operator sets to fix it ({@link ProductionSafety#variableFor} finds it for a
	 * property).
	 */
	void check(Unsafe unsafe);

	/** Where a check reports what it found. */
	@FunctionalInterface
	interface Unsafe {

		/**
		 * @param variable the environment variable (or property) to set, e.g.
		 * {@code DB_PASSWORD}
		 * @param reason what is wrong with the current value, without repeating a secret
		 */
		void report(String variable, String reason);

	}

}
