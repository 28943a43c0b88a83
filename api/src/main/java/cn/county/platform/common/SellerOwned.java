package cn.county.platform.common;

/**
 * A record that belongs to one consumption-assistance seller (a sale, a monthly report).
 * The audit trail reads it to tell the dashboard's rollup which sellers, and so which
 * towns, a write touched.
 */
public interface SellerOwned {

	long sellerId();

}
