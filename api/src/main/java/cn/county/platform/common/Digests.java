package cn.county.platform.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest the platform uses: the hash of a GraphQL document (persisted
 * queries, the partner access log, idempotency keys), the key of a cached dashboard
 * answer, the id of a cursor key. Use it wherever a stable fingerprint of a text or of
 * bytes is needed, so every feature hashes the same way without depending on another.
 */
public final class Digests {

	private Digests() {
	}

	/**
	 * The SHA-256 of the text's UTF-8 bytes as 64 lower-case hex digits, as Apollo's
	 * persisted queries spell it.
	 */
	public static String sha256Hex(String text) {
		return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** The 32 bytes of the SHA-256 of {@code bytes}. */
	public static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java runtime must provide SHA-256 (MessageDigest's Javadoc)
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
