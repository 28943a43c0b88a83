package cn.county.platform.common;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorKeysTest {

	private static final String OLD = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	private static final String NEW = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

	@Test
	void aSealedCursorCarriesNothingReadable() {
		CursorKeys keys = CursorKeys.of(List.of(NEW));
		String plain = "HEAD_NAME:ASC\n7243019284731\n王秀英";
		String sealed = keys.seal(plain);
		String decoded = new String(Base64.getUrlDecoder().decode(sealed), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(decoded).doesNotContain("7243019284731").doesNotContain("王秀英").doesNotContain("HEAD_NAME");
		assertThat(keys.open(sealed)).contains(plain);
		// a fresh nonce each time: the same position never gives the same cursor twice
		assertThat(keys.seal(plain)).isNotEqualTo(sealed);
	}

	@Test
	void aCursorSealedUnderARotatedOutKeyStillOpensWhileThatKeyIsListed() {
		String sealedBefore = CursorKeys.of(List.of(OLD)).seal("CODE:ASC\n1\nx");
		CursorKeys rotated = CursorKeys.of(List.of(NEW, OLD));
		assertThat(rotated.open(sealedBefore)).contains("CODE:ASC\n1\nx");
		// new cursors are sealed with the first key: once the old key is dropped they still open
		String sealedAfter = rotated.seal("CODE:ASC\n2\ny");
		assertThat(CursorKeys.of(List.of(NEW)).open(sealedAfter)).contains("CODE:ASC\n2\ny");
		assertThat(CursorKeys.of(List.of(NEW)).open(sealedBefore)).isEmpty();
	}

	@Test
	void aTamperedForgedOrForeignCursorDoesNotOpen() {
		CursorKeys keys = CursorKeys.of(List.of(NEW));
		byte[] bytes = Base64.getUrlDecoder().decode(keys.seal("CODE:ASC\n1\nx"));
		bytes[bytes.length - 1] ^= 1;
		assertThat(keys.open(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isEmpty();
		// the cursors of the past: plain base64 of the position
		String forged = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("CODE:ASC\n1\nx".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(keys.open(forged)).isEmpty();
		assertThat(keys.open("not a cursor!")).isEmpty();
		assertThat(CursorKeys.random().open(keys.seal("CODE:ASC\n1\nx"))).isEmpty();
	}

	@Test
	void aKeyMustBeThirtyTwoBytes() {
		assertThatThrownBy(() -> CursorKeys.of(List.of("c2hvcnQ="))).hasMessageContaining("32 bytes");
		assertThatThrownBy(() -> CursorKeys.of(List.of("%%%"))).hasMessageContaining("not base64");
	}

	@Test
	void aCursorOfAnotherSortOrderIsRefusedNamingTheArgument() {
		String sealed = new Cursor("CODE:ASC", "x", 1).encode();
		assertThat(Cursor.decode(sealed, "CODE:ASC")).isEqualTo(new Cursor("CODE:ASC", "x", 1));
		assertThatThrownBy(() -> Cursor.decode(sealed, "HEAD_NAME:ASC")).isInstanceOfSatisfying(
				DomainException.class, (ex) -> assertThat(ex.getMessage()).contains("another sort order"));
		assertThatThrownBy(() -> Cursor.decode("AAAA", "CODE:ASC")).isInstanceOf(DomainException.class);
	}

}
