package cn.county.platform.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals keyset cursors so that a reader cannot decode the position they carry (a row id, a head's name, an
 * income): AES-256-GCM from the JDK, authenticated, with a fresh 96-bit nonce per cursor. The first key seals, every
 * key opens, and each sealed cursor names its key by a one-byte id taken from the key's SHA-256, so a new key can
 * be put first while pages handed out under the old one keep working until it is dropped.
 * <p>
 * The keys are process-wide, not a bean, because {@link Cursor} is a value that every feature encodes and decodes
 * where it builds a page; {@link CursorConfiguration} installs the configured keys at start-up. Until then (and in
 * tools that do not start the application) the keys come from {@code PLATFORM_CURSORS_KEYS} in the environment, or
 * from one random key, which makes cursors valid only within this process.
 */
public final class CursorKeys {

	/** The first byte of every sealed cursor, so a later format can be told apart. */
	private static final byte FORMAT = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final byte[] ASSOCIATED = "county-platform-cursor".getBytes(StandardCharsets.US_ASCII);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static volatile CursorKeys installed;

	/** Key id → key, the sealing key first. */
	private final Map<Byte, SecretKeySpec> keys;

	private final byte sealingId;

	private final boolean generated;

	private CursorKeys(List<byte[]> rawKeys, boolean generated) {
		if (rawKeys.isEmpty()) {
			throw new IllegalArgumentException("platform.cursors.keys: at least one key is needed");
		}
		Map<Byte, SecretKeySpec> byId = new LinkedHashMap<>();
		for (byte[] raw : rawKeys) {
			if (raw.length != 32) {
				throw new IllegalArgumentException(
						"platform.cursors.keys: each key must be 32 bytes in base64 (openssl rand -base64 32)");
			}
			byte id = idOf(raw);
			if (byId.putIfAbsent(id, new SecretKeySpec(raw, "AES")) != null) {
				throw new IllegalArgumentException(
						"platform.cursors.keys: two keys share the id " + id + "; generate another key");
			}
		}
		this.keys = byId;
		this.sealingId = byId.keySet().iterator().next();
		this.generated = generated;
	}

	/** Keys from their base64 forms, the sealing key first. */
	public static CursorKeys of(List<String> base64Keys) {
		List<byte[]> raw = new ArrayList<>();
		for (String key : base64Keys) {
			try {
				raw.add(Base64.getDecoder().decode(key.trim()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("platform.cursors.keys: a key is not base64", ex);
			}
		}
		return new CursorKeys(raw, false);
	}

	/** One random key, for a process whose cursors need not survive it. */
	public static CursorKeys random() {
		byte[] raw = new byte[32];
		RANDOM.nextBytes(raw);
		return new CursorKeys(List.of(raw), true);
	}

	/** Whether these keys were made up at start-up rather than configured. */
	public boolean generated() {
		return this.generated;
	}

	static void install(CursorKeys keys) {
		installed = keys;
	}

	static CursorKeys current() {
		CursorKeys keys = installed;
		if (keys == null) {
			synchronized (CursorKeys.class) {
				if (installed == null) {
					String fromEnvironment = System.getenv("PLATFORM_CURSORS_KEYS");
					installed = (fromEnvironment != null && !fromEnvironment.isBlank())
							? of(List.of(fromEnvironment.split(","))) : random();
				}
				keys = installed;
			}
		}
		return keys;
	}

	String seal(String plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.sealingId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(ASSOCIATED);
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			ByteBuffer out = ByteBuffer.allocate(2 + NONCE_BYTES + sealed.length);
			out.put(FORMAT).put(this.sealingId).put(nonce).put(sealed);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** The plain text of a cursor sealed by one of these keys, or empty for anything else. */
	Optional<String> open(String token) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(token);
			if (bytes.length < 2 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != FORMAT) {
				return Optional.empty();
			}
			SecretKeySpec key = this.keys.get(bytes[1]);
			if (key == null) {
				return Optional.empty();
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 2, NONCE_BYTES));
			cipher.updateAAD(ASSOCIATED);
			byte[] plain = cipher.doFinal(bytes, 2 + NONCE_BYTES, bytes.length - 2 - NONCE_BYTES);
			return Optional.of(new String(plain, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	private static byte idOf(byte[] raw) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(raw)[0];
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
