package cn.county.platform.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns the position of a keyset page ({@link Cursor#encode()}: sort key, id, sort value)
 * into the opaque token a client sees, and back. Every connection of the schema passes
 * its cursors through this one codec at the GraphQL boundary, so a client never sees a
 * row id, a name or any other value in a cursor.
 * <p>
 * The token is AES-GCM (authenticated encryption) from the JDK's {@code javax.crypto}: a
 * maintained, standard implementation; nothing cryptographic is written here, this class
 * only frames its output. A token is
 * {@code keyId (4 bytes) | nonce (12 bytes) | ciphertext and tag}, URL-safe base64. The
 * key id is the start of the SHA-256 of the key, so keys can be rotated: the first
 * configured key seals, every configured key opens, and a page asked for with a cursor
 * sealed before a rotation still works while its key stays listed.
 * <p>
 * The additional authenticated data binds a token to a context (the caller's subject and
 * the connection type), so a cursor replayed by another caller or passed to another list
 * does not open. Tampering, a foreign key or a malformed token are all
 * {@code BAD_REQUEST} on {@code after}.
 */
public final class CursorCodec {

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int KEY_ID_LENGTH = 4;

	private static final int NONCE_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private final List<Key> keys;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param keys AES keys (16, 24 or 32 bytes), the first seals; at least one
	 */
	public CursorCodec(List<byte[]> keys) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("A cursor codec needs at least one key");
		}
		List<Key> parsed = new ArrayList<>();
		for (byte[] key : keys) {
			if (key.length != 16 && key.length != 24 && key.length != 32) {
				throw new IllegalArgumentException(
						"Each key of platform.cursors.keys must be 16, 24 or 32 bytes (base64), not " + key.length);
			}
			parsed.add(new Key(keyId(key), new SecretKeySpec(key, "AES")));
		}
		this.keys = List.copyOf(parsed);
	}

	/** A fresh random 256-bit key, for development and tests when none is configured. */
	public static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	/**
	 * The context a connection's tokens are bound to: who asked, and which connection
	 * type.
	 */
	public static String context(String subject, String connection) {
		return subject + "\n" + connection;
	}

	/** The opaque token of {@code position}, bound to {@code context}. */
	public String seal(String position, String context) {
		Key key = this.keys.get(0);
		byte[] nonce = new byte[NONCE_LENGTH];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(position.getBytes(StandardCharsets.UTF_8));
			ByteBuffer token = ByteBuffer.allocate(KEY_ID_LENGTH + NONCE_LENGTH + sealed.length);
			token.put(key.id()).put(nonce).put(sealed);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * The position sealed in {@code token} for {@code context}.
	 * @throws DomainException BAD_REQUEST on {@code after} for a token this codec did not
	 * seal for the context
	 */
	public String open(String token, String context) {
		byte[] raw;
		try {
			raw = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			throw notACursor();
		}
		if (raw.length <= KEY_ID_LENGTH + NONCE_LENGTH) {
			throw notACursor();
		}
		for (Key key : this.keys) {
			if (!MessageDigest.isEqual(key.id(), java.util.Arrays.copyOf(raw, KEY_ID_LENGTH))) {
				continue;
			}
			try {
				Cipher cipher = Cipher.getInstance(TRANSFORMATION);
				cipher.init(Cipher.DECRYPT_MODE, key.spec(),
						new GCMParameterSpec(TAG_BITS, raw, KEY_ID_LENGTH, NONCE_LENGTH));
				cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
				byte[] position = cipher.doFinal(raw, KEY_ID_LENGTH + NONCE_LENGTH,
						raw.length - KEY_ID_LENGTH - NONCE_LENGTH);
				return new String(position, StandardCharsets.UTF_8);
			}
			catch (javax.crypto.AEADBadTagException ex) {
				// another key with the same id, or tampered: try the next key, then
				// refuse
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("AES-GCM is not available", ex);
			}
		}
		throw notACursor();
	}

	private static DomainException notACursor() {
		return DomainException.badRequest("after", "is not a cursor returned by this list");
	}

	private static byte[] keyId(byte[] key) {
		return java.util.Arrays.copyOf(Digests.sha256(key), KEY_ID_LENGTH);
	}

	private record Key(byte[] id, SecretKeySpec spec) {
	}

}
