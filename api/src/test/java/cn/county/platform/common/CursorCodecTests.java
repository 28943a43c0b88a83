package cn.county.platform.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cursor codec: opaque, tamper-evident, bound to its context, and rotatable. */
@Tag("fast")
class CursorCodecTests {

	private static final String POSITION = new Cursor("CODE", "4110241002010001", 123456789012345678L).encode();

	private static final String CONTEXT = CursorCodec.context("subject-1", "HouseholdConnection");

	private final byte[] oldKey = CursorCodec.randomKey();

	private final byte[] newKey = CursorCodec.randomKey();

	@Test
	void aTokenOpensToItsPositionAndShowsNothingOfIt() {
		CursorCodec codec = new CursorCodec(List.of(this.newKey));
		String token = codec.seal(POSITION, CONTEXT);
		assertThat(codec.open(token, CONTEXT)).isEqualTo(POSITION);
		String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
		assertThat(token + decoded).doesNotContain("4110241002010001", "123456789012345678", "CODE", POSITION);
		// a fresh nonce each time: equal positions do not even show as equal tokens
		assertThat(codec.seal(POSITION, CONTEXT)).isNotEqualTo(token);
	}

	@Test
	void aTamperedTokenIsRefusedNamingAfter() {
		CursorCodec codec = new CursorCodec(List.of(this.newKey));
		byte[] raw = Base64.getUrlDecoder().decode(codec.seal(POSITION, CONTEXT));
		for (int i = 0; i < raw.length; i++) {
			byte[] tampered = raw.clone();
			tampered[i] ^= 0x01;
			String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
			assertRefused(() -> codec.open(token, CONTEXT));
		}
	}

	@Test
	void malformedForeignAndOldFormatTokensAreRefused() {
		CursorCodec codec = new CursorCodec(List.of(this.newKey));
		assertRefused(() -> codec.open("not-a-cursor", CONTEXT));
		assertRefused(() -> codec.open("!!!", CONTEXT));
		assertRefused(() -> codec.open("", CONTEXT));
		// the old plain-base64 format
		assertRefused(() -> codec.open(POSITION, CONTEXT));
		String foreign = new CursorCodec(List.of(CursorCodec.randomKey())).seal(POSITION, CONTEXT);
		assertRefused(() -> codec.open(foreign, CONTEXT));
	}

	@Test
	void aTokenOpensOnlyForItsCallerAndItsConnection() {
		CursorCodec codec = new CursorCodec(List.of(this.newKey));
		String token = codec.seal(POSITION, CONTEXT);
		assertRefused(() -> codec.open(token, CursorCodec.context("subject-2", "HouseholdConnection")));
		assertRefused(() -> codec.open(token, CursorCodec.context("subject-1", "JobConnection")));
	}

	@Test
	void aTokenSealedWithAKeyRotatedOutOfFirstPlaceStillOpens() {
		CursorCodec before = new CursorCodec(List.of(this.oldKey));
		String inFlight = before.seal(POSITION, CONTEXT);
		CursorCodec after = new CursorCodec(List.of(this.newKey, this.oldKey));
		assertThat(after.open(inFlight, CONTEXT)).isEqualTo(POSITION);
		// new tokens are sealed with the new key: the old codec cannot open them
		String fresh = after.seal(POSITION, CONTEXT);
		assertRefused(() -> before.open(fresh, CONTEXT));
		assertThat(new CursorCodec(List.of(this.newKey)).open(fresh, CONTEXT)).isEqualTo(POSITION);
		// once the old key is dropped, its tokens no longer open
		assertRefused(() -> new CursorCodec(List.of(this.newKey)).open(inFlight, CONTEXT));
	}

	@Test
	void productionRefusesToStartWithoutAKeyAndNamesTheSetting() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");
		assertThatThrownBy(() -> CursorConfiguration.codec(new CursorProperties(List.of()), prod))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("platform.cursors.keys");
		assertThatThrownBy(() -> CursorConfiguration.codec(new CursorProperties(List.of("")), prod))
			.hasMessageContaining("platform.cursors.keys");
		String key = Base64.getEncoder().encodeToString(this.newKey);
		CursorCodec configured = CursorConfiguration.codec(new CursorProperties(List.of(key)), prod);
		assertThat(new CursorCodec(List.of(this.newKey)).open(configured.seal(POSITION, CONTEXT), CONTEXT))
			.isEqualTo(POSITION);
	}

	@Test
	void developmentMakesUpAKeyAndABadKeyIsRefusedAtStartUp() {
		CursorCodec codec = CursorConfiguration.codec(new CursorProperties(List.of()), new MockEnvironment());
		assertThat(codec.open(codec.seal(POSITION, CONTEXT), CONTEXT)).isEqualTo(POSITION);
		assertThatThrownBy(
				() -> CursorConfiguration.codec(new CursorProperties(List.of("c2hvcnQ=")), new MockEnvironment()))
			.hasMessageContaining("platform.cursors.keys");
		assertThatThrownBy(
				() -> CursorConfiguration.codec(new CursorProperties(List.of("not base64!")), new MockEnvironment()))
			.hasMessageContaining("platform.cursors.keys");
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable open) {
		assertThatThrownBy(open).isInstanceOfSatisfying(DomainException.class, (ex) -> {
			assertThat(ex.violations()).singleElement().satisfies((violation) -> {
				assertThat(violation.field()).isEqualTo("after");
				assertThat(violation.classification()).isEqualTo(ErrorClassification.BAD_REQUEST);
			});
		});
	}

}
