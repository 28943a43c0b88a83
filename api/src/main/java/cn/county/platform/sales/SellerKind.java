package cn.county.platform.sales;

public enum SellerKind {

	ENTERPRISE, COOPERATIVE, HOUSEHOLD

}
