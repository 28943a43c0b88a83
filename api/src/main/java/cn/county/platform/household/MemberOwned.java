package cn.county.platform.household;

/**
 * A record that belongs to one member (a job, a subsidy, a training, a certificate). A
 * feature whose types name their member wires their {@code member} fields with
 * {@link HouseholdLoaders#memberFields} rather than a mapping method per type.
 */
public interface MemberOwned {

	long memberId();

}
