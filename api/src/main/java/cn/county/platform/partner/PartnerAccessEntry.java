package cn.county.platform.partner;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One logged partner request; ids and fields are stored comma-separated, as written once
 * and only read back. The variables are stored masked ({@link LoggedVariables}), as JSON.
 */
public record PartnerAccessEntry(long id, String partnerId, OffsetDateTime accessedAt, String operation,
		String householdIdList, String fieldList, String documentHash, String variables, String outcome) {

	public List<Long> householdIds() {
		return this.householdIdList.isEmpty() ? List.of()
				: Arrays.stream(this.householdIdList.split(",")).map(Long::valueOf).toList();
	}

	public List<String> fields() {
		return this.fieldList.isEmpty() ? List.of() : List.of(this.fieldList.split(","));
	}

}
