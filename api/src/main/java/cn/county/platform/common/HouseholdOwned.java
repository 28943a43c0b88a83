package cn.county.platform.common;

/**
 * A record that belongs to one household. The partner access log reads it to name the
 * households whose data a partner received, whatever the record's type; the audit trail
 * reads it to tell the dashboard's rollup which households (and so which towns) a write
 * touched.
 */
public interface HouseholdOwned {

	long householdId();

}
