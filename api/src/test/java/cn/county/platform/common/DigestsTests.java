package cn.county.platform.common;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SHA-256 as the platform spells it: the test vectors of FIPS 180-2, in lower-case hex as
 * Apollo clients send it.
 */
@Tag("fast")
class DigestsTests {

	@Test
	void sha256HexMatchesTheStandardVectors() {
		assertThat(Digests.sha256Hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Digests.sha256Hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void textIsHashedAsUtf8() {
		assertThat(Digests.sha256Hex("户"))
			.isEqualTo(java.util.HexFormat.of().formatHex(Digests.sha256("户".getBytes(StandardCharsets.UTF_8))));
		assertThat(Digests.sha256("abc".getBytes(StandardCharsets.UTF_8))).hasSize(32);
	}

}
