package cn.county.platform.sales;

public record SellerFilter(String townCode, String villageCode, SellerKind kind, Boolean onPurchasePlatform,
		String search) {

	public static final SellerFilter NONE = new SellerFilter(null, null, null, null, null);

	/** The search text with LIKE's wildcards escaped, for a prefix match on the name. */
	public String searchPrefix() {
		if (this.search == null || this.search.isBlank()) {
			return null;
		}
		return this.search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
