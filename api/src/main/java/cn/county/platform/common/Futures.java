package cn.county.platform.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waiting for statements run side by side, so that their failures surface as they would
 * have run inline.
 */
public final class Futures {

	private Futures() {
	}

	/** The value; a runtime failure of the task is rethrown as itself, not wrapped. */
	public static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
