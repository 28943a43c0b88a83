package cn.county.platform.protect;

/** When the current request must stop; kept in the GraphQL context. */
record RequestDeadline(long nanos) {

	static RequestDeadline after(java.time.Duration budget) {
		return new RequestDeadline(System.nanoTime() + budget.toNanos());
	}

	boolean passed() {
		return System.nanoTime() - this.nanos > 0;
	}

}
