package cn.county.platform.common;

/**
 * A record that names the town it belongs to (a household, a member, a seller, a
 * demonstration village). The audit trail reads it to tell the dashboard's rollup which
 * towns a write touched, before and after the write.
 */
public interface InTown {

	String townCode();

}
