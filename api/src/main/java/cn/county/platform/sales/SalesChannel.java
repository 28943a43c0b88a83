package cn.county.platform.sales;

public enum SalesChannel {

	/**
	 * The agricultural purchase platform (农购网): only for sellers registered there as
	 * suppliers.
	 */
	PURCHASE_PLATFORM, OTHER_ONLINE, OFFLINE_EVENT, INSTITUTIONAL_PURCHASE, OTHER

}
