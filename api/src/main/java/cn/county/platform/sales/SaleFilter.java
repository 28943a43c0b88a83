package cn.county.platform.sales;

public record SaleFilter(Long sellerId, String month, SalesChannel channel, String townCode) {

	public static final SaleFilter NONE = new SaleFilter(null, null, null, null);

}
