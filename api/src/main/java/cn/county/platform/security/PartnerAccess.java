package cn.county.platform.security;

import java.util.Set;

/** Partners' approved field sets and their access log, as the field policy needs them. */
public interface PartnerAccess {

	Set<String> approvedFields(String partnerId);

	void logAccess(String partnerId, String operation, Set<Long> householdIds, Set<String> fields);

}
