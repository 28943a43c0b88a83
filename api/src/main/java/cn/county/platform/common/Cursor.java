package cn.county.platform.common;

/**
 * Position after which a keyset page starts: the sort value and the id of the last row seen, bound to the sort
 * key that produced it so a cursor from one ordering is not silently misread under another. On the wire a cursor
 * is sealed ({@link CursorKeys}): a client can hand it back but cannot read the row id or sort value in it, nor
 * forge one.
 */
public record Cursor(String sortKey, String value, long id) {

	public String encode() {
		String raw = this.sortKey + "\n" + this.id + "\n" + ((this.value != null) ? this.value : "");
		return CursorKeys.current().seal(raw);
	}

	public static Cursor decode(String encoded, String expectedSortKey) {
		String raw = CursorKeys.current()
			.open(encoded)
			.orElseThrow(() -> DomainException.badRequest("after", "is not a cursor returned by this list"));
		String[] parts = raw.split("\n", 3);
		if (parts.length != 3) {
			throw DomainException.badRequest("after", "is not a cursor returned by this list");
		}
		if (!parts[0].equals(expectedSortKey)) {
			throw DomainException.badRequest("after", "the cursor belongs to another sort order");
		}
		try {
			return new Cursor(parts[0], parts[2], Long.parseLong(parts[1]));
		}
		catch (NumberFormatException ex) {
			throw DomainException.badRequest("after", "is not a cursor returned by this list");
		}
	}

}
