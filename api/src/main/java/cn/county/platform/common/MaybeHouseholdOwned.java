package cn.county.platform.common;

/**
 * A record that may belong to a household: a consumption-assistance seller of kind
 * HOUSEHOLD and its sales do, enterprises and cooperatives do not. Such records are
 * household-level data exactly when they belong to one (their types carry
 * {@code @personal(onlyHouseholdOwned: true)}); whether they do is their public
 * {@code kind}, so a refusal that depends on it tells nothing a caller could not read
 * anyway.
 */
public interface MaybeHouseholdOwned {

	/** The household the record belongs to, or null. */
	Long householdId();

}
