package cn.county.platform.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Position after which a keyset page starts: the sort value and the id of the last row
 * seen, bound to the sort key that produced it so a cursor from one ordering is not
 * silently misread under another.
 */
public record Cursor(String sortKey, String value, long id) {

	public String encode() {
		String raw = this.sortKey + "\n" + this.id + "\n" + ((this.value != null) ? this.value : "");
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	public static Cursor decode(String encoded, String expectedSortKey) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
			String[] parts = raw.split("\n", 3);
			if (parts.length != 3) {
				throw new IllegalArgumentException("malformed");
			}
			if (!parts[0].equals(expectedSortKey)) {
				throw DomainException.badRequest("after", "the cursor belongs to another sort order");
			}
			return new Cursor(parts[0], parts[2], Long.parseLong(parts[1]));
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.badRequest("after", "is not a cursor returned by this list");
		}
	}

}
