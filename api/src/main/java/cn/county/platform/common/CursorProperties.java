package cn.county.platform.common;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that seal the API's cursors ({@link CursorCodec}).
 *
 * @param keys AES keys, base64 (16, 24 or 32 bytes each): the first seals new cursors,
 * all open cursors, so a key is rotated by putting the new one first and dropping the old
 * one once the pages in flight have expired. Empty outside production: a random key is
 * made at start-up (cursors then do not survive a restart or span instances). Required in
 * the {@code prod} profile.
 */
@ConfigurationProperties("platform.cursors")
public record CursorProperties(@DefaultValue List<String> keys) {
}
